/**
 * Monitoring series and their facts in words, as enforcement officers write them: the series is
 * always named with its basis and period ("1号排放口 SO2 折算浓度小时均值"), ratios never round
 * across a threshold, and the words state figures only (no conclusion about a crime).
 * Shared so the viewer, the documents, the package report and the timeline word them alike.
 */
import type { UiLanguage } from '../error-words'
import { differenceOf } from './monitoring-compare'

/** 实测 (as measured), 标干 (standard dry, not O2-corrected), 折算 (reference O2), emission rate. */
export const MONITORING_BASES = ['measured', 'dry', 'converted', 'rate'] as const
export type MonitoringBasis = (typeof MONITORING_BASES)[number]

const BASIS_WORDS: Record<UiLanguage, Record<MonitoringBasis, string>> = {
  'zh-CN': { measured: '实测浓度', dry: '标干浓度', converted: '折算浓度', rate: '排放速率' },
  en: {
    measured: 'measured concentration',
    dry: 'standard-dry concentration',
    converted: 'converted (reference O₂) concentration',
    rate: 'emission rate',
  },
}

/** "折算浓度"; a basis this version does not know keeps its code. */
export function basisInWords(basis: string, lang: UiLanguage): string {
  return (BASIS_WORDS[lang] as Record<string, string>)[basis] ?? basis
}

/** The data period named by its length: 小时均值, 日均值, 分钟数据; null when unknown. */
export function periodInWords(periodSec: number | null | undefined, lang: UiLanguage): string {
  if (!periodSec) return ''
  const zh = lang === 'zh-CN'
  if (periodSec === 3600) return zh ? '小时均值' : 'hourly mean'
  if (periodSec === 86_400) return zh ? '日均值' : 'daily mean'
  if (periodSec === 60) return zh ? '分钟数据' : 'minute value'
  if (periodSec % 60 === 0) return zh ? `${periodSec / 60} 分钟数据` : `${periodSec / 60}-minute value`
  return zh ? `${periodSec} 秒数据` : `${periodSec}-second value`
}

/** The key of one outlet's factor, for limits and the officer's basis: "SO2", or "1号排放口/SO2" in a file with several outlets. */
export function groupKey(outlet: string | null | undefined, pollutant: string): string {
  return outlet ? `${outlet}/${pollutant}` : pollutant
}

/** "差值 A−B" / "Difference A−B": a comparison's difference series, before its two item numbers. */
export function differenceInWords(lang: UiLanguage): string {
  return lang === 'zh-CN' ? '差值 A−B' : 'Difference A−B'
}

/**
 * An outlet as a reader is shown it: as the file names it, except a comparison's difference series
 * ("差值 A−B E001−E002" / "Difference A−B E001−E002"), whose key is worded in the reader's language
 * (old comparisons stored it with the Chinese words: read the same).
 */
export function outletInWords(outlet: string, lang: UiLanguage): string {
  const d = differenceOf(outlet)
  return d ? `${differenceInWords(lang)} ${d.a}−${d.b}` : outlet
}

/** What a series needs to be named in words. */
export interface SeriesName {
  outlet?: string | null
  pollutant: string
  basis: string
  periodSec?: number | null
  /** a period's minimum, maximum or cumulative amount (HJ 212 -Min/-Max/-Cou) */
  statistic?: 'min' | 'max' | 'cumulative'
}

/** "小时" / "hourly" for a data period, '' when it has no name. */
function periodAdjective(periodSec: number | null | undefined, lang: UiLanguage): string {
  const zh = lang === 'zh-CN'
  if (periodSec === 3600) return zh ? '小时' : 'hourly'
  if (periodSec === 86_400) return zh ? '日' : 'daily'
  if (periodSec === 60) return zh ? '分钟' : 'minute'
  return ''
}

