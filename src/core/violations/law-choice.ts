/**
 * 从旧兼从轻 (行政处罚法 第三十七条; the 生态环境法典's own rule): where a violation's act and
 * the decision fall on opposite sides of a change in the law, the officer picks the old or the
 * new provisions and records why. The choice is a custody event; choosing the new law replaces
 * the old provisions in the violation's basis by their counterparts, in the same transaction.
 */
import type { LawChoiceInput } from '../../shared/api'
import { dayInZone, lawChanges, type LawChange } from '../../shared/legal-time'
import type { Officer } from '../../shared/types'
import type { LawChoice } from '../../shared/transfer-types'
import type { LegalBasisEntry, Violation } from '../../shared/violation-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { copyBuiltinsIntoCase, findLegalBasis } from './legal-catalogue'
import { requireViolation } from './violation-store'
import { assertWritable } from './writable'

interface ChoiceRow {
  violation_id: string
  chosen: 'old' | 'new'
  reason: string
  old_ids_json: string
  new_ids_json: string
  decided_on: string
  recorded_at: string
  recorded_by_json: string
}

function rowToChoice(r: ChoiceRow): LawChoice {
  return {
    violationId: r.violation_id,
    chosen: r.chosen,
    reason: r.reason,
    oldIds: JSON.parse(r.old_ids_json) as string[],
    newIds: JSON.parse(r.new_ids_json) as string[],
    decidedOn: r.decided_on,
    recordedAt: r.recorded_at,
    recordedBy: JSON.parse(r.recorded_by_json) as Officer,
  }
}

/** Every recorded choice, oldest first (the latest per violation is the one that stands). */
export function listLawChoices(db: ReadableDB): LawChoice[] {
  return (db.prepare('SELECT * FROM law_choices ORDER BY id').all() as ChoiceRow[]).map(rowToChoice)
}

/** The latest choice recorded for a violation, or null. */
export function latestLawChoice(db: ReadableDB, violationId: string): LawChoice | null {
  const row = db
    .prepare('SELECT * FROM law_choices WHERE violation_id = ? ORDER BY id DESC LIMIT 1')
    .get(violationId) as ChoiceRow | undefined
  return row ? rowToChoice(row) : null
}

/** The violation's act day in the case zone (its start), or null when the time of the act is unknown. */
export function actDay(v: Violation, timezone: string): string | null {
  return v.occurredFrom ? dayInZone(v.occurredFrom, timezone) : null
}

/** Where the law changed between the violation's act and `decisionDay` for the provisions it cites. */
export function pendingLawChanges(
  db: ReadableDB,
  v: Violation,
  timezone: string,
  decisionDay: string,
): LawChange[] {
  const day = actDay(v, timezone)
  if (!day) return []
  const cited = v.basis.map((id) => findLegalBasis(db, id)).filter((e): e is LegalBasisEntry => e !== null)
  return lawChanges(cited, (id) => findLegalBasis(db, id) ?? undefined, day, decisionDay)
}

/**
 * Records the officer's 从旧兼从轻 choice for one violation. `decidedOn` is the decision's day
 * (YYYY-MM-DD). Refuses when the law did not change between the act and that day for what the
 * violation cites. Choosing 'new' puts the counterparts in place of the old provisions.
 */
export function recordLawChoice(
  file: CaseFile,
  input: LawChoiceInput,
  actor: Officer,
  clock: Clock,
): LawChoice {
  assertWritable(file)
  const v = requireViolation(file.db, input.violationId)
  const tz = file.info().timezone
  const changes = pendingLawChanges(file.db, v, tz, input.decidedOn)
  if (changes.length === 0)
    throw new EvidenceError(
      'refused',
      `Violation ${v.number} needs no choice of law: what it cites did not change between the act (${actDay(v, tz) ?? 'unknown'}) and ${input.decidedOn}.`,
    )
  const oldIds = changes.map((c) => c.old.id)
  const newIds = [...new Set(changes.flatMap((c) => c.replacements.map((r) => r.id)))]
  const at = clock()
  const recordedBy = { name: actor.name, certNo: actor.certNo }
  file.db.transaction(() => {
    let basisAfter = v.basis
    if (input.chosen === 'new') {
      basisAfter = [
        ...new Set(
          v.basis.flatMap((id) =>
            oldIds.includes(id) ? changes.find((c) => c.old.id === id)!.replacements.map((r) => r.id) : [id],
          ),
        ),
      ]
      copyBuiltinsIntoCase(file.db, basisAfter, at)
      file.db.prepare('DELETE FROM violation_basis WHERE violation_id = ?').run(v.id)
      const insert = file.db.prepare(
        'INSERT INTO violation_basis (violation_id, position, basis_id) VALUES (?, ?, ?)',
      )
      basisAfter.forEach((b, i) => insert.run(v.id, i, b))
      file.db.prepare('UPDATE violations SET updated_at = ? WHERE id = ?').run(at.toISOString(), v.id)
    }
    file.db
      .prepare(
        `INSERT INTO law_choices (violation_id, chosen, reason, old_ids_json, new_ids_json, decided_on, recorded_at, recorded_by_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.id,
        input.chosen,
        input.reason,
        JSON.stringify(oldIds),
        JSON.stringify(newIds),
        input.decidedOn,
        at.toISOString(),
        JSON.stringify(recordedBy),
      )
    file.record(actor, at, {
      action: 'law-choice-recorded',
      details: {
        violationId: v.id,
        number: v.number,
        rule: '从旧兼从轻（《中华人民共和国行政处罚法》第三十七条）',
        actDay: actDay(v, tz),
        decidedOn: input.decidedOn,
        chosen: input.chosen,
        reason: input.reason,
        old: oldIds,
        new: newIds,
        basisBefore: v.basis,
        basisAfter,
      },
    })
  })()
  return latestLawChoice(file.db, v.id)!
}
