/**
 * The facts of one monitoring series in sentences, as officers write them in a report:
 * "2021-05-24 02:00–04:00，SO2 折算浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，
 * 为限值的 2.08 倍（超标 1.08 倍）". Figures only: the words never draw a conclusion.
 */
import type { UiLanguage } from '../error-words'
import type { MonitoringSeriesSummary } from '../types'
import { basisInWords, exceedanceRatios, flagInWords, seriesInWords } from './monitoring-words'

/** "mg/m3" as files write it → "mg/m³" as reports print it; display only, the file keeps its own. */
export function displayUnit(unit: string | null): string {
  return unit ? unit.replace(/m3\b/g, 'm³') : ''
}

/** A measured value as the file gave it (up to 6 decimals, no trailing zeros). */
export function formatReading(v: number): string {
  return Number(v.toFixed(6)).toString()
}

export function withUnit(v: number, unit: string | null): string {
  const u = displayUnit(unit)
  return u ? `${formatReading(v)} ${u}` : formatReading(v)
}

/** Local date and clock time as written in an ISO string with its own offset: ["2021-05-24", "02:00"]. */
export function localParts(iso: string): [string, string] {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? [m[1], m[2]] : [iso, '']
}

/** "2021-05-24 02:00–04:00", or both dates when the window crosses midnight. */
export function formatWindow(start: string, end: string): string {
  const [d1, t1] = localParts(start)
  const [d2, t2] = localParts(end)
  return d1 === d2 ? `${d1} ${t1}–${t2}` : `${d1} ${t1}–${d2} ${t2}`
}

/** "2 小时", "90 分钟", "3 天". */
export function formatSpan(start: string, end: string, lang: UiLanguage): string {
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000)
  const zh = lang === 'zh-CN'
  if (minutes % 1440 === 0 && minutes >= 2880) return zh ? `${minutes / 1440} 天` : `${minutes / 1440} days`
  if (minutes % 60 === 0) return zh ? `${minutes / 60} 小时` : `${minutes / 60} h`
  return zh ? `${minutes} 分钟` : `${minutes} min`
}

/** "小时" for hourly data: the noun in "3 个小时数据". */
function periodNoun(periodSec: number | null | undefined, lang: UiLanguage): string {
  const zh = lang === 'zh-CN'
  if (periodSec === 3600) return zh ? '小时' : 'hourly'
  if (periodSec === 86_400) return zh ? '日' : 'daily'
  if (periodSec === 60) return zh ? '分钟' : 'minute'
  return ''
}

export interface MonitoringFact {
  key: string
  text: string
  /** the window, for "cite this range" */
  window?: { start: string; end: string }
  /** a note about the basis or the data rather than a finding */
  note?: boolean
}

