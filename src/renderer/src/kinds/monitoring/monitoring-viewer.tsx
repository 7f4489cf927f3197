import { useContext, useMemo, useState } from 'react'
import { Button, Card, Empty, Select, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem, MonitoringSeriesSummary, MonitoringView } from '../../../../shared/types'
import { groupKey, seriesInWords } from '../../../../shared/kinds/monitoring-words'
import { asApiError } from '../../lib/errors'
import { SessionContext } from '../../state/session'
import { ErrorAlert } from '../../components/error-alert'
import { TimeWarnings } from '../../components/viewers/common/time-warnings'
import { BasisPanel } from './basis-panel'
import { CompareButton } from './compare-form'
import { ComparisonBody } from './comparison-view'
import { LimitPanel } from './limit-panel'
import { MonitoringChart } from './monitoring-chart'
import { exceedanceFacts } from './monitoring-facts'
import { CitedRanges } from './range-panel'
import { RepeatList } from './repeat-list'
import { useMonitoring } from './use-monitoring'
import { citedSeries, useRangeCiting } from './use-range-citing'
import '../../components/viewers/common/docs-viewers.css'
import './monitoring.css'
import { useAnnotations } from '../../components/viewers/common/use-annotations'

const keyOf = (s: { pollutant: string; outlet?: string; column: string }): string =>
  `${s.outlet ?? ''}|${s.pollutant}|${s.column}`
const groupOf = (s: { pollutant: string; outlet?: string }): string => groupKey(s.outlet, s.pollutant)

/** The series of a factor the limit is compared with (折算, else 实测, or the officer's choice). */
function judgedSeries(view: MonitoringView, group: string): MonitoringSeriesSummary | null {
  const all = view.series.filter((s) => groupOf(s) === group)
  return all.find((s) => s.judged) ?? all.find((s) => s.limit !== null) ?? null
}

/**
 * 在线监测数据 viewer: one pollutant over time with its limit and 超标 windows, the facts in words
 * under the chart, the limit set or corrected with a reason, and 数据区间 cited by dragging.
 */
export function MonitoringViewer({ item }: { item: EvidenceItem }) {
  // Keyed by item: the pollutant, a dragged range and the forms belong to one file only.
  return <MonitoringViewerBody key={item.id} item={item} />
}

