/**
 * The one contract for citations (引用): each anchor type has a zod schema, and a citation is a
 * union discriminated on `type`. The shapes are what the database, the custody log and
 * `case.json` have always stored; these schemas only say exactly what is allowed. Whether an
 * anchor fits its item (inside the duration, the image, the text, the series, the frame) is
 * checked in core, which knows the item.
 */
import * as z from 'zod'
import { MONITORING_BASES } from '../kinds/monitoring-words'

export const ANNOTATION_TYPES = ['measurement', 'region', 'time-range', 'quote', 'data-range'] as const
export type AnnotationType = (typeof ANNOTATION_TYPES)[number]

/** Media seconds; ten million seconds is far beyond any recording. */
const mediaSeconds = z.number().min(0).max(1e7)
/** Displayed or raw pixels. */
const pixels = z.number().min(0).max(100_000)
const instant = z.iso.datetime({ offset: true })

/**
 * A time range in media seconds of a video or an audio recording. Audio reuses this type: a
 * range of a recording is the same thing whatever the medium, so one schema, one duration check,
 * one `evidesk link --start/--end` and one shape in old packages serve both; only the words
 * differ, and those come from the item's kind.
 */
export const timeRangeAnchorSchema = z
  .strictObject({ start: mediaSeconds, end: mediaSeconds })
  .refine((a) => a.end > a.start, { message: 'anchor-end-not-after-start', path: ['end'] })

/** A rectangle in displayed pixels (EXIF orientation applied), top-left origin. */
export const regionAnchorSchema = z
  .strictObject({ x: pixels, y: pixels, w: pixels, h: pixels })
  .refine((a) => a.w > 0 && a.h > 0, { message: 'anchor-empty-region', path: ['w'] })

/** Where a quoted passage was said in a recording of the interview (a paired audio or video item). */
export const saidAtSchema = z
  .strictObject({ itemId: z.string().min(1).max(64), start: mediaSeconds, end: mediaSeconds.optional() })
  .refine((s) => s.end === undefined || s.end > s.start, {
    message: 'anchor-end-not-after-start',
    path: ['end'],
  })

/**
 * Words quoted from an item's text: character offsets [start, end) into the normalised text the
 * import indexed (NFC, \n line ends), and the words themselves, which must be exactly that slice.
 */
export const quoteAnchorSchema = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    text: z.string().min(1).max(20_000),
    saidAt: saidAtSchema.optional(),
  })
  .refine((a) => a.end > a.start, { message: 'anchor-end-not-after-start', path: ['end'] })

/**
 * A stretch of one pollutant's series (of one outlet when the file has several), as instants (with
 * the offsets the file recorded), and the concentration basis of the series cited (实测/标干/折算;
 * absent in citations made before it was recorded).
 */
export const dataRangeAnchorSchema = z
  .strictObject({
    pollutant: z.string().min(1).max(64),
    outlet: z.string().min(1).max(200).optional(),
    basis: z.enum(MONITORING_BASES).optional(),
    start: instant,
    end: instant,
  })
  .refine((a) => Date.parse(a.end) >= Date.parse(a.start), {
    message: 'anchor-end-not-after-start',
    path: ['end'],
  })

/** A spot, box or line in raw thermal pixels. */
export const thermalShapeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('spot'),
    x: pixels,
    y: pixels,
    r: z.number().min(0).max(1000).optional(),
  }),
  z.strictObject({ type: z.literal('box'), x: pixels, y: pixels, w: pixels, h: pixels }),
  z.strictObject({ type: z.literal('line'), x1: pixels, y1: pixels, x2: pixels, y2: pixels }),
])
export type ThermalShape = z.infer<typeof thermalShapeSchema>

export const measurementAnchorSchema = z.strictObject({ shape: thermalShapeSchema })

/** Every anchor type's schema; exhaustive, so a new type does not compile without one. */
export const ANCHOR_SCHEMAS = {
  'time-range': timeRangeAnchorSchema,
  region: regionAnchorSchema,
  quote: quoteAnchorSchema,
  'data-range': dataRangeAnchorSchema,
  measurement: measurementAnchorSchema,
} as const satisfies Record<AnnotationType, z.ZodType>

export type AnchorOf<T extends AnnotationType> = z.output<(typeof ANCHOR_SCHEMAS)[T]>
export type TimeRangeAnchor = AnchorOf<'time-range'>
export type RegionAnchor = AnchorOf<'region'>
export type QuoteAnchor = AnchorOf<'quote'>
export type DataRangeAnchor = AnchorOf<'data-range'>
export type MeasurementAnchor = AnchorOf<'measurement'>

/** A citation: an anchor type and its anchor. */
export type Citation = { [T in AnnotationType]: { type: T; anchor: AnchorOf<T> } }[AnnotationType]
export type CitationOf<T extends AnnotationType> = Extract<Citation, { type: T }>

const citationOption = <T extends AnnotationType>(type: T) =>
  z.strictObject({ type: z.literal(type), anchor: ANCHOR_SCHEMAS[type] })

/** `{ type, anchor }` as one discriminated union. */
export const citationSchema = z.discriminatedUnion('type', [
  citationOption('time-range'),
  citationOption('region'),
  citationOption('quote'),
  citationOption('data-range'),
  citationOption('measurement'),
])

/**
 * A stored citation read back: the typed citation when its anchor fits the schema, else null
 * with the reason (rows written before the contract existed). Never throws.
 */
export function readCitation(
  type: string | null,
  anchor: unknown,
): { citation: Citation; problem: null } | { citation: null; problem: string } {
  const parsed = citationSchema.safeParse({ type, anchor })
  if (parsed.success) return { citation: parsed.data as Citation, problem: null }
  const first = parsed.error.issues[0]
  return {
    citation: null,
    problem: first ? `${first.path.join('.') || 'anchor'}: ${first.message}` : 'not a citation',
  }
}
