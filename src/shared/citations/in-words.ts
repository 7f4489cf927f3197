/**
 * Citations put into words: the one place the UI, the transfer documents, the package report and
 * the review report take them from, so a reader of paper finds exactly what the screen showed.
 */
import type { EvidenceKind } from '../kinds'
import { KIND_DEFINITIONS } from '../kinds'
import { formatMediaTime } from '../media-time'
import { formatOffset, zoneOffsetMinutes } from '../time-zone'
import { readCitation, type AnnotationType, type Citation, type ThermalShape } from './anchors'
import { basisInWords, outletInWords } from '../kinds/monitoring-words'
import { offsetInWords } from '../clock-offset'

export type WordsLanguage = 'zh-CN' | 'en'
export type Words = Record<WordsLanguage, string>

export interface CitationWordsContext {
  lang: WordsLanguage
  /** IANA zone of the case: instants are written as wall time there, with the offset */
  timezone: string
  /** the cited item's kind, for its own nouns (an audio range is a 录音片段) */
  kind?: EvidenceKind | null
  /** evidence number of an item by id (a quote's paired recording); the id is shown when absent */
  numberOf?: (itemId: string) => string | null
  /**
   * The cited recording's start instant (its capture time) and device: a time range is then
   * written as absolute time in the case zone, the media seconds beside it (the custody record).
   */
  recording?: {
    startsAt: string | null
    device: string | null
    /** the device's recorded clock offset (ms, + = fast): the range is then written in corrected time, and says so */
    clockOffsetMs?: number
  }
  /** the 1-based 问答 turn of an interview record that holds a character offset; null before the first */
  turnAt?: (offset: number) => number | null
}

/**
 * The turn lookup for an interview record from where each 问答 turn starts (its question, or its
 * answer when it has none) in the indexed text: an offset belongs to the last turn starting at or
 * before it.
 */
export function turnLookup(
  turns: ReadonlyArray<{ qStart: number | null; aStart: number | null }>,
): (offset: number) => number | null {
  const starts = turns.map((t) => t.qStart ?? t.aStart ?? Number.POSITIVE_INFINITY)
  return (offset) => {
    let turn: number | null = null
    starts.forEach((s, i) => {
      if (s <= offset) turn = i + 1
    })
    return turn
  }
}

export interface CitationWords {
  /** what kind of citation: 片段, 区域, 摘录, 数据区间, 测温; 整件证据 for the whole item */
  noun: string
  /** where in the item, e.g. "00:00:12.000–00:00:20.000"; null for the whole item */
  where: string | null
  /** noun and where together, as documents print them */
  full: string
}

const NOUNS: Record<AnnotationType, Words> = {
  'time-range': { 'zh-CN': '片段', en: 'Time range' },
  region: { 'zh-CN': '区域', en: 'Region' },
  quote: { 'zh-CN': '摘录', en: 'Quote' },
  'data-range': { 'zh-CN': '数据区间', en: 'Data range' },
  measurement: { 'zh-CN': '测温', en: 'Measurement' },
}
const WHOLE_ITEM: Words = { 'zh-CN': '整件证据', en: 'Whole item' }
const UNREADABLE: Words = { 'zh-CN': '（位置无法识别）', en: '(position not readable)' }

/** The noun for an anchor type on an item of `kind` (the kind may have its own, e.g. 录音片段). */
export function citationNoun(type: AnnotationType, lang: WordsLanguage, kind?: EvidenceKind | null): string {
  const own = kind ? KIND_DEFINITIONS[kind].citationNouns?.[type] : undefined
  return (own ?? NOUNS[type])[lang]
}

const r = (n: number): number => Math.round(n)

function box(x: number, y: number, w: number, h: number, lang: WordsLanguage): string {
  return lang === 'zh-CN'
    ? `左上角 (${r(x)}, ${r(y)})，宽 ${r(w)} × 高 ${r(h)} 像素`
    : `top left (${r(x)}, ${r(y)}), ${r(w)} × ${r(h)} px`
}

function shapeWords(shape: ThermalShape, lang: WordsLanguage): string {
  const zh = lang === 'zh-CN'
  switch (shape.type) {
    case 'spot': {
      const at = `(${r(shape.x)}, ${r(shape.y)})`
      const radius = shape.r ? (zh ? `，半径 ${shape.r} 像素` : `, radius ${shape.r} px`) : ''
      return `${zh ? '点' : 'spot'} ${at}${radius}`
    }
    case 'box':
      return `${zh ? '矩形' : 'box'} ${box(shape.x, shape.y, shape.w, shape.h, lang)}`
    case 'line':
      return `${zh ? '线' : 'line'} (${r(shape.x1)}, ${r(shape.y1)})–(${r(shape.x2)}, ${r(shape.y2)})`
  }
}