function MonitoringViewerBody({ item }: { item: EvidenceItem }) {
  const { t, i18n } = useTranslation()
  const session = useContext(SessionContext)
  const timezone = session?.currentCase?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const { view, failure, loading, setLimit, setBasis } = useMonitoring(item.id)
  const ranges = useAnnotations(item.id, 'data-range')
  const [chosen, setChosen] = useState<string | null>(null)

  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  // Start on a judged series with exceedances, else a judged one, else the first: what the officer came for.
  const summary =
    view?.series.find((s) => keyOf(s) === chosen) ??
    view?.series.find((s) => s.judged && s.exceedances.length > 0) ??
    view?.series.find((s) => s.judged) ??
    view?.series[0] ??
    null
  const judged = view && summary ? judgedSeries(view, groupOf(summary)) : null
  const drawn = useMemo(
    () => view?.points.find((p) => summary && keyOf(p) === keyOf(summary)) ?? null,
    [view, summary],
  )
  const points = useMemo(() => drawn?.points ?? [], [drawn])
  // a mean drawn with its period minimum and maximum (HJ 212 -Min/-Max of the same factor and basis)
  const band = useMemo(() => {
    if (!view || !summary || summary.statistic) return undefined
    const of = (statistic: 'min' | 'max') => {
      const same = (s: { statistic?: string; pollutant: string; outlet?: string; basis: string }) =>
        s.statistic === statistic &&
        s.pollutant === summary.pollutant &&
        s.outlet === summary.outlet &&
        s.basis === summary.basis
      const line = view.points.find(same)
      const named = view.series.find(same)
      return line && named ? { points: line.points, name: seriesInWords(named, lang) } : null
    }
    const min = of('min')
    const max = of('max')
    return min && max ? { min: min.points, max: max.points, minName: min.name, maxName: max.name } : undefined
  }, [view, summary, lang])
  const facts = summary ? exceedanceFacts(summary, i18n) : []
  const series = useMemo(() => (summary ? citedSeries(summary) : null), [summary])
  const times = useMemo(() => points.map(([iso]) => Date.parse(iso)), [points])
  const citing = useRangeCiting(ranges, timezone, series, times)

  if (loading) {
    return (
      <div className="docs-viewer docs-loading" data-testid="monitoring-viewer" data-state="loading">
        <Spin />
        <Typography.Text type="secondary">{t('docsViewer:common.loading')}</Typography.Text>
      </div>
    )
  }
  if (!view) {
    return (
      <div className="docs-viewer" data-testid="monitoring-viewer" data-state="failed">
        <ErrorAlert error={asApiError(failure)} subject={`${item.number} ${item.originalName}`} />
      </div>
    )
  }
  if (view.comparison)
    return (
      <ComparisonBody view={{ ...view, comparison: view.comparison }} ranges={ranges} timezone={timezone} />
    )
  if (!summary) {
    return (
      <div className="docs-viewer" data-testid="monitoring-viewer" data-state="empty">
        <Empty description={t('docsViewer:monitoring.noSeries')} />
      </div>
    )
  }

  return (
    <div className="docs-viewer" data-testid="monitoring-viewer" data-state="ready">
      <div className="docs-grid">
        <div className="docs-main">
          <TimeWarnings item={item} />
          <div className="mon-toolbar">
            <label className="mon-select">
              <span>{t('docsViewer:monitoring.pollutant')}</span>
              <Select
                aria-label={t('docsViewer:monitoring.pollutant')}
                value={keyOf(summary)}
                onChange={(v: string) => {
                  setChosen(v)
                  citing.drop()
                }}
                options={view.series.map((s) => ({
                  value: keyOf(s),
                  // the column as the file names it is the file's words, not the interface's
                  label: (
                    <>
                      {seriesInWords(s, lang)}
                      <span data-user-data>{lang === 'en' ? ` (${s.column})` : `（${s.column}）`}</span>
                      {s.judged ? ` · ${t('docsViewer:monitoring.judged')}` : ''}
                    </>
                  ),
                }))}
                popupMatchSelectWidth={false}
                style={{ minWidth: 260 }}
                data-testid="pollutant-select"
              />
            </label>
            <Typography.Text type="secondary" className="small">
              {t('docsViewer:monitoring.brushHint')}
            </Typography.Text>
            <CompareButton item={item} view={view} current={summary} timezone={timezone} />
          </div>
          <MonitoringChart
            summary={summary}
            seriesName={seriesInWords(summary, lang)}
            points={points}
            timezone={timezone}
            onBrush={citing.onBrush}
            clearSignal={citing.clearSignal}
            cited={citing.cited}
            band={band}
          />
          {band && (
            <Typography.Text type="secondary" className="small" data-testid="monitoring-band-note">
              {t('docsViewer:monitoring.bandNote', { min: band.minName, max: band.maxName })}
            </Typography.Text>
          )}
          {drawn?.thinned && (
            <Typography.Text type="secondary" className="small" data-testid="monitoring-thinned">
              {t('docsViewer:monitoring.thinned', drawn.thinned)}
            </Typography.Text>
          )}
          <Card size="small" title={t('docsViewer:monitoring.facts.title')} className="docs-card">
            <ul className="mon-facts" data-testid="exceedance-facts">
              {facts.map((f) => (
                <li
                  key={f.key}
                  data-testid={f.note ? 'monitoring-note' : 'exceedance-fact'}
                  className={f.note ? 'mon-note' : undefined}
                >
                  <span>{f.text}</span>
                  {f.window && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => citing.cite(f.window!.start, f.window!.end)}
                    >
                      {t('docsViewer:monitoring.facts.cite')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {summary.limit !== null && (
              <Typography.Text type="secondary" className="small">
                {t('docsViewer:monitoring.facts.equalNote')}
              </Typography.Text>
            )}
          </Card>
          <RepeatList summary={summary} />
        </div>
        <div className="docs-side">
          <CitedRanges citing={citing} ranges={ranges} timezone={timezone} />
          {judged && (
            <LimitPanel
              key={`${judged.pollutant}-${judged.column}-${judged.limit}`}
              summary={judged}
              history={view.limitHistory}
              timezone={timezone}
              group={groupOf(judged)}
              onSet={(limit, reason) => setLimit(groupOf(judged), limit, reason)}
            />
          )}
          <BasisPanel
            key={`basis-${groupOf(summary)}-${judged?.basis}`}
            pollutant={groupOf(summary)}
            series={view.series.filter((s) => groupOf(s) === groupOf(summary))}
            history={view.basisHistory}
            timezone={timezone}
            onSet={(basis, reason) => setBasis(groupOf(summary), basis, reason)}
          />
        </div>
      </div>
    </div>
  )
}
