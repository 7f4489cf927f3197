import type { ReactNode } from 'react'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../lib/format'

export type FactRow = { key: string; label: ReactNode; children: ReactNode }

/** Collects label/value rows, leaving out the values an item does not have. */
export function factRows(): {
  rows: FactRow[]
  add(key: string, label: ReactNode, value: ReactNode | null | undefined): void
} {
  const rows: FactRow[] = []
  return {
    rows,
    add(key, label, value) {
      if (value !== null && value !== undefined && value !== '') rows.push({ key, label, children: value })
    },
  }
}

/** A number rounded and dressed by `wrap`; null when there is none. */
export function fmt(
  v: number | null | undefined,
  digits: number,
  wrap: (n: string) => string = (n) => n,
): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? wrap(formatNumber(v, digits)) : null
}

/** The facts of one kind as a compact list in the details panel; says so when there are none. */
export function FactList({ rows }: { rows: FactRow[] }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Typography.Text type="secondary">{t('item.noMeta')}</Typography.Text>
  return (
    <Descriptions
      colon={false}
      size="small"
      column={1}
      className="details-descriptions"
      styles={{ label: { width: 112 } }}
      items={rows}
    />
  )
}