function whereOf(c: Citation, ctx: CitationWordsContext): string {
  const { lang } = ctx
  switch (c.type) {
    case 'time-range': {
      const media = `${formatMediaTime(c.anchor.start)}–${formatMediaTime(c.anchor.end)}`
      return ctx.recording ? absoluteRange(c.anchor.start, c.anchor.end, media, ctx) : media
    }
    case 'region':
      return box(c.anchor.x, c.anchor.y, c.anchor.w, c.anchor.h, lang)
    case 'quote': {
      const said = c.anchor.saidAt
      const turn = ctx.turnAt?.(c.anchor.start) ?? null
      const quoted =
        turn === null
          ? `“${c.anchor.text}”`
          : lang === 'zh-CN'
            ? `第 ${turn} 问答：“${c.anchor.text}”`
            : `Q&A ${turn}: “${c.anchor.text}”`
      if (!said) return quoted
      const number = ctx.numberOf?.(said.itemId) ?? said.itemId
      const at =
        said.end === undefined
          ? formatMediaTime(said.start)
          : `${formatMediaTime(said.start)}–${formatMediaTime(said.end)}`
      return lang === 'zh-CN' ? `${quoted}（见 ${number} ${at}）` : `${quoted} (${number} at ${at})`
    }
    case 'data-range': {
      const a = c.anchor
      const series = [
        a.outlet ? outletInWords(a.outlet, lang) : null,
        a.pollutant,
        a.basis ? basisInWords(a.basis, lang) : null,
      ]
        .filter(Boolean)
        .join(' ')
      return `${series} ${instantSpan(a.start, a.end, ctx)}`
    }
    case 'measurement':
      return shapeWords(c.anchor.shape, lang)
  }
}

/** Wall-clock parts of an instant in the case zone. */
function wallParts(iso: string, timezone: string) {
  const ms = Date.parse(iso)
  const offset = zoneOffsetMinutes(timezone, ms)
  const local = new Date(ms + offset * 60_000)
  return {
    y: local.getUTCFullYear(),
    mo: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    h: local.getUTCHours(),
    mi: local.getUTCMinutes(),
    s: local.getUTCSeconds(),
    offset,
    iso: local.toISOString(),
  }
}

/**
 * A data range as officers write it, in the case zone with its offset: "2021年5月24日2时–4时（UTC+08:00）",
 * minutes and seconds only where they are not zero; "2021-05-24 02:00–04:00 +08:00" in English.
 */
function instantSpan(startIso: string, endIso: string, ctx: CitationWordsContext): string {
  if (Number.isNaN(Date.parse(startIso)) || Number.isNaN(Date.parse(endIso))) return `${startIso} — ${endIso}`
  const a = wallParts(startIso, ctx.timezone)
  const b = wallParts(endIso, ctx.timezone)
  const sameDay = a.iso.slice(0, 10) === b.iso.slice(0, 10)
  const offsets =
    a.offset === b.offset ? formatOffset(a.offset) : `${formatOffset(a.offset)}/${formatOffset(b.offset)}`
  if (ctx.lang === 'zh-CN') {
    const clock = (p: typeof a) => `${p.h}时${p.mi || p.s ? `${p.mi}分` : ''}${p.s ? `${p.s}秒` : ''}`
    const day = (p: typeof a) => `${p.y}年${p.mo}月${p.d}日`
    return `${day(a)}${clock(a)}–${sameDay ? '' : day(b)}${clock(b)}（UTC${offsets}）`
  }
  const clock = (p: typeof a) => (p.s ? p.iso.slice(11, 19) : p.iso.slice(11, 16))
  return `${a.iso.slice(0, 10)} ${clock(a)}–${sameDay ? '' : `${b.iso.slice(0, 10)} `}${clock(b)} ${offsets}`
}

/**
 * "2021-05-24 04:03:13.8–04:03:18.2 +08:00，DSJ-A8-00123（媒体时间 00:00:01.800–00:00:06.200）":
 * the instants in the case zone, tenths of a second kept. A recording with no capture time keeps
 * its media seconds only.
 */
function absoluteRange(start: number, end: number, media: string, ctx: CitationWordsContext): string {
  const zh = ctx.lang === 'zh-CN'
  const rec = ctx.recording
  const offsetMs = rec?.clockOffsetMs ?? 0
  const base = rec?.startsAt ? Date.parse(rec.startsAt) - offsetMs : Number.NaN
  const corrected = rec?.clockOffsetMs
    ? zh
      ? `，已按设备时钟偏差校正（设备${offsetInWords(offsetMs, 'zh-CN')}）`
      : `, corrected for the device clock (${offsetInWords(offsetMs, 'en')})`
    : ''
  const device = (rec?.device ? `${zh ? '，' : ', '}${rec.device}` : '') + corrected
  if (Number.isNaN(base)) return `${media}${device}`
  const at = (s: number) => {
    const ms = base + Math.round(s * 1000)
    const offset = zoneOffsetMinutes(ctx.timezone, ms)
    const local = new Date(ms + offset * 60_000).toISOString()
    return { day: local.slice(0, 10), clock: `${local.slice(11, 19)}.${local.slice(20, 21)}`, offset }
  }
  const a = at(start)
  const b = at(end)
  const to = a.day === b.day ? b.clock : `${b.day} ${b.clock}`
  const range = `${a.day} ${a.clock}–${to} ${formatOffset(b.offset)}`
  return zh ? `${range}${device}（媒体时间 ${media}）` : `${range}${device} (media time ${media})`
}

/**
 * A citation in words. `type` null is the whole item. An anchor this version cannot read (a row
 * written before the contract) is shown as its raw JSON, so nothing cited is ever hidden.
 */
export function citationInWords(
  type: AnnotationType | null,
  anchor: unknown,
  ctx: CitationWordsContext,
): CitationWords {
  if (type === null) {
    const noun = WHOLE_ITEM[ctx.lang]
    return { noun, where: null, full: noun }
  }
  const noun = citationNoun(type, ctx.lang, ctx.kind)
  const { citation } = readCitation(type, anchor)
  const where = citation
    ? whereOf(citation, ctx)
    : `${UNREADABLE[ctx.lang]} ${JSON.stringify(anchor ?? null)}`
  return { noun, where, full: `${noun} ${where}` }
}
