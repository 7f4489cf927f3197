import type { EvidenceItem, MonitoringView, Officer } from '../../../../shared/types'
import { COMPARISON_MIME, comparisonView, parseComparison } from '../../../monitoring-compare/comparison-file'
import type { CaseFile, Clock } from '../../../case/case-file'
import { EvidenceError } from '../../../errors'
import type { Basis } from './cems-csv'
import { objectPath } from '../../../case/layout'
import { getItem } from '../../item-repository'
import { hasOriginalReader, readOriginal } from '../../original-bytes'
import type { CsvSource } from './csv-read'
import { parseOffThread } from './parse-off-thread'

/** An officer's choice for one pollutant (a limit or a basis), as its table records it; null value = back to the file's. */
interface ChoiceRow<V> {
  pollutant: string
  value: V | null
  reason: string
  set_by_name: string
  set_by_cert_no: string
  set_at: string
}

/** The two tables of officer choices and the column holding the chosen value (constants, never user input). */
const CHOICE_SOURCES = {
  limit:
    'SELECT pollutant, limit_value AS value, reason, set_by_name, set_by_cert_no, set_at FROM monitoring_limits WHERE item_id = ? ORDER BY id',
  basis:
    'SELECT pollutant, basis AS value, reason, set_by_name, set_by_cert_no, set_at FROM monitoring_bases WHERE item_id = ? ORDER BY id',
} as const

/** Every choice of that sort an officer made for this item, oldest first. */
function officerChoices<V>(
  file: CaseFile,
  itemId: string,
  sort: keyof typeof CHOICE_SOURCES,
): ChoiceRow<V>[] {
  return file.db.prepare(CHOICE_SOURCES[sort]).all(itemId) as ChoiceRow<V>[]
}

/** The choice in force per pollutant: the latest one, where a null value returns to the file's. */
function choicesInForce<V>(history: ChoiceRow<V>[]): Record<string, V> {
  const inForce: Record<string, V> = {}
  for (const row of history) {
    if (row.value === null) delete inForce[row.pollutant]
    else inForce[row.pollutant] = row.value
  }
  return inForce
}

/** A choice as the view reports it, with who made it and when. */
function choiceEntry<V>(r: ChoiceRow<V>) {
  return {
    pollutant: r.pollutant,
    reason: r.reason,
    setBy: { name: r.set_by_name, certNo: r.set_by_cert_no },
    setAt: r.set_at,
  }
}

/** Where a monitoring original is read from: a package's through its reader (inside a ZIP), a case's straight from objects/. */
export async function monitoringSource(file: CaseFile, item: EvidenceItem): Promise<CsvSource> {
  return hasOriginalReader(file)
    ? { bytes: await readOriginal(file, item) }
    : { path: objectPath(file.dir, item.sha256) }
}

/**
 * A monitoring item's series for the chart: points (thinned beyond a few thousand per series,
 * series-points.ts), stats and exceedance windows, with any limit the officer set applied (value >
 * limit; equal is not an exceedance). Read from the stored original each time, so the chart and the
 * import use the same parser; a large file on a worker thread.
 */
export async function monitoringView(file: CaseFile, itemId: string): Promise<MonitoringView> {
  const item = getItem(file.db, itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${itemId} in this case.`)
  if (item.kind !== 'monitoring')
    throw new EvidenceError('invalid-input', `${item.number} is not online-monitoring data.`)
  if (item.mime === COMPARISON_MIME)
    return comparisonView(
      item.id,
      parseComparison(await readOriginal(file, item), `${item.number} (${item.originalName})`),
    )
  const zone = file.info().timezone
  const source = await monitoringSource(file, item)
  const history = officerChoices<number>(file, item.id, 'limit')
  const basisHistory = officerChoices<Basis>(file, item.id, 'basis')
  const limits = choicesInForce(history)
  const bases = choicesInForce(basisHistory)
  const read = await parseOffThread(
    { source, options: { caseTimeZone: zone, limits, bases }, points: true },
    { size: item.size },
  )
  if (read.format === 'csv' && !read.encoding)
    throw new EvidenceError('invalid-input', `${item.number} (${item.originalName}) is not readable text.`)
  return {
    itemId: item.id,
    series: read.summary?.series ?? [],
    points: read.points ?? [],
    limitHistory: history.map((r) => ({ ...choiceEntry(r), limit: r.value })),
    basisHistory: basisHistory.map((r) => ({ ...choiceEntry(r), basis: r.value })),
  }
}

/**
 * Sets (or, with null, clears) the limit for one pollutant of a monitoring item. A limit in the
 * file itself still wins for that column: a file's own limit column is evidence, the officer's
 * value applies where the file gives none. Recorded with a custody event.
 */
export async function setMonitoringLimit(
  file: CaseFile,
  itemId: string,
  pollutant: string,
  limit: number | null,
  reason: string,
  actor: Officer,
  clock: Clock,
): Promise<MonitoringView> {
  const item = getItem(file.db, itemId)
  if (!item || item.kind !== 'monitoring')
    throw new EvidenceError('not-found', `No monitoring item ${itemId} in this case.`)
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'monitoring-limit-set',
      itemId: item.id,
      details: { number: item.number, pollutant, limit, reason },
    },
    () => {
      file.db
        .prepare(
          'INSERT INTO monitoring_limits (item_id, pollutant, limit_value, reason, set_by_name, set_by_cert_no, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(item.id, pollutant, limit, reason, actor.name, actor.certNo, at.toISOString())
    },
  )
  return monitoringView(file, itemId)
}

/**
 * Chooses (or, with null, resets to the default) the concentration basis a factor is judged on:
 * 实测, 标干 or 折算. The file is never changed; the choice and its reason are a custody event.
 */
export async function setMonitoringBasis(
  file: CaseFile,
  itemId: string,
  pollutant: string,
  basis: Basis | null,
  reason: string,
  actor: Officer,
  clock: Clock,
): Promise<MonitoringView> {
  const item = getItem(file.db, itemId)
  if (!item || item.kind !== 'monitoring')
    throw new EvidenceError('not-found', `No monitoring item ${itemId} in this case.`)
  const view = await monitoringView(file, itemId)
  if (basis !== null && !view.series.some((s) => s.pollutant === pollutant && s.basis === basis))
    throw new EvidenceError(
      'invalid-input',
      `${item.number} has no ${pollutant} series on the ${basis} basis (it has ${
        view.series
          .filter((s) => s.pollutant === pollutant)
          .map((s) => s.basis)
          .join(', ') || 'none'
      }).`,
    )
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'monitoring-basis-set',
      itemId: item.id,
      details: { number: item.number, pollutant, basis, reason },
    },
    () => {
      file.db
        .prepare(
          'INSERT INTO monitoring_bases (item_id, pollutant, basis, reason, set_by_name, set_by_cert_no, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(item.id, pollutant, basis, reason, actor.name, actor.certNo, at.toISOString())
    },
  )
  return monitoringView(file, itemId)
}
