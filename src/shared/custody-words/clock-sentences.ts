/**
 * The device clock offset events in words: "DSJ-A8-00123 快 3分12秒（2021年5月24日与北京时间核对；原因：…）",
 * a change naming old → new, a removal naming the old offset.
 */
import type { WordsLanguage } from '../citations/in-words'
import { checkInWords, offsetInWords } from '../clock-offset'
import { fill, type Sentence } from './segments'

type Details = Record<string, unknown>
export type ClockAction = 'clock-offset-set' | 'clock-offset-changed' | 'clock-offset-removed'

interface Check {
  offsetMs: number
  checkedAt: string
  against: string
}

function checkOf(v: unknown): Check | null {
  if (!v || typeof v !== 'object') return null
  const o = v as Record<string, unknown>
  return typeof o.offsetMs === 'number'
    ? { offsetMs: o.offsetMs, checkedAt: String(o.checkedAt ?? ''), against: String(o.against ?? '') }
    : null
}

/** The offset and its check: "快 3分12秒（2021年5月24日与北京时间核对" — the caller closes the bracket. */
function offsetWithCheck(c: Check | null, lang: WordsLanguage, zone: string): string {
  if (!c) return '?'
  return `${offsetInWords(c.offsetMs, lang)}${lang === 'en' ? ' (' : '（'}${checkInWords(c, lang, zone)}`
}

const close = (lang: WordsLanguage): string => (lang === 'en' ? ')' : '）')

function reasonPart(d: Details, lang: WordsLanguage): Sentence {
  return typeof d.reason === 'string' && d.reason
    ? fill(lang === 'en' ? '; reason: {{reason}}' : '；原因：{{reason}}', { reason: { user: d.reason } })
    : []
}

/** The event's sentence, in `lang`, instants in the case zone. */
export function clockOffsetSentence(
  action: ClockAction,
  d: Details,
  lang: WordsLanguage,
  zone: string,
): Sentence {
  const device = { user: typeof d.device === 'string' && d.device ? d.device : String(d.deviceKey ?? '?') }
  const now = checkOf(d)
  const before = checkOf(d.from)
  if (action === 'clock-offset-set')
    return [
      ...fill('{{device}} {{offset}}', { device, offset: { user: offsetWithCheck(now, lang, zone) } }),
      ...reasonPart(d, lang),
      close(lang),
    ]
  if (action === 'clock-offset-changed')
    return [
      ...fill(lang === 'en' ? '{{device}}: {{from}}) → {{to}}' : '{{device}}：{{from}}） → {{to}}', {
        device,
        from: { user: offsetWithCheck(before, lang, zone) },
        to: { user: offsetWithCheck(now, lang, zone) },
      }),
      ...reasonPart(d, lang),
      close(lang),
    ]
  return [
    ...fill(lang === 'en' ? '{{device}}: was {{from}})' : '{{device}}：原为{{from}}）', {
      device,
      from: { user: offsetWithCheck(before, lang, zone) },
    }),
    ...(typeof d.reason === 'string' && d.reason
      ? fill(lang === 'en' ? ' (reason: {{reason}})' : '（原因：{{reason}}）', { reason: { user: d.reason } })
      : []),
  ]
}
