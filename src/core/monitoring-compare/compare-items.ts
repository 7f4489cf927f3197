/**
 * The tamper comparison (数据比对) made and kept: two monitoring series (of two items, or two
 * series of one item) are read whole from their stored originals, aligned period by period
 * (align.ts), and written as a JSON file that is imported as a derived monitoring item. Its record
 * names both sources' ids, hashes and series and the parameters; a custody event says who made it
 * and why. The originals are only read.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  COMPARISON_FORMAT,
  COMPARISON_VERSION,
  MAX_COMPARISON_PERIODS,
  type ComparedSeries,
  type ComparisonFile,
  type ComparisonSource,
  type ComparisonThreshold,
} from '../../shared/kinds/monitoring-compare'
import { comparisonFacts, thresholdInWords } from '../../shared/kinds/monitoring-compare-words'
import type { ComparisonDerivation, EvidenceItem, ImportFileResult, Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { caseLayout } from '../case/layout'
import { EvidenceError } from '../errors'
import { importPaths } from '../evidence/import'
import { getItem } from '../evidence/item-repository'
import { parseOffThread } from '../evidence/kinds/monitoring/parse-off-thread'
import { monitoringSource } from '../evidence/kinds/monitoring/view'
import { alignSeries, type SeriesPoint } from './align'
import { COMPARISON_MIME } from './comparison-file'

export interface CompareRequest {
  itemA: string
  seriesA: ComparedSeries
  itemB: string
  seriesB: ComparedSeries
  threshold: ComparisonThreshold
  /** period starts in [start, end) are compared; absent: the whole series */
  start?: string | null
  end?: string | null
  /** why the officer compares these (custody log) */
  reason: string
}

/** Names what ran, so a reviewer knows which rules made the file. */
const TOOL = 'Evidence Desk 数据比对 (period by period, no interpolation, only valid values)'

interface ReadSeries {
  item: EvidenceItem
  source: ComparisonSource
  periodSec: number | null
  points: SeriesPoint[]
}

