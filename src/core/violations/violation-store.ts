import { randomUUID } from 'node:crypto'
import type { ViolationInput } from '../../shared/api'
import type { Officer, Subject } from '../../shared/types'
import type { LegalBasisEntry, Violation, ViolationStatus } from '../../shared/violation-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { copyBuiltinsIntoCase, findLegalBasis, unknownBasis } from './legal-catalogue'
import { linksByViolation, linksOf } from './link-rows'
import { assertWritable } from './writable'

interface ViolationRow {
  id: string
  ordinal: number
  number: string
  title: string
  facts: string
  occurred_from: string | null
  occurred_to: string | null
  place: string
  subject_json: string
  status: ViolationStatus
  created_at: string
  created_by_json: string
  updated_at: string
  withdrawn_at: string | null
  withdrawn_reason: string | null
}

function basisIds(db: ReadableDB, violationId: string): string[] {
  return (
    db
      .prepare('SELECT basis_id FROM violation_basis WHERE violation_id = ? ORDER BY position')
      .all(violationId) as Array<{ basis_id: string }>
  ).map((r) => r.basis_id)
}

function rowToViolation(db: ReadableDB, r: ViolationRow, links = linksOf(db, r.id)): Violation {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    facts: r.facts,
    occurredFrom: r.occurred_from,
    occurredTo: r.occurred_to,
    place: r.place,
    subject: JSON.parse(r.subject_json) as Subject,
    basis: basisIds(db, r.id),
    status: r.status,
    createdAt: r.created_at,
    createdBy: JSON.parse(r.created_by_json) as Officer,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    links,
  }
}

/** Violations oldest first, with their links; withdrawn ones only when asked. */
export function listViolations(db: ReadableDB, opts: { includeWithdrawn?: boolean } = {}): Violation[] {
  const rows = db
    .prepare(
      `SELECT * FROM violations ${opts.includeWithdrawn ? '' : 'WHERE withdrawn_at IS NULL'} ORDER BY ordinal`,
    )
    .all() as ViolationRow[]
  const links = linksByViolation(db)
  return rows.map((r) => rowToViolation(db, r, links.get(r.id) ?? []))
}

/** A violation by id or by number ("V1", case-insensitive), withdrawn or not; null when absent. */
export function getViolation(db: ReadableDB, id: string): Violation | null {
  const row = db
    .prepare('SELECT * FROM violations WHERE id = ? OR number = ?')
    .get(id, id.trim().toUpperCase()) as ViolationRow | undefined
  return row ? rowToViolation(db, row) : null
}

/** Like getViolation, but throws `not-found` naming the id. */
export function requireViolation(db: ReadableDB, id: string): Violation {
  const v = getViolation(db, id)
  if (!v) throw new EvidenceError('not-found', `No violation ${id} in this case.`)
  return v
}

/** An ISO instant with any offset, as the UTC ISO string the case stores; null stays null. */
function utc(iso: string | null): string | null {
  return iso === null ? null : new Date(iso).toISOString()
}

/** The input checked against the case: known, distinct basis ids; a sane time span; transfer rules. */
function checkInput(db: ReadableDB, input: ViolationInput): LegalBasisEntry[] {
  const seen = new Set<string>()
  const entries = input.basis.map((id, i) => {
    if (seen.has(id))
      throw new EvidenceError(
        'invalid-input',
        `The legal basis "${id}" is cited twice; cite each entry once.`,
        {
          fields: [{ path: `basis.${i}`, code: 'legal-basis-duplicate', message: `"${id}" is cited twice` }],
        },
      )
    seen.add(id)
    const entry = findLegalBasis(db, id)
    if (!entry) {
      const err = unknownBasis(id)
      throw new EvidenceError('invalid-input', err.message, {
        fields: [{ path: `basis.${i}`, code: 'legal-basis-unknown', message: err.message }],
      })
    }
    return entry
  })
  const from = utc(input.occurredFrom)
  const to = utc(input.occurredTo)
  if (from && to && from > to)
    throw new EvidenceError(
      'invalid-input',
      `The violation "${input.title}" ends (${to}) before it begins (${from}).`,
      { fields: [{ path: 'occurredTo', code: 'range-reversed', message: 'ends before it begins' }] },
    )
  if (input.status === 'transferred') {
    if (entries.length === 0)
      throw new EvidenceError(
        'refused',
        `The violation "${input.title}" cannot be marked as transferred: it cites no legal basis. Add the provisions it breaches and the one that grounds the transfer first.`,
      )
    if (!entries.some((e) => e.transferKind !== 'none'))
      throw new EvidenceError(
        'refused',
        `The violation "${input.title}" cannot be marked as transferred: none of its legal basis (${input.basis.join(', ')}) grounds a transfer to the police. Cite a criminal provision (such as crim-338 with an item of 法释〔2023〕7号 第一条) or a detention provision (such as env-63-3) first.`,
      )
  }
  return entries
}

