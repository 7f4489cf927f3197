import type { ReactNode } from 'react'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDuration, formatNumber } from '../../lib/format'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import type { EvidenceItemOf } from '../../../../shared/types'
import type { MonitoringMeta } from '../../../../shared/kinds'

/**
 * 在线监测数据 in words: each pollutant's unit, points, maximum and limit, and every exceedance
 * window with its peak and exceedance multiple ((value − limit) / limit), as officers write it.
 */
export function MonitoringDetails({ item }: { item: EvidenceItemOf<'monitoring'> }) {
  const { t } = useTranslation()
  const meta = item.meta
  const series = meta.series ?? []
  const start = meta.start ?? null
  const end = meta.end ?? null
  const interval = meta.intervalSec ?? null
  const rows = [
    { key: 'encoding', label: t('item.transcript.encoding'), children: meta.encoding?.toUpperCase() },
    meta.rows !== undefined && {
      key: 'rows',
      label: t('item.monitoring.rows'),
      children: t('item.monitoring.rowCount', {
        count: meta.rows,
        skipped: meta.skippedRows ?? 0,
      }),
    },
    start &&
      end && {
        key: 'span',
        label: t('item.monitoring.span'),
        children: (
          <span className="mono small">
            <div>{formatIsoWithOwnOffset(start)}</div>
            <div>— {formatIsoWithOwnOffset(end)}</div>
          </span>
        ),
      },
    interval !== null && {
      key: 'interval',
      label: t('item.monitoring.interval'),
      children: formatDuration(interval, t),
    },
  ].filter((r) => Boolean(r && r.children)) as Array<{ key: string; label: string; children: ReactNode }>

  return (
    <div data-testid="monitoring-meta">
      <Descriptions
        colon={false}
        size="small"
        column={1}
        className="details-descriptions"
        styles={{ label: { width: 112 } }}
        items={rows}
      />
      {series.length === 0 ? (
        <Typography.Text type="secondary">{t('item.monitoring.noSeries')}</Typography.Text>
      ) : (
        <ul className="series-list">
          {series.map((s, i) => (
            <SeriesLine key={i} s={s} />
          ))}
        </ul>
      )}
    </div>
  )
}

type Series = NonNullable<MonitoringMeta['series']>[number]

function SeriesLine({ s }: { s: Series }) {
  const { t } = useTranslation()
  const unit = s.unit ?? ''
  const limit = s.limit
  const max = s.max
  const windows = s.exceedances
  const name = s.pollutant || s.column || '?'
  return (
    <li className="series-item">
      <div>
        <Typography.Text strong data-user-data>
          {name}
        </Typography.Text>
        {unit && (
          <Typography.Text type="secondary" className="small" data-user-data>
            {' '}
            ({unit})
          </Typography.Text>
        )}
      </div>
      <div className="small">
        {t('item.monitoring.seriesFacts', {
          points: s.points,
          max: max === null ? '—' : formatNumber(max, 3),
          limit: limit === null ? t('item.monitoring.noLimit') : formatNumber(limit, 3),
        })}
      </div>
      <div className={`small ${windows.length ? 'exceed' : 'secondary'}`}>
        {limit === null
          ? t('item.monitoring.notJudged')
          : windows.length === 0
            ? t('item.monitoring.noExceedance')
            : t('item.monitoring.exceedanceCount', { count: windows.length })}
      </div>
      {limit !== null && windows.length > 0 && (
        <ul className="exceed-list">
          {windows.map((w, j) => {
            const peak = w.max
            return (
              <li key={j} className="small" data-testid="exceedance">
                {t('item.monitoring.window', {
                  start: formatIsoWithOwnOffset(w.start),
                  end: formatIsoWithOwnOffset(w.end),
                  max: formatNumber(peak, 3),
                  unit,
                  multiple: limit === 0 ? '—' : formatNumber((peak - limit) / limit, 2),
                })}
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
}