function monitoringItem(file: CaseFile, id: string, side: 'A' | 'B'): EvidenceItem {
  const item = getItem(file.db, id)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${id} in this case (item ${side}).`)
  if (item.kind !== 'monitoring')
    throw new EvidenceError('invalid-input', `${item.number} (item ${side}) is not online-monitoring data.`)
  if (item.mime === COMPARISON_MIME)
    throw new EvidenceError(
      'invalid-input',
      `${item.number} (item ${side}) is itself a comparison; compare the monitoring items it was made from.`,
    )
  return item
}

const seriesLabel = (s: ComparedSeries): string =>
  `${s.outlet ? `${s.outlet} ` : ''}${s.pollutant} "${s.column}"`

/** Every value of one series of an item, read from its original (a large file on a worker thread). */
async function readSeries(
  file: CaseFile,
  item: EvidenceItem,
  want: ComparedSeries,
  side: 'A' | 'B',
  signal?: AbortSignal,
): Promise<ReadSeries> {
  const read = await parseOffThread(
    {
      source: await monitoringSource(file, item),
      options: { caseTimeZone: file.info().timezone },
      points: true,
      allPoints: true,
    },
    { size: item.size, signal },
  )
  const same = (s: { pollutant: string; outlet?: string; column: string }) =>
    s.pollutant === want.pollutant && (s.outlet ?? undefined) === want.outlet && s.column === want.column
  const summary = read.summary?.series.find(same)
  const points = read.points?.find(same)
  if (!summary || !points)
    throw new EvidenceError(
      'invalid-input',
      `${item.number} (item ${side}) has no series ${seriesLabel(want)} (it has ${
        read.summary?.series.map(seriesLabel).join(', ') || 'none'
      }).`,
    )
  return {
    item,
    periodSec: summary.periodSec,
    points: points.points,
    source: {
      itemId: item.id,
      number: item.number,
      sha256: item.sha256,
      originalName: item.originalName,
      series: want,
      basis: summary.basis,
      unit: summary.unit,
    },
  }
}

/** "mg/m3", "mg/m³" and "MG/M3" are one unit; anything else is another. */
const unitKey = (u: string | null): string | null =>
  u === null ? null : u.replace(/\s+/g, '').replace(/³/g, '3').toLowerCase()

/** A file name safe on every system: E001_E002_SO2_数据比对.json. */
function fileName(a: ComparisonSource, b: ComparisonSource): string {
  const factor = a.series.pollutant.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 40)
  return `${a.number}_${b.number}_${factor}_数据比对.json`
}

/**
 * Compares series A with series B and imports the result as a derived monitoring item. Refuses
 * (EvidenceError invalid-input) different factors, different periods (hourly against minute data
 * is never resampled), different units, and a range with no period in either series.
 */
export async function compareMonitoring(
  file: CaseFile,
  req: CompareRequest,
  actor: Officer,
  clock: Clock,
  signal?: AbortSignal,
): Promise<ImportFileResult> {
  const itemA = monitoringItem(file, req.itemA, 'A')
  const itemB = monitoringItem(file, req.itemB, 'B')
  if (itemA.id === itemB.id && JSON.stringify(req.seriesA) === JSON.stringify(req.seriesB))
    throw new EvidenceError('invalid-input', `Series A and B are the same series of ${itemA.number}.`)
  if (req.start && req.end && Date.parse(req.end) <= Date.parse(req.start))
    throw new EvidenceError(
      'invalid-input',
      `The end of the range (${req.end}) is not after its start (${req.start}).`,
    )
  const a = await readSeries(file, itemA, req.seriesA, 'A', signal)
  const b = await readSeries(file, itemB, req.seriesB, 'B', signal)
  if (a.source.series.pollutant !== b.source.series.pollutant)
    throw new EvidenceError(
      'invalid-input',
      `Series A is ${a.source.series.pollutant} and series B is ${b.source.series.pollutant}: only one factor can be compared with itself.`,
    )
  if (!a.periodSec || !b.periodSec)
    throw new EvidenceError(
      'invalid-input',
      `The data period of ${!a.periodSec ? `${a.item.number} (A)` : `${b.item.number} (B)`} cannot be read from its time stamps, so its periods cannot be matched.`,
    )
  if (a.periodSec !== b.periodSec)
    throw new EvidenceError(
      'invalid-input',
      `Series A has a ${a.periodSec} s period and series B a ${b.periodSec} s period. Values of different periods are never compared (no averaging or resampling is done): choose series with the same period.`,
    )
  if (
    unitKey(a.source.unit) !== null &&
    unitKey(b.source.unit) !== null &&
    unitKey(a.source.unit) !== unitKey(b.source.unit)
  )
    throw new EvidenceError(
      'invalid-input',
      `Series A is in ${a.source.unit} and series B in ${b.source.unit}: values in different units are not compared.`,
    )
  const aligned = alignSeries({
    a: a.points,
    b: b.points,
    periodSec: a.periodSec,
    threshold: req.threshold,
    start: req.start ?? null,
    end: req.end ?? null,
  })
  if (aligned.counts.periods === 0)
    throw new EvidenceError('invalid-input', `Neither series has a period in the chosen range.`)
  if (aligned.rows.length > MAX_COMPARISON_PERIODS)
    throw new EvidenceError(
      'invalid-input',
      `The comparison would hold ${aligned.rows.length} periods, more than ${MAX_COMPARISON_PERIODS}; choose a shorter range.`,
    )
  const body = {
    a: a.source,
    b: b.source,
    periodSec: a.periodSec,
    unit: a.source.unit ?? b.source.unit,
    parameters: { threshold: req.threshold, start: req.start ?? null, end: req.end ?? null },
    windows: aligned.windows,
    counts: aligned.counts,
  }
  // format first: detection knows a comparison by its first bytes
  const content: ComparisonFile = {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    ...body,
    rows: aligned.rows,
    facts: { 'zh-CN': comparisonFacts(body, 'zh-CN'), en: comparisonFacts(body, 'en') },
  }
  const work = join(caseLayout(file.dir).objectsTmp, `compare-${randomBytes(6).toString('hex')}`)
  await mkdir(work, { recursive: true, mode: 0o700 })
  try {
    const out = join(work, fileName(a.source, b.source))
    await writeFile(out, `${JSON.stringify(content)}\n`)
    const record: ComparisonDerivation = {
      sourceId: a.item.id,
      sourceNumber: a.item.number,
      sourceSha256: a.item.sha256,
      operation: 'compare',
      sources: [a, b].map((s) => ({
        id: s.item.id,
        number: s.item.number,
        sha256: s.item.sha256,
        series: s.source.series,
      })),
      parameters: body.parameters,
      tool: TOOL,
    }
    const label =
      a.item.id === b.item.id
        ? `compared within ${a.item.number} (${a.item.sha256})`
        : `compared from ${a.item.number} (${a.item.sha256}) and ${b.item.number} (${b.item.sha256})`
    const { results } = await importPaths(file, [out], {
      actor,
      clock,
      signal,
      // a comparison is dated by the period it covers (its own content), and no device made it
      derivedFrom: { record, sourceLabel: label, time: null, device: null },
    })
    const result = results[0]
    if (!result || result.status === 'rejected' || !result.id)
      throw new EvidenceError(
        'io-error',
        `The comparison of ${a.item.number} and ${b.item.number} could not be stored: ${result?.error?.message ?? 'unknown error'}`,
      )
    file.record(actor, clock(), {
      action: 'monitoring-compared',
      itemId: result.id,
      details: {
        number: result.number,
        a: `${a.item.number} ${seriesLabel(a.source.series)}`,
        b: `${b.item.number} ${seriesLabel(b.source.series)}`,
        sources: record.sources,
        threshold:
          req.threshold.kind === 'percent'
            ? `${req.threshold.value}%`
            : thresholdInWords(req.threshold, body.unit, 'en'),
        parameters: body.parameters,
        windows: aligned.windows.length,
        reason: req.reason,
      },
    })
    return result
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