function caseSubject(db: ReadableDB): Subject {
  const row = db.prepare('SELECT subject_json FROM case_info LIMIT 1').get() as
    { subject_json: string } | undefined
  if (!row) throw new EvidenceError('case-corrupt', 'The case holds no case record.')
  return JSON.parse(row.subject_json) as Subject
}

/**
 * Creates (no id) or edits a violation. Built-in basis entries it cites for the first time are
 * copied into the case. Creation is one 'violation-created' event; an edit one
 * 'violation-edited' event listing each changed field with its old and new value (none if
 * nothing changed). Withdrawn violations cannot be edited.
 */
export function saveViolation(
  file: CaseFile,
  input: ViolationInput,
  actor: Officer,
  clock: Clock,
): Violation {
  assertWritable(file)
  checkInput(file.db, input)
  const fields = {
    title: input.title,
    facts: input.facts,
    occurredFrom: utc(input.occurredFrom),
    occurredTo: utc(input.occurredTo),
    place: input.place,
    basis: input.basis,
    status: input.status,
  }
  if (input.id) return editViolation(file, input.id, fields, actor, clock)

  const at = clock()
  const id = randomUUID()
  const ordinal =
    (file.db.prepare('SELECT coalesce(max(ordinal), 0) AS n FROM violations').get() as { n: number }).n + 1
  const number = `V${ordinal}`
  const subject = caseSubject(file.db)
  file.db.transaction(() => {
    const copied = copyBuiltinsIntoCase(file.db, fields.basis, at)
    file.db
      .prepare(
        `INSERT INTO violations (id, ordinal, number, title, facts, occurred_from, occurred_to, place, subject_json,
           status, created_at, created_by_json, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        ordinal,
        number,
        fields.title,
        fields.facts,
        fields.occurredFrom,
        fields.occurredTo,
        fields.place,
        JSON.stringify(subject),
        fields.status,
        at.toISOString(),
        JSON.stringify(actor),
        at.toISOString(),
      )
    writeBasis(file, id, fields.basis)
    file.record(actor, at, {
      action: 'violation-created',
      details: {
        violationId: id,
        number,
        ...fields,
        subject,
        basisCopied: copied.map((e) => ({ id: e.id, catalogueVersion: e.catalogueVersion })),
      },
    })
  })()
  return requireViolation(file.db, id)
}

type Fields = Omit<ViolationInput, 'id'>

function editViolation(file: CaseFile, id: string, fields: Fields, actor: Officer, clock: Clock): Violation {
  const before = requireViolation(file.db, id)
  if (before.withdrawnAt)
    throw new EvidenceError(
      'refused',
      `Violation ${before.number} was withdrawn (${before.withdrawnReason ?? ''}) and can no longer be edited.`,
    )
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(fields) as Array<keyof Fields>) {
    const from = before[key]
    const to = fields[key]
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to }
  }
  if (Object.keys(changes).length === 0) return before
  const at = clock()
  file.db.transaction(() => {
    const copied = copyBuiltinsIntoCase(file.db, fields.basis, at)
    file.db
      .prepare(
        `UPDATE violations SET title = ?, facts = ?, occurred_from = ?, occurred_to = ?, place = ?, status = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(
        fields.title,
        fields.facts,
        fields.occurredFrom,
        fields.occurredTo,
        fields.place,
        fields.status,
        at.toISOString(),
        before.id,
      )
    if (changes.basis) {
      file.db.prepare('DELETE FROM violation_basis WHERE violation_id = ?').run(before.id)
      writeBasis(file, before.id, fields.basis)
    }
    file.record(actor, at, {
      action: 'violation-edited',
      details: {
        violationId: before.id,
        number: before.number,
        changes,
        basisCopied: copied.map((e) => ({ id: e.id, catalogueVersion: e.catalogueVersion })),
      },
    })
  })()
  return requireViolation(file.db, before.id)
}

function writeBasis(file: CaseFile, violationId: string, basis: string[]): void {
  const insert = file.db.prepare(
    'INSERT INTO violation_basis (violation_id, position, basis_id) VALUES (?, ?, ?)',
  )
  basis.forEach((b, i) => insert.run(violationId, i, b))
}

/** Withdraws a violation with a reason; it stays on record (with its links) but leaves every list. */
export function withdrawViolation(
  file: CaseFile,
  id: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): Violation {
  assertWritable(file)
  const v = requireViolation(file.db, id)
  if (v.withdrawnAt) return v
  const at = clock()
  file.record(
    actor,
    at,
    { action: 'violation-withdrawn', details: { violationId: v.id, number: v.number, reason } },
    () => {
      file.db
        .prepare('UPDATE violations SET withdrawn_at = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?')
        .run(at.toISOString(), reason, at.toISOString(), v.id)
    },
  )
  return requireViolation(file.db, v.id)
}
