/** Event detail values in words: names over JSON, instants in the case zone with the offset. */
import type { WordsLanguage } from '../citations/in-words'
import { formatLocalWithOffset, zoneOffsetMinutes } from '../time-zone'
import type { Segment } from './segments'

const EMPTY: Record<WordsLanguage, string> = { 'zh-CN': '（空）', en: '(empty)' }
const YES: Record<WordsLanguage, string> = { 'zh-CN': '是', en: 'yes' }
const NO: Record<WordsLanguage, string> = { 'zh-CN': '否', en: 'no' }

export const listSep = (lang: WordsLanguage): string => (lang === 'en' ? ', ' : '、')

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** An instant as wall time in the case zone with its offset: "2021-05-24 04:03:12 +08:00". */
export function instantInZone(iso: string, timezone: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return formatLocalWithOffset(iso, zoneOffsetMinutes(timezone, ms))
}

/** A short text of one recorded value, never JSON: names of people and parties, words for flags. */
export function valueText(value: unknown, lang: WordsLanguage, timezone: string): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'boolean') return value ? YES[lang] : NO[lang]
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? instantInZone(value, timezone) : value
  if (Array.isArray(value))
    return value
      .map((v) => valueText(v, lang, timezone))
      .filter(Boolean)
      .join(listSep(lang))
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    // people, parties, entries: what a reader recognises them by
    for (const key of ['name', 'title', 'number', 'label'])
      if (typeof o[key] === 'string' && o[key] !== '') {
        const extra = ['creditCode', 'certNo', 'idNumber']
          .map((k) => o[k])
          .filter((x): x is string => typeof x === 'string' && x !== '')
        if (extra.length === 0) return o[key] as string
        return lang === 'en'
          ? `${o[key] as string} (${extra.join(' ')})`
          : `${o[key] as string}（${extra.join(' ')}）`
      }
    if (typeof o.law === 'string') return [o.law, o.article].filter((x) => typeof x === 'string').join(' ')
    return Object.values(o)
      .map((v) => valueText(v, lang, timezone))
      .filter(Boolean)
      .join(' ')
  }
  return String(value)
}

/** A recorded value as a user segment, or the word for nothing. */
export function userValue(value: unknown, lang: WordsLanguage, timezone: string): Segment {
  const text = valueText(value, lang, timezone)
  return text ? { user: text } : EMPTY[lang]
}
