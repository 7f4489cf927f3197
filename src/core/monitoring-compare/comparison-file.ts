/**
 * A comparison file (数据比对, shared/kinds/monitoring-compare.ts) read back: recognised by its
 * first bytes, checked against its schema, and turned into what a monitoring item offers: three
 * series (A, B and the difference A−B, whose exceedance windows are the comparison's windows) for
 * the import's meta, the citation check and the viewer.
 */
import { readFile, stat } from 'node:fs/promises'
import {
  COMPARISON_FORMAT,
  COMPARISON_SERIES,
  comparisonFileSchema,
  type ComparisonFile,
} from '../../shared/kinds/monitoring-compare'
import type { MonitoringSeriesSummary, MonitoringView } from '../../shared/types'
import { toIsoWithOffset } from '../../shared/time-zone'
import { EvidenceError } from '../errors'
import { emptyFacts, reason, type ExtractFacts } from '../evidence/extract/extract-result'

/** The MIME type a comparison item is stored under (its kind is monitoring). */
export const COMPARISON_MIME = 'application/json'

/** A comparison file is read whole; larger ones (far beyond a year of minute data) are refused. */
export const MAX_COMPARISON_BYTES = 256 * 1024 * 1024

/** Whole series are drawn up to this many periods; longer ones keep per time slice the extremes of A, B and A−B. */
const DRAW_ALL = 5000
const BUCKETS = 1200

const FIRST_BYTES = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${COMPARISON_FORMAT}"`)

/** True when a text starts as a comparison file does (the format key is written first). */
export function looksLikeComparison(text: string | null): boolean {
  return text !== null && FIRST_BYTES.test(text.slice(0, 200))
}

