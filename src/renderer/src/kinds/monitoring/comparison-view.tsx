import { useMemo } from 'react'
import { Button, Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  comparisonFacts,
  thresholdInWords,
  windowInWords,
} from '../../../../shared/kinds/monitoring-compare-words'
import { differenceInWords, seriesInWords } from '../../../../shared/kinds/monitoring-words'
import type { ComparisonSummary } from '../../../../shared/kinds/monitoring-compare'
import type { MonitoringView } from '../../../../shared/types'
import type { ItemAnnotations } from '../../components/viewers/common/use-annotations'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import { ComparisonChart } from './comparison-chart'
import { CitedRanges } from './range-panel'
import { citedSeries, useRangeCiting } from './use-range-citing'

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
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const c = view.comparison
  // the difference is of A's basis (both sides are compared as they are)
  const series = useMemo(
    () => citedSeries({ pollutant: c.pollutant, outlet: c.differenceOutlet, basis: c.a.basis }),
    [c.pollutant, c.differenceOutlet, c.a.basis],
  )
  const times = useMemo(() => (view.points[0]?.points ?? []).map(([iso]) => Date.parse(iso)), [view.points])
  const citing = useRangeCiting(ranges, timezone, series, times)

  const lines = useMemo(
    () =>
      view.points.map((p, k) => ({
        name: k === 2 ? differenceInWords(lang) : `${k === 0 ? 'A' : 'B'} ${(k === 0 ? c.a : c.b).number}`,
        points: p.points,
      })),
    [view.points, c.a, c.b, lang],
  )

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
            onBrush={citing.onBrush}
            clearSignal={citing.clearSignal}
            cited={citing.cited}
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
                  <Button size="small" type="link" onClick={() => citing.cite(w.start, w.end)}>
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
          <CitedRanges citing={citing} ranges={ranges} timezone={timezone} />
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
