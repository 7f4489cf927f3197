import type { Messages } from './messages'
import type { monitoringCompareZhCN } from './monitoring-compare.zh-CN'

/** The monitoring tamper comparison's words (English), under `docsViewer:monitoring.compare`. */
export const monitoringCompareEn: Messages<typeof monitoringCompareZhCN> = {
  action: 'Compare data',
  title: 'Data comparison: two monitoring series period by period',
  intro:
    'Compared period by period (no interpolation); only periods with valid data on both sides are compared, missing and flagged periods are shown but not compared. The result is saved as a new derived item.',
  seriesA: 'Series A (this item)',
  itemB: 'Data B (item)',
  seriesB: 'Series of B',
  loadingSeries: 'Reading the series…',
  threshold: 'Threshold',
  absolute: 'Absolute difference ({{unit}})',
  absoluteNoUnit: 'Absolute difference (in the data unit)',
  percent: "Relative difference (% of A's value)",
  range: 'Time range (optional, case zone {{zone}})',
  rangeHint: 'Leave empty to compare every period.',
  reason: 'Why compare',
  reasonPlaceholder: 'e.g. check the platform upload against the DCS record on site',
  submit: 'Compare',
  running: 'Comparing and saving…',
  done: 'Data comparison {{number}} made',
  sameSeries: 'Series A and series B cannot be the same series.',
  details:
    'Data comparison of A {{a}} with B {{b}}, threshold {{threshold}}: {{count}} window(s) over it. Open the viewer for both series, their difference and each window in words.',
  view: {
    sourcesTitle: 'Compared sources',
    a: 'A',
    b: 'B',
    threshold: 'Threshold {{value}}',
    parameters: 'Parameters',
    range: 'Time range: {{value}}',
    wholeRange: 'every period',
    factsTitle: 'Comparison',
    cite: 'Cite this range',
    windowArea: 'over threshold',
    brushHint: 'Drag across the chart to cite any stretch of the difference as a data range.',
    chartLabel: '{{pollutant}} data comparison chart',
    sha256: 'SHA-256',
    series: 'Series',
    file: 'File',
  },
}
