import type { ReactNode } from 'react'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../../lib/format'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import type { EvidenceItemOf, MonitoringSeriesSummary } from '../../../../shared/types'
import { seriesInWords } from '../../../../shared/kinds/monitoring-words'
import type { ComparisonThreshold } from '../../../../shared/kinds/monitoring-compare'
import { thresholdInWords } from '../../../../shared/kinds/monitoring-compare-words'
import { displayUnit, exceedanceFacts } from './monitoring-facts'
import { useSeriesInForce } from './use-series-in-force'

/**
 * 在线监测数据 in words: the file's rows and period, then each series named with its basis and
 * period and judged as the viewer judges it, every exceedance window with its peak and ratios.
 */
export function MonitoringDetails({ item }: { item: EvidenceItemOf<'monitoring'> }) {
  const { t, i18n } = useTranslation()
  const meta = item.meta
  // the import's summary at once, then the series in force (with officers' limits and bases)
  const inForce = useSeriesInForce(item.id)
  const series = inForce ?? ((meta.series ?? []) as MonitoringSeriesSummary[])
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  // a comparison item (数据比对): its three series are A, B and A−B, told in the viewer, not judged against a limit
  const comparison =
    item.derivedFrom?.operation === 'compare'
      ? (meta.comparison as
          | { a: { number: string }; b: { number: string }; threshold: ComparisonThreshold; windows: number }
          | undefined)
      : undefined
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
      {comparison ? (
        <Typography.Text data-testid="comparison-details">
          {t('docsViewer:monitoring.compare.details', {
            a: comparison.a.number,
            b: comparison.b.number,
            threshold: thresholdInWords(comparison.threshold, series[0]?.unit ?? null, lang),
            count: comparison.windows,
          })}
        </Typography.Text>
      ) : series.length === 0 ? (
        <Typography.Text type="secondary">{t('item.monitoring.noSeries')}</Typography.Text>
      ) : (
        <ul className="series-list">
          {series.map((s, i) => (
            <SeriesLine key={`${i}-${s.column}`} s={s} />
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * One series as the viewer judges it (shared wording: basis, period, flags, ratios that never
 * round across a threshold), so the panel and the viewer cannot disagree about a limit.
 */
function SeriesLine({ s }: { s: MonitoringSeriesSummary }) {
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const facts = exceedanceFacts(s, i18n)
  return (
    <li className="series-item" data-testid="monitoring-series">
      <Typography.Text strong data-user-data>
        {seriesInWords(s, lang)}
      </Typography.Text>
      {s.unit && (
        <Typography.Text type="secondary" className="small" data-user-data>
          {` (${displayUnit(s.unit)})`}
        </Typography.Text>
      )}
      <ul className="exceed-list">
        {facts.map((f) => (
          <li
            key={f.key}
            className={`small ${f.window ? 'exceed' : 'secondary'}`}
            data-testid={f.window ? 'exceedance' : 'monitoring-fact'}
          >
            {f.text}
          </li>
        ))}
      </ul>
    </li>
  )
}
