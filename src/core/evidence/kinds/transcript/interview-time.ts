/**
 * The interview's time as its record writes it in the header (询问时间：2021年5月24日9时30分至10时45分),
 * read as a span. Officers write local wall-clock time without a zone; it is read in the case zone
 * (a Chinese record's 北京时间 is the case zone for a Chinese case), and the time source says so.
 */
import { isValidWallTime, zonedWallTimeToInstant, type WallTime } from '../../../../shared/time-zone'
import { capturedAt, type ExtractFacts } from '../../extract/extract-result'

/** Header keys that hold the interview's time, in order of preference. */
const TIME_KEYS = ['询问时间', '讯问时间', '调查时间', '时间'] as const

/** A span longer than this is not one sitting; its end is not trusted (the start still is). */
const MAX_SITTING_MS = 24 * 3_600_000

// 2021年5月24日 / 2021-05-24 / 2021.5.24 / 2021/5/24
const DATE = String.raw`(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?`
// 9时30分 / 9点30分15秒 / 09:30 / 09:30:15 / 下午3时; seconds need 秒 or a colon, so "9时30分 10时" is two times
const TIME = String.raw`(上午|下午|中午|晚上|凌晨)?\s*(\d{1,2})\s*(?:时|点|:)\s*(?:(\d{1,2})\s*分?)?\s*(?::\s*(\d{1,2})|(\d{1,2})\s*秒)?`
const MOMENT = new RegExp(String.raw`(?:${DATE})?\s*(?:${TIME})`, 'g')

interface Moment {
  date: { year: number; month: number; day: number } | null
  /** 上午/下午… as written, or null */
  half: string | null
  hour: number
  minute: number
  second: number
}

function momentsIn(text: string): Moment[] {
  const out: Moment[] = []
  for (const m of text.matchAll(MOMENT)) {
    const [, y, mo, d, half, h, mi, sColon, sWord] = m
    out.push({
      date: y ? { year: Number(y), month: Number(mo), day: Number(d) } : null,
      half: half ?? null,
      hour: Number(h),
      minute: mi ? Number(mi) : 0,
      second: (sColon ?? sWord) ? Number(sColon ?? sWord) : 0,
    })
  }
  return out
}

function afterNoon(half: string | null): boolean {
  return half === '下午' || half === '晚上'
}

export interface InterviewSpan {
  /** epoch ms */
  start: number
  /** epoch ms; null when the record gives only a start (or an end that cannot be a sitting's) */
  end: number | null
  offsetMinutes: number
  /** the header key the time was read from */
  key: string
}

/**
 * The interview's start and end from the header fields, in `zone`; null when no header field gives a
 * date with a time of day (a date alone is not placed at midnight). An end written without a date
 * is on the start's day, or the next day when it would come before the start (an interview past
 * midnight).
 */
export function interviewSpan(header: Record<string, string>, zone: string): InterviewSpan | null {
  for (const key of TIME_KEYS) {
    const value = header[key]
    if (!value) continue
    const [first, second] = momentsIn(value.normalize('NFKC'))
    if (!first?.date) continue
    // "下午3时至4时": the end is in the afternoon too unless it says otherwise
    if (second && second.half === null) second.half = first.half
    for (const m of [first, second]) if (m && afterNoon(m.half) && m.hour < 12) m.hour += 12
    const startWall: WallTime = {
      ...first.date,
      hour: first.hour,
      minute: first.minute,
      second: first.second,
    }
    if (!isValidWallTime(startWall)) continue
    const start = zonedWallTimeToInstant(startWall, zone)
    let end: number | null = null
    if (second) {
      const endWall: WallTime = {
        ...(second.date ?? first.date),
        hour: second.hour,
        minute: second.minute,
        second: second.second,
      }
      if (isValidWallTime(endWall)) {
        let ms = zonedWallTimeToInstant(endWall, zone).ms
        if (!second.date && ms <= start.ms) ms += 24 * 3_600_000
        if (ms > start.ms && ms - start.ms <= MAX_SITTING_MS) end = ms
      }
    }
    return { start: start.ms, end, offsetMinutes: start.offsetMinutes, key }
  }
  return null
}

/** The facts with the interview's span as the item's time (start, duration), when the header gives one. */
export function withInterviewTime<F extends ExtractFacts>(facts: F, zone: string): F {
  const header = (facts.meta as { header?: Record<string, string> }).header
  const span = header ? interviewSpan(header, zone) : null
  if (!span) return facts
  return {
    ...facts,
    ...capturedAt(span.start, span.offsetMinutes, 'header'),
    durationSec: span.end === null ? null : (span.end - span.start) / 1000,
  }
}
