import type { MonitoringView, Officer } from '../../../../shared/types'
import type { CaseFile, Clock } from '../../../case/case-file'
import { EvidenceError } from '../../../errors'
import type { Basis } from './cems-csv'
import { readCemsSeries, summariseCems } from './extract'
import { decodeText, normaliseText } from '../../extract/text-decode'
import { getItem } from '../../item-repository'
import { readOriginal } from '../../original-bytes'

interface LimitRow {
  pollutant: string
  limit_value: number | null
  reason: string
  set_by_name: string
  set_by_cert_no: string
  set_at: string
}

/** The latest limit an officer set per pollutant for this item (null value = back to the file's). */
function officerLimits(file: CaseFile, itemId: string): LimitRow[] {
  return file.db
    .prepare(
      'SELECT pollutant, limit_value, reason, set_by_name, set_by_cert_no, set_at FROM monitoring_limits WHERE item_id = ? ORDER BY id',
    )
    .all(itemId) as LimitRow[]
}

interface BasisRow {
  pollutant: string
  basis: string | null
  reason: string
  set_by_name: string
  set_by_cert_no: string
  set_at: string
}

/** Every concentration basis an officer chose for this item, oldest first (null basis = back to the default). */
function officerBases(file: CaseFile, itemId: string): BasisRow[] {
  return file.db
    .prepare(
      'SELECT pollutant, basis, reason, set_by_name, set_by_cert_no, set_at FROM monitoring_bases WHERE item_id = ? ORDER BY id',
    )
    .all(itemId) as BasisRow[]
}

/**
 * A monitoring item's series for the chart: raw points, stats and exceedance windows, with any
 * limit the officer set applied (value > limit; equal is not an exceedance). Read from the stored
 * original each time, so the chart and the import use the same parser.
 */
export async function monitoringView(file: CaseFile, itemId: string): Promise<MonitoringView> {
  const item = getItem(file.db, itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${itemId} in this case.`)
  if (item.kind !== 'monitoring')
    throw new EvidenceError('invalid-input', `${item.number} is not online-monitoring data.`)
  const zone = file.info().timezone
  const decoded = decodeText(await readOriginal(file, item))
  if (!decoded)
    throw new EvidenceError('invalid-input', `${item.number} (${item.originalName}) is not readable text.`)
  const text = normaliseText(decoded.text)
  const history = officerLimits(file, item.id)
  const limits: Record<string, number> = {}
  for (const row of history) {
    if (row.limit_value === null) delete limits[row.pollutant]
    else limits[row.pollutant] = row.limit_value
  }
  const basisHistory = officerBases(file, item.id)
  const bases: Record<string, Basis> = {}
  for (const row of basisHistory) {
    if (row.basis === null) delete bases[row.pollutant]
    else bases[row.pollutant] = row.basis as Basis
  }
  const summary = summariseCems(text, { caseTimeZone: zone, limits, bases })
  return {
    itemId: item.id,
    series: summary?.series ?? [],
    points: readCemsSeries(text, zone) ?? [],
    limitHistory: history.map((r) => ({
      pollutant: r.pollutant,
      limit: r.limit_value,
      reason: r.reason,
      setBy: { name: r.set_by_name, certNo: r.set_by_cert_no },
      setAt: r.set_at,
    })),
    basisHistory: basisHistory.map((r) => ({
      pollutant: r.pollutant,
      basis: r.basis,
      reason: r.reason,
      setBy: { name: r.set_by_name, certNo: r.set_by_cert_no },
      setAt: r.set_at,
    })),
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