/** Sentences about which values count: the basis compared, flagged and unreadable values, the period convention. */
function dataNotes(s: MonitoringSeriesSummary, lang: UiLanguage): MonitoringFact[] {
  const zh = lang === 'zh-CN'
  const out: MonitoringFact[] = []
  if (s.basisNote === 'measured-only')
    out.push({
      key: 'measured-only',
      note: true,
      text: zh
        ? `文件中只有 ${s.pollutant} 实测浓度，没有折算浓度；按折算浓度规定的限值在此与实测浓度比较。`
        : `The file has only the ${s.pollutant} measured concentration, no converted (reference O₂) one; a limit set on the converted concentration is compared here with measured values.`,
    })
  if (s.basisNote === 'dry-only')
    out.push({
      key: 'dry-only',
      note: true,
      text: zh
        ? `${s.pollutant} 只有标干浓度，未折算到基准氧含量，不作为折算浓度与限值比较；如需按标干浓度判断，请设定浓度基准并写明理由。`
        : `${s.pollutant} has only the standard-dry concentration, not converted to reference oxygen; it is not compared with the limit as a converted value. To judge on it, set the basis with a reason.`,
    })
  if (s.basisNote === 'officer')
    out.push({
      key: 'officer-basis',
      note: true,
      text: zh
        ? `与限值比较的是${basisInWords(s.basis, lang)}，由执法人员设定（理由见浓度基准记录）。`
        : `The limit is compared with the ${basisInWords(s.basis, lang)}, as set by an officer (the reason is in the basis record).`,
    })
  const flagged = Object.entries(s.flagged ?? {}).filter(([, n]) => n > 0)
  if (flagged.length > 0) {
    const noun = periodNoun(s.periodSec, lang)
    out.push({
      key: 'flagged',
      note: true,
      text: zh
        ? `其中 ${flagged.map(([f, n], i) => `${n} 个${i === 0 ? `${noun}数据` : ''}标记为 ${flagInWords(f, lang)}`).join('、')}，未计入。`
        : `Of these, ${flagged.map(([f, n]) => `${n} ${noun ? `${noun} ` : ''}value(s) flagged ${flagInWords(f, lang)}`).join(', ')} are not counted.`,
    })
  }
  out.push(...repeatNotes(s, lang))
  const bad = s.unreadable
  if (bad && bad.count > 0) {
    const first = bad.cells[0]
    out.push({
      key: 'unreadable',
      note: true,
      text: zh
        ? `另有 ${bad.count} 个单元格不是数值${first ? `（如第 ${first.row} 行“${first.column}”列的“${first.text}”）` : ''}，按原样保留，未计入。`
        : `${bad.count} more cell(s) are not numbers${first ? ` (e.g. line ${first.row}, column "${first.column}": "${first.text}")` : ''}; kept as written, not counted.`,
    })
  }
  return out
}

/** "2021-05-24 03:00" of a period start written with its own offset. */
const periodAt = (iso: string): string => localParts(iso).join(' ')

/**
 * Periods sent twice: with different values, named with both values and lines, with what the chart
 * draws and why neither counts (shared/…/repeats.ts in core gives the reason); identical ones counted.
 */
function repeatNotes(s: MonitoringSeriesSummary, lang: UiLanguage): MonitoringFact[] {
  const r = s.repeated
  if (!r) return []
  const zh = lang === 'zh-CN'
  const out: MonitoringFact[] = []
  if (r.differing > 0) {
    const noun = periodNoun(s.periodSec, lang)
    const shown = r.named
      .slice(0, 3)
      .map((p) =>
        zh
          ? `${periodAt(p.time)}：第 ${p.first.line} 行 ${p.first.text}，${p.others.map((o) => `第 ${o.line} 行 ${o.text}`).join('，')}`
          : `${periodAt(p.time)}: line ${p.first.line} ${p.first.text}, ${p.others.map((o) => `line ${o.line} ${o.text}`).join(', ')}`,
      )
    const more = r.differing > shown.length ? (zh ? '等' : ', …') : ''
    const over =
      r.overLimit > 0
        ? zh
          ? `其中 ${r.overLimit} 个时段至少有一个有效数值超过限值。`
          : ` In ${r.overLimit} of them at least one valid value is over the limit.`
        : ''
    out.push({
      key: 'repeated-differing',
      note: true,
      text: zh
        ? `有 ${r.differing} 个时段的${noun ? `${noun}数据` : '数据'}在同一时间报送了不同的数值（${shown.join('；')}${more}）。图中画的是文件中先出现的数值并单独标出；哪一个数值属实无法从数据本身判断，这些时段未计入统计和超标判断。${over}`
        : `${r.differing} ${noun ? `${noun} ` : ''}period(s) were sent with different values for the same time (${shown.join('; ')}${more}). The chart draws the value that comes first in the file, marked apart; which value is true cannot be told from the data, so these periods are left out of the figures and the exceedances.${over}`,
    })
  }
  if (r.identical > 0)
    out.push({
      key: 'repeated-identical',
      note: true,
      text: zh
        ? `另有 ${r.identical} 个数值是同一时段重复报送的相同数值，只计一次。`
        : `${r.identical} more value(s) repeat a period with the same value; each period counts once.`,
    })
  return out
}

