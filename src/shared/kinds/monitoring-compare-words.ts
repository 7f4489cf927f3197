/**
 * A tamper comparison in words, as an officer writes it: "2021-05-24 02:00–04:00，E001 记录 SO2
 * 折算浓度小时均值 72.9 mg/m³，E002 记录 28.1 mg/m³，相差 44.8 mg/m³（超过设定阈值 5 mg/m³）".
 * Figures only: the words never say that data were falsified.
 */
import type { UiLanguage } from '../error-words'
import type {
  ComparisonCounts,
  ComparisonSource,
  ComparisonThreshold,
  ComparisonWindow,
} from './monitoring-compare'
import { formatSpan, formatWindow, localParts, withUnit } from './monitoring-facts'
import { flagInWords, periodInWords, seriesInWords } from './monitoring-words'

/** What the sentences need of a comparison (the file, or the result before it is written). */
export interface ComparisonForWords {
  a: ComparisonSource
  b: ComparisonSource
  periodSec: number
  unit: string | null
  parameters: { threshold: ComparisonThreshold }
  windows: ComparisonWindow[]
  counts: ComparisonCounts
}

/** "5 mg/m³" or "A 的 10%". */
export function thresholdInWords(t: ComparisonThreshold, unit: string | null, lang: UiLanguage): string {
  if (t.kind === 'absolute') return withUnit(t.value, unit)
  return lang === 'zh-CN' ? `A 值的 ${t.value}%` : `${t.value}% of A's value`
}

/** "E001 SO2 折算浓度小时均值（DCS.csv）". */
export function sourceInWords(s: ComparisonSource, periodSec: number, lang: UiLanguage): string {
  const name = seriesInWords(
    { outlet: s.series.outlet, pollutant: s.series.pollutant, basis: s.basis, periodSec },
    lang,
  )
  return lang === 'zh-CN'
    ? `${s.number} ${name}（${s.originalName}）`
    : `${s.number} ${name} (${s.originalName})`
}

function flaggedWords(flagged: Record<string, number>, lang: UiLanguage): string {
  return Object.entries(flagged)
    .filter(([, n]) => n > 0)
    .map(([f, n]) =>
      lang === 'zh-CN' ? `${n} 个标记为 ${flagInWords(f, lang)}` : `${n} flagged ${flagInWords(f, lang)}`,
    )
    .join(lang === 'zh-CN' ? '、' : ', ')
}

/** One sentence per window. */
export function windowInWords(c: ComparisonForWords, w: ComparisonWindow, lang: UiLanguage): string {
  const zh = lang === 'zh-CN'
  const range = formatWindow(w.start, w.end)
  // The series' own name without its outlet: 'SO2 折算浓度小时均值' (no space in Chinese),
  // 'SO2 converted concentration (hourly mean)' (never '…concentrationhourly mean').
  const factor = seriesInWords(
    { pollutant: c.a.series.pollutant, basis: c.a.basis, periodSec: c.periodSec },
    lang,
  )
  const limit = thresholdInWords(c.parameters.threshold, c.unit, lang)
  const diff = withUnit(Math.abs(w.difference), c.unit)
  const a = withUnit(w.a, c.unit)
  const b = withUnit(w.b, c.unit)
  if (w.periods === 1)
    return zh
      ? `${range}，${c.a.number} 记录 ${factor} ${a}，${c.b.number} 记录 ${b}，相差 ${diff}（超过设定阈值 ${limit}）。`
      : `${range}: ${c.a.number} records ${factor} ${a}, ${c.b.number} records ${b}, a difference of ${diff} (over the set threshold of ${limit}).`
  const at = localParts(w.at).join(' ')
  const span = formatSpan(w.start, w.end, lang)
  return zh
    ? `${range}（共 ${span}，${w.periods} 个时段），${c.a.number} 与 ${c.b.number} 的 ${factor}每个时段相差均超过设定阈值 ${limit}；相差最大的是 ${at}：${c.a.number} 记录 ${a}，${c.b.number} 记录 ${b}，相差 ${diff}。`
    : `${range} (${span}, ${w.periods} periods): ${c.a.number} and ${c.b.number} differ in ${factor} by more than the set threshold of ${limit} in every period; the largest difference is at ${at}: ${c.a.number} records ${a}, ${c.b.number} records ${b}, a difference of ${diff}.`
}

/** The facts of a comparison: what was compared, each window (or none), then which periods did not count. */
export function comparisonFacts(c: ComparisonForWords, lang: UiLanguage): string[] {
  const zh = lang === 'zh-CN'
  const n = c.counts
  const limit = thresholdInWords(c.parameters.threshold, c.unit, lang)
  const out: string[] = [
    zh
      ? `比对 A：${sourceInWords(c.a, c.periodSec, lang)}，B：${sourceInWords(c.b, c.periodSec, lang)}；按时段逐一比对（不插值），共 ${n.periods} 个时段，其中 ${n.compared} 个时段两边均有有效数据。`
      : `Compared A: ${sourceInWords(c.a, c.periodSec, lang)} with B: ${sourceInWords(c.b, c.periodSec, lang)}, period by period (no interpolation): ${n.periods} periods, ${n.compared} with valid data on both sides.`,
  ]
  if (c.windows.length === 0)
    out.push(
      zh
        ? `在 ${n.compared} 个比对时段中，A 与 B 相差均未超过设定阈值 ${limit}。`
        : `In none of the ${n.compared} compared periods do A and B differ by more than the set threshold of ${limit}.`,
    )
  else {
    out.push(
      zh
        ? `共 ${n.over} 个时段相差超过设定阈值 ${limit}，分为 ${c.windows.length} 段：`
        : `${n.over} period(s) differ by more than the set threshold of ${limit}, in ${c.windows.length} window(s):`,
    )
    for (const w of c.windows) out.push(windowInWords(c, w, lang))
  }
  const gaps: string[] = []
  for (const [side, missing, blank, flagged, repeated] of [
    ['A', n.missingA, n.blankA, n.flaggedA, n.repeatedA ?? 0],
    ['B', n.missingB, n.blankB, n.flaggedB, n.repeatedB ?? 0],
  ] as const) {
    const parts: string[] = []
    if (missing > 0) parts.push(zh ? `${missing} 个时段缺失` : `${missing} period(s) missing`)
    if (blank > 0) parts.push(zh ? `${blank} 个时段为空或不是数值` : `${blank} blank or unreadable`)
    if (repeated > 0)
      parts.push(
        zh
          ? `${repeated} 个时段同一时间报送了不同的数值`
          : `${repeated} period(s) sent twice with different values`,
      )
    const f = flaggedWords(flagged, lang)
    if (f) parts.push(f)
    if (parts.length > 0) gaps.push(zh ? `${side} 中${parts.join('、')}` : `in ${side}, ${parts.join(', ')}`)
  }
  if (gaps.length > 0)
    out.push(
      zh
        ? `${gaps.join('；')}；这些时段只显示，不参与比对，也不与前后时段连成一段。`
        : `Not compared (shown only, and never joined across): ${gaps.join('; ')}.`,
    )
  out.push(
    zh
      ? `时间为时段起点（按源文件的时间记法），每个数值代表从其时间起的一个${periodInWords(c.periodSec, lang) || '时段'}。`
      : `Times are period starts as the source files write them; each value covers one period (${periodInWords(c.periodSec, lang) || `${c.periodSec} s`}) from its time.`,
  )
  return out
}
