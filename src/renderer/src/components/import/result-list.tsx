import { useRef, useState } from 'react'
import { Empty, Tag, Typography } from 'antd'
import {
  CheckCircleFilled,
  CloseCircleFilled,
  CopyOutlined,
  ExclamationCircleFilled,
} from '@ant-design/icons'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ImportFileResult } from '../../../../shared/types'
import { baseName, dirName, formatBytes } from '../../lib/format'
import { errorText } from '../../lib/message-maps'
import { warningText } from '../../lib/warnings'
import { categoryLabel, kindLabel } from '../../kinds/registry'

const ESTIMATE = 52

export type Outcome = 'imported' | 'warned' | 'duplicate' | 'rejected'

/** "kept with warnings" is its own outcome: officers check those files first. */
export function outcomeOf(r: ImportFileResult): Outcome {
  if (r.status === 'imported') return r.warnings.length > 0 ? 'warned' : 'imported'
  return r.status
}

/** Why a file was not imported, in plain words; the backend's message stays under "details". */
export function rejectReason(r: ImportFileResult, t: TFunction): string {
  const code = r.error?.code ?? 'internal'
  // The backend reports an empty file as invalid input; its size says which it was.
  if (code === 'invalid-input' && r.size === 0) return t('tasks.reason.empty')
  if (code === 'io-error') return t('tasks.reason.unreadable')
  if (code === 'cancelled') return t('tasks.reason.cancelled')
  const text = errorText(code)
  return `${t(text.title)} — ${t(text.action)}`
}

const ICONS = {
  imported: <CheckCircleFilled className="result-icon ok" />,
  warned: <ExclamationCircleFilled className="result-icon warn" />,
  duplicate: <CopyOutlined className="result-icon dup" />,
  rejected: <CloseCircleFilled className="result-icon bad" />,
}

/** The per-file results of one import, virtualised: a batch can be thousands of files. */
export function ResultList({ results }: { results: ImportFileResult[] }) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
  })

  if (results.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('tasks.noResults')}
        className="result-empty"
      />
    )

  const toggle = (i: number) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (!next.delete(i)) next.add(i)
      return next
    })

  return (
    <div
      className="result-list"
      ref={scrollRef}
      role="list"
      aria-label={t('tasks.results')}
      data-testid="result-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const r = results[row.index]
          const outcome = outcomeOf(r)
          const technical = [r.error?.message, ...r.warnings.map((w) => `${w.code}: ${w.message}`)].filter(
            Boolean,
          )
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              role="listitem"
              className={`result-row ${outcome}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
              data-testid="result-row"
              data-status={r.status}
            >
              {ICONS[outcome]}
              <div className="result-main">
                <div className="result-head">
                  <Typography.Text strong className="result-name" data-user-data title={r.path}>
                    {baseName(r.path)}
                  </Typography.Text>
                  <span className="result-tags">
                    {r.status === 'imported' && r.number && (
                      <Tag color="blue" className="mono" data-user-data>
                        {r.number}
                      </Tag>
                    )}
                    {r.status === 'duplicate' && <Tag>{t('tasks.sameAs', { number: r.number ?? '' })}</Tag>}
                    {r.status === 'rejected' && <Tag color="red">{t('tasks.status.rejected')}</Tag>}
                    {r.kind && r.status === 'imported' && (
                      <Tag>{r.category ? categoryLabel(t, r.category) : kindLabel(t, r.kind)}</Tag>
                    )}
                    <Typography.Text type="secondary" className="small nowrap">
                      {formatBytes(r.size)}
                    </Typography.Text>
                  </span>
                </div>
                <Typography.Text type="secondary" className="mono small result-dir" data-user-data>
                  {dirName(r.path)}
                </Typography.Text>
                {r.status === 'rejected' && <div className="result-reason bad">{rejectReason(r, t)}</div>}
                {r.warnings.map((w, i) => (
                  <div key={i} className="result-reason warn" data-code={w.code}>
                    {warningText(w, t)}
                  </div>
                ))}
                {technical.length > 0 && (
                  <>
                    <Typography.Link className="small" onClick={() => toggle(row.index)}>
                      {expanded.has(row.index) ? t('tasks.hideDetails') : t('errors.details')}
                    </Typography.Link>
                    {expanded.has(row.index) && (
                      <pre className="mono result-technical" data-user-data>
                        {technical.join('\n')}
                      </pre>
                    )}
                  </>
                )}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