/** "SO2 折算浓度小时最大值", "SO2 小时累计量" / "SO2 converted (reference O₂) concentration (hourly maximum)". */
function statisticInWords(
  s: SeriesName & { statistic: 'min' | 'max' | 'cumulative' },
  lang: UiLanguage,
): string {
  const outlet = s.outlet ? `${outletInWords(s.outlet, lang)} ` : ''
  const when = periodAdjective(s.periodSec, lang)
  if (lang === 'zh-CN') {
    if (s.statistic === 'cumulative') return `${outlet}${s.pollutant} ${when}累计量`
    return `${outlet}${s.pollutant} ${basisInWords(s.basis, lang)}${when}${s.statistic === 'min' ? '最小值' : '最大值'}`
  }
  const what = s.statistic === 'min' ? 'minimum' : s.statistic === 'max' ? 'maximum' : 'cumulative amount'
  if (s.statistic === 'cumulative') return `${outlet}${s.pollutant} ${when ? `${when} ` : ''}${what}`
  return `${outlet}${s.pollutant} ${basisInWords(s.basis, lang)} (${when ? `${when} ` : ''}${what})`
}

/** "1号排放口 SO2 折算浓度小时均值" / "Outlet 1 SO2 converted (reference O₂) concentration (hourly mean)". */
export function seriesInWords(s: SeriesName, lang: UiLanguage): string {
  if (s.statistic) return statisticInWords({ ...s, statistic: s.statistic }, lang)
  const period = periodInWords(s.periodSec, lang)
  const outlet = s.outlet ? `${outletInWords(s.outlet, lang)} ` : ''
  const basis = basisInWords(s.basis, lang)
  return lang === 'zh-CN'
    ? `${outlet}${s.pollutant} ${basis}${period}`
    : `${outlet}${s.pollutant} ${basis}${period ? ` (${period})` : ''}`
}

/**
 * Ratio thresholds that matter in enforcement (an exceedance at all, 1×, 3×, 10×): a printed
 * ratio must never round across one, so near them the unrounded value is shown. 超标 N 倍 is
 * (C − S)/S, one less than C/S, so both readings of "三倍" and "十倍" are guarded (2, 3, 9, 10, …).
 */
const RATIO_THRESHOLDS = [0, 1, 2, 3, 4, 9, 10, 11]

/** 2.08 → "2.08"; 2.996 → "2.996" (never "3.00"); 3.004 → "3.004"; 0.0003 → "0.0003" (never "0.00"). */
export function formatRatio(x: number): string {
  const two = x.toFixed(2)
  const rounded = Number(two)
  const near = RATIO_THRESHOLDS.some(
    (t) => Math.abs(x - t) < 0.01 || x < t !== rounded < t || (x > t && rounded <= t),
  )
  return near ? String(Number(x.toPrecision(12))) : two
}

/** C / S ("为限值的 2.08 倍") and (C − S) / S ("超标 1.08 倍"), worded without rounding across a threshold. */
export function exceedanceRatios(value: number, limit: number): { ofLimit: string; over: string } | null {
  if (!(limit > 0)) return null
  return { ofLimit: formatRatio(value / limit), over: formatRatio((value - limit) / limit) }
}

/**
 * HJ 212-2017 data flags (§6.6.4 表 8 数据标记表) and what they mean; only N (or no flag) is valid
 * data here. The standard's words: N 在线监控（监测）仪器仪表工作正常, F …停运, M …处于维护期间产生的
 * 数据, S 手工输入的设定值, D …故障, C …处于校准状态, T …采样数值超过测量上限, B …与数采仪通讯异常
 * (checked against public implementations that quote the table, e.g. chenqi92/alltobs-hj212
 * enums/DataFlag.java and xiaoyao9184's hbt212 coding/DataFlag.java).
 */
const FLAG_WORDS: Record<UiLanguage, Record<string, string>> = {
  'zh-CN': {
    N: '正常',
    F: '停运',
    M: '维护',
    S: '手工输入设定值',
    D: '故障',
    C: '校准',
    T: '超测量上限',
    B: '通讯异常',
  },
  en: {
    N: 'normal',
    F: 'stopped',
    M: 'maintenance',
    S: 'manually entered set value',
    D: 'fault',
    C: 'calibration',
    T: 'above the upper measuring limit',
    B: 'communication failure',
  },
}

/** "D（故障）" / "D (fault)"; an unknown flag keeps its letters. */
export function flagInWords(flag: string, lang: UiLanguage): string {
  const w = FLAG_WORDS[lang][flag.toUpperCase()]
  if (!w) return flag
  return lang === 'zh-CN' ? `${flag}（${w}）` : `${flag} (${w})`
}
