import { useCallback, useMemo, useState } from 'react'
import { App, Button, Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  comparisonFacts,
  thresholdInWords,
  windowInWords,
} from '../../../../shared/kinds/monitoring-compare-words'
import {
  MONITORING_BASES,
  seriesInWords,
  type MonitoringBasis,
} from '../../../../shared/kinds/monitoring-words'
import type { ComparisonSummary } from '../../../../shared/kinds/monitoring-compare'
import type { MonitoringView } from '../../../../shared/types'
import { toIsoWithOffset, zoneOffsetMinutes } from '../../../../shared/time-zone'
import { ErrorAlert } from '../../components/error-alert'
import type { ItemAnnotations } from '../../components/viewers/common/use-annotations'
import { asApiError } from '../../lib/errors'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import { ComparisonChart } from './comparison-chart'
import { RangeForm, RangeList, readRange, type DataRange } from './range-panel'

interface Props {
  view: MonitoringView & { comparison: ComparisonSummary }
  ranges: ItemAnnotations<'data-range'>
  timezone: string
}

/**
 * A comparison item (数据比对) in the monitoring viewer: A, B and their difference on one time
 * axis, the windows over the threshold in words with "cite this range", any stretch of the
 * difference cited by dragging, and the two sources with their hashes and the parameters.
 */