/** The file's content checked against the schema; EvidenceError('invalid-input') naming what is wrong. */
export function parseComparison(bytes: Buffer, label: string): ComparisonFile {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new EvidenceError('invalid-input', `${label} is not a readable comparison file: ${reason(e)}`)
  }
  const parsed = comparisonFileSchema.safeParse(json)
  if (!parsed.success)
    throw new EvidenceError(
      'invalid-input',
      `${label} is not a comparison file this version reads: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    )
  return parsed.data
}

function periodEnd(iso: string, periodSec: number): string {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso)
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
  return toIsoWithOffset(Date.parse(iso) + periodSec * 1000, offset)
}

type Row = ComparisonFile['rows'][number]
const validOf = (s: Row[1]): number | null => (s && s[0] !== null && s[1] === null ? s[0] : null)
const diffOf = (r: Row): number | null => {
  const a = validOf(r[1])
  const b = validOf(r[2])
  return a === null || b === null ? null : Number((a - b).toFixed(9))
}

function stats(values: Array<number | null>) {
  let n = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  for (const v of values) {
    if (v === null) continue
    n++
    sum += v
    if (v < min) min = v
    if (v > max) max = v
  }
  return n === 0 ? { points: 0, min: null, max: null, mean: null } : { points: n, min, max, mean: sum / n }
}

/** The three series (A, B, A−B) as a monitoring item's summaries; the windows are the difference's exceedances. */
export function comparisonSeries(f: ComparisonFile): MonitoringSeriesSummary[] {
  const pollutant = f.a.series.pollutant
  const flags = (which: 1 | 2) => {
    const out: Record<string, number> = {}
    for (const r of f.rows) {
      const s = r[which]
      if (s && s[0] !== null && s[1] !== null) out[s[1]] = (out[s[1]] ?? 0) + 1
    }
    return out
  }
  const base = {
    pollutant,
    unit: f.unit,
    periodSec: f.periodSec,
    limit: null,
    limitSource: null,
    judged: false,
  }
  return [
    {
      ...base,
      outlet: COMPARISON_SERIES.a(f),
      column: f.a.series.column,
      basis: f.a.basis,
      ...stats(f.rows.map((r) => validOf(r[1]))),
      flagged: flags(1),
      exceedances: [],
    },
    {
      ...base,
      outlet: COMPARISON_SERIES.b(f),
      column: f.b.series.column,
      basis: f.b.basis,
      ...stats(f.rows.map((r) => validOf(r[2]))),
      flagged: flags(2),
      exceedances: [],
    },
    {
      ...base,
      outlet: COMPARISON_SERIES.difference(f),
      column: 'A−B',
      basis: f.a.basis,
      ...stats(f.rows.map(diffOf)),
      limit: f.parameters.threshold.kind === 'absolute' ? f.parameters.threshold.value : null,
      exceedances: f.windows.map((w) => ({
        start: w.start,
        end: w.end,
        max: Math.abs(w.difference),
        points: w.periods,
      })),
    },
  ]
}

/** The rows to draw: all of them, or per time slice those holding the extremes of A, B, A−B and the first gap. */
function drawnRows(rows: Row[]): Row[] {
  if (rows.length <= DRAW_ALL) return rows
  const t0 = Date.parse(rows[0][0])
  const span = Date.parse(rows[rows.length - 1][0]) - t0 + 1
  const keep = new Set<number>()
  const picks: Array<Map<number, number>> = []
  const score = [
    (r: Row) => validOf(r[1]),
    (r: Row) => (validOf(r[1]) === null ? null : -validOf(r[1])!),
    (r: Row) => validOf(r[2]),
    (r: Row) => (validOf(r[2]) === null ? null : -validOf(r[2])!),
    (r: Row) => (diffOf(r) === null ? null : Math.abs(diffOf(r)!)),
  ]
  for (let k = 0; k < score.length; k++) picks.push(new Map())
  const gap = new Map<number, number>()
  rows.forEach((r, i) => {
    const bucket = Math.min(BUCKETS - 1, Math.floor(((Date.parse(r[0]) - t0) / span) * BUCKETS))
    if (validOf(r[1]) === null || validOf(r[2]) === null) {
      if (!gap.has(bucket)) gap.set(bucket, i)
    }
    score.forEach((s, k) => {
      const v = s(r)
      if (v === null) return
      const best = picks[k].get(bucket)
      if (best === undefined || v > s(rows[best])!) picks[k].set(bucket, i)
    })
  })
  for (const m of [...picks, gap]) for (const i of m.values()) keep.add(i)
  return [...keep].sort((x, y) => x - y).map((i) => rows[i])
}

/** The monitoring view of a comparison item: A, B and A−B with their points, and the comparison itself. */
export function comparisonView(itemId: string, f: ComparisonFile): MonitoringView {
  const series = comparisonSeries(f)
  const rows = drawnRows(f.rows)
  const thinned = rows.length < f.rows.length ? { values: f.rows.length, drawn: rows.length } : undefined
  const sideAt =
    (which: 1 | 2) =>
    (r: Row): [string, number | null, string | null] => {
      const s = r[which]
      return s ? [r[0], s[0], s[1]] : [r[0], null, null]
    }
  const pointsOf = [
    sideAt(1),
    sideAt(2),
    (r: Row): [string, number | null, string | null] => [r[0], diffOf(r), null],
  ]
  return {
    itemId,
    series,
    points: series.map((s, k) => ({
      pollutant: s.pollutant,
      outlet: s.outlet,
      column: s.column,
      unit: s.unit,
      basis: s.basis,
      points: rows.map(pointsOf[k]),
      ...(thinned ? { thinned } : {}),
    })),
    limitHistory: [],
    basisHistory: [],
    comparison: {
      a: f.a,
      b: f.b,
      parameters: f.parameters,
      periodSec: f.periodSec,
      unit: f.unit,
      windows: f.windows,
      counts: f.counts,
      differenceOutlet: COMPARISON_SERIES.difference(f),
      pollutant: f.a.series.pollutant,
    },
  }
}

/** The span a comparison covers: first period start to the end of the last period. */
export function comparisonSpan(f: ComparisonFile): { start: string | null; end: string | null } {
  const first = f.rows[0]?.[0]
  const last = f.rows[f.rows.length - 1]?.[0]
  return { start: first ?? null, end: last ? periodEnd(last, f.periodSec) : null }
}

/** Import's reading of a comparison file: the meta a monitoring item carries (series, span, period). */
export async function extractComparison(path: string): Promise<ExtractFacts> {
  const facts = emptyFacts()
  const size = (await stat(path)).size
  if (size > MAX_COMPARISON_BYTES) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: `The comparison file is ${size} bytes, more than the ${MAX_COMPARISON_BYTES} bytes read; no series were read.`,
    })
    return facts
  }
  let f: ComparisonFile
  try {
    f = parseComparison(await readFile(path), 'The comparison file')
  } catch (e) {
    facts.warnings.push({ code: 'metadata-unreadable', message: reason(e) })
    return facts
  }
  const span = comparisonSpan(f)
  facts.meta = {
    series: comparisonSeries(f),
    rows: f.rows.length,
    intervalSec: f.periodSec,
    start: span.start,
    end: span.end,
    comparison: {
      a: { number: f.a.number, sha256: f.a.sha256 },
      b: { number: f.b.number, sha256: f.b.sha256 },
      threshold: f.parameters.threshold,
      windows: f.windows.length,
    },
  }
  return facts
}
