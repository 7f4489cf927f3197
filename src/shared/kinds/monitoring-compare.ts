/**
 * A tamper comparison (数据比对) of two monitoring series, as the derived JSON file stores it: both
 * sources (item, hash, series), the parameters, one row per period of either series, the windows
 * where they differ by more than the threshold and the facts in words. The file is the evidence;
 * the viewer, the package and the command line read it back through this one schema.
 */
import * as z from 'zod'

/** The first key of every comparison file, so detection can tell one by its first bytes. */
export const COMPARISON_FORMAT = 'evidesk-monitoring-comparison'
export const COMPARISON_VERSION = 1

const instant = z.iso.datetime({ offset: true })

/** One series of a monitoring item, as the item's view names it (outlet only in a file with several). */
export const comparedSeriesSchema = z.strictObject({
  pollutant: z.string().min(1).max(64),
  outlet: z.string().min(1).max(200).optional(),
  column: z.string().min(1).max(500),
})
export type ComparedSeries = z.infer<typeof comparedSeriesSchema>

/** Absolute: in the series' unit. Percent: of item A's value (|A−B| > p% × |A|). */
export const comparisonThresholdSchema = z.strictObject({
  kind: z.enum(['absolute', 'percent']),
  value: z.number().positive().max(1e9),
})
export type ComparisonThreshold = z.infer<typeof comparisonThresholdSchema>

export const comparisonSourceSchema = z.strictObject({
  itemId: z.string().min(1).max(64),
  number: z.string().min(1).max(32),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  originalName: z.string().max(1000),
  series: comparedSeriesSchema,
  basis: z.string().max(32),
  unit: z.string().max(64).nullable(),
})
export type ComparisonSource = z.infer<typeof comparisonSourceSchema>

/** One side of a period: absent (the series has no such period), or [value (null: blank or unreadable), data flag when not valid]. */
const sideSchema = z.tuple([z.number().nullable(), z.string().max(16).nullable()]).nullable()
export type ComparisonSide = z.infer<typeof sideSchema>

export const comparisonWindowSchema = z.strictObject({
  /** start of the first period over the threshold */
  start: instant,
  /** end of the last one (its start + the period) */
  end: instant,
  periods: z.number().int().min(1),
  /** the period of the largest |A−B| in the window, with both values */
  at: instant,
  a: z.number(),
  b: z.number(),
  /** A − B at `at` */
  difference: z.number(),
})
export type ComparisonWindow = z.infer<typeof comparisonWindowSchema>

export const comparisonCountsSchema = z.strictObject({
  /** periods of either series inside the range */
  periods: z.number().int().min(0),
  /** periods with a valid value on both sides: the only ones compared */
  compared: z.number().int().min(0),
  /** compared periods whose difference is over the threshold */
  over: z.number().int().min(0),
  missingA: z.number().int().min(0),
  missingB: z.number().int().min(0),
  /** periods present but blank or unreadable */
  blankA: z.number().int().min(0),
  blankB: z.number().int().min(0),
  /** values left out for their data flag, per flag */
  flaggedA: z.record(z.string(), z.number().int().min(0)),
  flaggedB: z.record(z.string(), z.number().int().min(0)),
  /** periods its source sent twice with different values: not compared (absent in older comparisons) */
  repeatedA: z.number().int().min(0).optional(),
  repeatedB: z.number().int().min(0).optional(),
})
export type ComparisonCounts = z.infer<typeof comparisonCountsSchema>

/** Comparison files hold at most this many periods (a year of minute data is ~525,600). */
export const MAX_COMPARISON_PERIODS = 1_100_000

export const comparisonFileSchema = z.strictObject({
  format: z.literal(COMPARISON_FORMAT),
  version: z.literal(COMPARISON_VERSION),
  a: comparisonSourceSchema,
  b: comparisonSourceSchema,
  parameters: z.strictObject({
    threshold: comparisonThresholdSchema,
    /** the range compared (period starts in [start, end)); null: the whole series */
    start: instant.nullable(),
    end: instant.nullable(),
  }),
  /** the one data period of both series, seconds */
  periodSec: z.number().int().positive(),
  unit: z.string().max(64).nullable(),
  /** [period start, A, B] in time order */
  rows: z.array(z.tuple([instant, sideSchema, sideSchema])).max(MAX_COMPARISON_PERIODS),
  windows: z.array(comparisonWindowSchema),
  counts: comparisonCountsSchema,
  /** the facts in words, as the app showed them when the comparison was made */
  facts: z.strictObject({ 'zh-CN': z.array(z.string()), en: z.array(z.string()) }),
})
export type ComparisonFile = z.infer<typeof comparisonFileSchema>

/**
 * The series names a comparison item offers for citations (the anchor's outlet; the pollutant stays
 * the factor's). They are keys, free of any language: screens and documents name the difference in
 * their own words (outletInWords in monitoring-words.ts).
 */
export const COMPARISON_SERIES = {
  a: (f: Pick<ComparisonFile, 'a'>) => `A ${f.a.number}`,
  b: (f: Pick<ComparisonFile, 'b'>) => `B ${f.b.number}`,
  difference: (f: Pick<ComparisonFile, 'a' | 'b'>) => differenceKey(f.a.number, f.b.number),
} as const

function differenceKey(a: string, b: string): string {
  return `A−B ${a}−${b}`
}

// Comparisons imported before the key was language-free keep "差值 A−B E001−E002" in their item's
// series and in their citations; both forms name the same series.
const DIFFERENCE_KEY = /^(?:差值 )?A−B ([^\s−]+)−([^\s−]+)$/

/** The item numbers of a comparison's difference series named by `outlet` (either form), or null for any other outlet. */
export function differenceOf(outlet: string | null | undefined): { a: string; b: string } | null {
  const m = outlet ? DIFFERENCE_KEY.exec(outlet) : null
  return m ? { a: m[1], b: m[2] } : null
}

/** True when two outlets name the same series (an old difference key is the new one). */
export function sameOutlet(x: string | null | undefined, y: string | null | undefined): boolean {
  const canonical = (o: string | null | undefined) => {
    const d = differenceOf(o)
    return d ? differenceKey(d.a, d.b) : (o ?? undefined)
  }
  return canonical(x) === canonical(y)
}

/** What the monitoring viewer gets for a comparison item besides its three series. */
export interface ComparisonSummary {
  a: ComparisonSource
  b: ComparisonSource
  parameters: ComparisonFile['parameters']
  periodSec: number
  unit: string | null
  windows: ComparisonWindow[]
  counts: ComparisonCounts
  /** the series name (anchor outlet) of the difference, for citing a window */
  differenceOutlet: string
  pollutant: string
}