export function ComparisonBody({ view, ranges, timezone }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const c = view.comparison
  const [pending, setPending] = useState<DataRange | null>(null)
  const [clearSignal, setClearSignal] = useState(0)
  // the difference is of A's basis (both sides are compared as they are); named when this version knows it
  const basis = (MONITORING_BASES as readonly string[]).includes(c.a.basis)
    ? (c.a.basis as MonitoringBasis)
    : undefined
  const cite = useCallback(
    (start: string, end: string) =>
      setPending({
        pollutant: c.pollutant,
        outlet: c.differenceOutlet,
        ...(basis ? { basis } : {}),
        start,
        end,
      }),
    [c.pollutant, c.differenceOutlet, basis],
  )

  const lines = useMemo(
    () =>
      view.points.map((p, k) => ({
        name:
          k === 2
            ? t('docsViewer:monitoring.compare.view.difference')
            : `${k === 0 ? 'A' : 'B'} ${(k === 0 ? c.a : c.b).number}`,
        points: p.points,
      })),
    [view.points, c.a, c.b, t],
  )
  const times = useMemo(() => (view.points[0]?.points ?? []).map(([iso]) => Date.parse(iso)), [view.points])
  const cited = useMemo(
    () =>
      ranges.annotations.flatMap((a, i) => {
        const r = readRange(a)
        return a.withdrawnAt === null && r.outlet === c.differenceOutlet
          ? [{ start: r.start, end: r.end, label: `R${i + 1}` }]
          : []
      }),
    [ranges.annotations, c.differenceOutlet],
  )

  const onBrush = useCallback(
    (fromMs: number, toMs: number) => {
      const nearest = (ms: number) =>
        times.reduce((best, x) => (Math.abs(x - ms) < Math.abs(best - ms) ? x : best), times[0] ?? ms)
      const start = nearest(fromMs)
      const end = nearest(toMs)
      if (end <= start) {
        void message.warning(t('docsViewer:monitoring.range.tooShort'))
        setClearSignal((n) => n + 1)
        return
      }
      const iso = (ms: number) => toIsoWithOffset(ms, zoneOffsetMinutes(timezone, ms))
      cite(iso(start), iso(end))
    },
    [times, timezone, message, t, cite],
  )

  async function saveRange(note: string) {
    if (!pending) return
    await ranges.add(
      {
        pollutant: pending.pollutant,
        outlet: pending.outlet,
        ...(pending.basis ? { basis: pending.basis } : {}),
        start: pending.start,
        end: pending.end,
      },
      note,
    )
    setPending(null)
    setClearSignal((n) => n + 1)
    void message.success(t('docsViewer:monitoring.range.saved'))
  }

  const facts = comparisonFacts(c, lang)
  // facts: what was compared, the count line and one sentence per window (when there are any), then the notes
  const head = facts.slice(0, 2)
  const tail = facts.slice(c.windows.length > 0 ? 2 + c.windows.length : 2)
  const sideName = (s: ComparisonSummary['a']) =>
    seriesInWords(
      { outlet: s.series.outlet, pollutant: s.series.pollutant, basis: s.basis, periodSec: c.periodSec },
      lang,
    )

  return (
    <div className="docs-viewer" data-testid="monitoring-viewer" data-state="ready" data-comparison="true">
      <div className="docs-grid">
        <div className="docs-main">
          <div className="mon-toolbar">
            <Typography.Text strong>
              {t('docsViewer:monitoring.compare.action')} · {c.pollutant}
            </Typography.Text>
            <Typography.Text type="secondary" className="small">
              {t('docsViewer:monitoring.compare.view.brushHint')}
            </Typography.Text>
          </div>
          <ComparisonChart
            lines={lines}
            unit={c.unit}
            windows={c.windows}
            threshold={c.parameters.threshold.kind === 'absolute' ? c.parameters.threshold.value : null}
            timezone={timezone}
            onBrush={onBrush}
            clearSignal={clearSignal}
            cited={cited}
            label={t('docsViewer:monitoring.compare.view.chartLabel', { pollutant: c.pollutant })}
          />
          {view.points[0]?.thinned && (
            <Typography.Text type="secondary" className="small" data-testid="monitoring-thinned">
              {t('docsViewer:monitoring.thinned', view.points[0].thinned)}
            </Typography.Text>
          )}
          <Card size="small" title={t('docsViewer:monitoring.compare.view.factsTitle')} className="docs-card">
            <ul className="mon-facts" data-testid="comparison-facts">
              {head.map((f) => (
                <li key={f}>{f}</li>
              ))}
              {c.windows.map((w) => (
                <li key={w.start} data-testid="comparison-window">
                  <span>{windowInWords(c, w, lang)}</span>
                  <Button size="small" type="link" onClick={() => cite(w.start, w.end)}>
                    {t('docsViewer:monitoring.compare.view.cite')}
                  </Button>
                </li>
              ))}
              {tail.map((f) => (
                <li key={f} className="mon-note" data-testid="comparison-note">
                  {f}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="docs-side">
          {pending && (
            <RangeForm
              key={`${pending.start}${pending.end}`}
              range={pending}
              onSave={saveRange}
              onCancel={() => {
                setPending(null)
                setClearSignal((n) => n + 1)
              }}
            />
          )}
          {ranges.failure !== null && <ErrorAlert error={asApiError(ranges.failure)} />}
          <RangeList ranges={ranges.annotations} timezone={timezone} onWithdraw={ranges.withdraw} />
          <Card
            size="small"
            title={t('docsViewer:monitoring.compare.view.sourcesTitle')}
            className="docs-card"
            data-testid="comparison-sources"
          >
            <Descriptions size="small" column={1} layout="vertical">
              {(['a', 'b'] as const).map((k) => (
                <Descriptions.Item key={k} label={`${k.toUpperCase()} ${c[k].number}`}>
                  <div className="mon-source">
                    <div>{sideName(c[k])}</div>
                    <div className="small" data-user-data>
                      {c[k].originalName} · {c[k].series.column}
                    </div>
                    <div className="mono small" data-testid={`comparison-sha-${k}`}>
                      SHA-256 {c[k].sha256}
                    </div>
                  </div>
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('docsViewer:monitoring.compare.view.parameters')}>
                <div className="mon-source">
                  <div>
                    {t('docsViewer:monitoring.compare.view.threshold', {
                      value: thresholdInWords(c.parameters.threshold, c.unit, lang),
                    })}
                  </div>
                  <div>
                    {t('docsViewer:monitoring.compare.view.range', {
                      value:
                        c.parameters.start || c.parameters.end
                          ? `${c.parameters.start ? formatIsoWithOwnOffset(c.parameters.start) : '…'} — ${c.parameters.end ? formatIsoWithOwnOffset(c.parameters.end) : '…'}`
                          : t('docsViewer:monitoring.compare.view.wholeRange'),
                    })}
                  </div>
                </div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </div>
      </div>
    </div>
  )
}
