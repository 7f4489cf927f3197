/**
 * Citations put into words: the one place the UI, the transfer documents, the package report and
 * the review report take them from, so a reader of paper finds exactly what the screen showed.
 */
import type { EvidenceKind } from '../kinds'
import { KIND_DEFINITIONS } from '../kinds'
import { formatMediaTime } from '../media-time'
import { formatLocalWithOffset, formatOffset, zoneOffsetMinutes } from '../time-zone'
import { readCitation, type AnnotationType, type Citation, type ThermalShape } from './anchors'

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
  recording?: { startsAt: string | null; device: string | null }
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

function instant(iso: string, timezone: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatLocalWithOffset(iso, zoneOffsetMinutes(timezone, ms))
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
      if (!said) return `“${c.anchor.text}”`
      const number = ctx.numberOf?.(said.itemId) ?? said.itemId
      const at =
        said.end === undefined
          ? formatMediaTime(said.start)
          : `${formatMediaTime(said.start)}–${formatMediaTime(said.end)}`
      return lang === 'zh-CN'
        ? `“${c.anchor.text}”（见 ${number} ${at}）`
        : `“${c.anchor.text}” (${number} at ${at})`
    }
    case 'data-range':
      return `${c.anchor.outlet ? `${c.anchor.outlet} ` : ''}${c.anchor.pollutant} · ${instant(c.anchor.start, ctx.timezone)} — ${instant(c.anchor.end, ctx.timezone)}`
    case 'measurement':
      return shapeWords(c.anchor.shape, lang)
  }
}

/**
 * "2021-05-24 04:03:13.8–04:03:18.2 +08:00，DSJ-A8-00123（媒体时间 00:00:01.800–00:00:06.200）":
 * the instants in the case zone, tenths of a second kept. A recording with no capture time keeps
 * its media seconds only.
 */
function absoluteRange(start: number, end: number, media: string, ctx: CitationWordsContext): string {
  const zh = ctx.lang === 'zh-CN'
  const rec = ctx.recording
  const base = rec?.startsAt ? Date.parse(rec.startsAt) : Number.NaN
  const device = rec?.device ? `${zh ? '，' : ', '}${rec.device}` : ''
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