/** The period convention and the period the limit is compared at, said once per judged series. */
function periodNote(s: MonitoringSeriesSummary, lang: UiLanguage): MonitoringFact | null {
  if (!s.periodSec || s.limit === null) return null
  const zh = lang === 'zh-CN'
  const noun = periodNoun(s.periodSec, lang)
  const example =
    s.periodSec === 3600
      ? zh
        ? '02:00 的小时值代表 02:00–03:00'
        : 'the hourly value at 02:00 covers 02:00–03:00'
      : zh
        ? '每个数据代表从其时间起的一个时段'
        : 'each value covers one period from its time stamp'
  const limitPeriod =
    s.periodSec === 86_400
      ? ''
      : zh
        ? `限值与${noun || '每个'}数据逐一比较；若该限值是日均值限值，则不能直接用于这些数据。`
        : `The limit is compared with each ${noun || ''} value; a daily-mean limit does not apply to them directly.`
  return {
    key: 'period',
    note: true,
    text: zh
      ? `按文件的时间记法，时间为时段起点（${example}）。${limitPeriod}`
      : `Time stamps are period starts as the file writes them (${example}). ${limitPeriod}`,
  }
}

/**
 * One sentence per exceedance window, or one saying there is no limit or no exceedance, each
 * naming the series with its basis and period, then the notes on which values count.
 */
export function exceedanceFacts(s: MonitoringSeriesSummary, lang: UiLanguage): MonitoringFact[] {
  const zh = lang === 'zh-CN'
  const name = seriesInWords(s, lang)
  const notes = dataNotes(s, lang)
  // a period's minimum, maximum or cumulative amount is shown, never judged against a concentration limit
  if (s.statistic)
    return [
      {
        key: 'statistic',
        note: true,
        text: zh
          ? `${name}是时段内的${s.statistic === 'cumulative' ? '累计量（数据包未注明单位）' : s.statistic === 'min' ? '最小值' : '最大值'}，只显示，不与浓度限值比较。`
          : `The ${name} is the period's ${s.statistic === 'cumulative' ? 'cumulative amount (the packets do not state its unit)' : s.statistic === 'min' ? 'minimum' : 'maximum'}; it is shown, never compared with a concentration limit.`,
      },
      ...notes,
    ]
  if (s.judged === false && s.basisNote !== 'dry-only')
    return [
      {
        key: 'not-judged',
        text: zh
          ? `${name}不是与限值比较的数据（限值与该因子的${s.basis === 'converted' ? '另一' : '折算浓度或执法人员设定的'}数据比较）。`
          : `${name} is not the series the limit is compared with.`,
      },
      ...notes,
    ]
  if (s.limit === null)
    return [
      ...(s.basisNote === 'dry-only'
        ? []
        : [
            {
              key: 'no-limit',
              text: zh
                ? `未设定 ${name}的排放限值，无法判断是否超过限值。请在右侧设定限值。`
                : `No emission limit is set for the ${name}, so exceedances cannot be judged. Set a limit on the right.`,
            },
          ]),
      ...notes,
    ]
  const limit = s.limit
  const limitText = withUnit(limit, s.unit)
  const period = periodNote(s, lang)
  const tail = [...notes, ...(period ? [period] : [])]
  if (s.exceedances.length === 0)
    return [
      {
        key: 'none',
        text: zh
          ? `${name}全部 ${s.points} 个有效数据均未超过 ${limitText}。`
          : `All ${s.points} valid values of the ${name} are at or below ${limitText}.`,
      },
      ...tail,
    ]
  const lines = s.exceedances.map((w): MonitoringFact => {
    const range = formatWindow(w.start, w.end)
    const duration = formatSpan(w.start, w.end, lang)
    const max = withUnit(w.max, s.unit)
    // A zero limit has no ratio: any positive value exceeds it, and a multiple would divide by zero.
    const r = exceedanceRatios(w.max, limit)
    const text = zh
      ? `${range}，${name}超过 ${limitText} 共 ${duration}，最大值 ${max}${r ? `，为限值的 ${r.ofLimit} 倍（超标 ${r.over} 倍）` : ''}。`
      : `${range}: the ${name} was above ${limitText} for ${duration}, at most ${max}${r ? `, ${r.ofLimit} times the limit (${r.over} times over it)` : ''}.`
    return { key: w.start, text, window: { start: w.start, end: w.end } }
  })
  return [...lines, ...tail]
}
