/**
 * The case facts a transfer letter needs (立案日期, 排污许可证编号, 重点排污单位 and its source,
 * suspects with their 公民身份号码). Each save is one custody event listing what changed.
 */
import type { TransferFieldsInput } from '../../shared/api'
import type { Officer } from '../../shared/types'
import type { FieldError } from '../../shared/errors'
import { residentIdProblem } from '../../shared/resident-id'
import type { TransferCaseFields } from '../../shared/transfer-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { assertWritable } from '../violations/writable'

export const EMPTY_TRANSFER_FIELDS: TransferCaseFields = {
  filedOn: '',
  permitNumber: '',
  keyUnit: 'unknown',
  keyUnitSource: '',
  suspects: [],
}

/** The latest saved fields, or the empty set when none were saved yet. */
export function readTransferFields(db: ReadableDB): TransferCaseFields {
  const row = db.prepare('SELECT value_json FROM transfer_fields ORDER BY id DESC LIMIT 1').get() as
    { value_json: string } | undefined
  return row
    ? { ...EMPTY_TRANSFER_FIELDS, ...(JSON.parse(row.value_json) as TransferCaseFields) }
    : { ...EMPTY_TRANSFER_FIELDS }
}

const RESIDENT_ID_CODES = {
  length: 'resident-id-length',
  charset: 'resident-id-charset',
  'birth-date': 'resident-id-birth-date',
  'check-digit': 'resident-id-check-digit',
} as const

/** Every problem with the input, each naming its field; empty when the input can be saved. */
export function transferFieldProblems(input: TransferFieldsInput, today: string): FieldError[] {
  const out: FieldError[] = []
  if (input.filedOn && input.filedOn > today)
    out.push({
      path: 'filedOn',
      code: 'date-in-future',
      message: `立案日期 ${input.filedOn} is after today (${today}).`,
    })
  if (input.keyUnit === 'yes' && !input.keyUnitSource.trim())
    out.push({
      path: 'keyUnitSource',
      code: 'key-unit-source-required',
      message: 'Say where the 重点排污单位 status comes from (the 名录 and its year).',
    })
  input.suspects.forEach((s, i) => {
    const problem = residentIdProblem(s.idNumber)
    if (problem)
      out.push({
        path: `suspects.${i}.idNumber`,
        code: RESIDENT_ID_CODES[problem],
        message: `The ID number of ${s.name} (${s.idNumber}) is not a valid 公民身份号码 (${problem}).`,
      })
  })
  return out
}

/**
 * Saves the transfer fields. `today` is the officer's calendar day in the case zone (YYYY-MM-DD):
 * a 立案日期 after it is refused. Refuses any invalid field with one field error each, before
 * anything is written; returns the fields as stored.
 */
export function saveTransferFields(
  file: CaseFile,
  input: TransferFieldsInput,
  today: string,
  actor: Officer,
  clock: Clock,
): TransferCaseFields {
  assertWritable(file)
  const fields = transferFieldProblems(input, today)
  if (fields.length > 0)
    throw new EvidenceError(
      'invalid-input',
      `The transfer details were not saved: ${fields.map((f) => f.message).join(' ')}`,
      {
        fields,
      },
    )
  const next: TransferCaseFields = {
    filedOn: input.filedOn,
    permitNumber: input.permitNumber,
    keyUnit: input.keyUnit,
    keyUnitSource: input.keyUnitSource,
    suspects: input.suspects.map((s) => ({ ...s, idNumber: s.idNumber.trim().toUpperCase() })),
  }
  const before = readTransferFields(file.db)
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(next) as Array<keyof TransferCaseFields>)
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key]))
      changes[key] = { from: before[key], to: next[key] }
  if (Object.keys(changes).length === 0) return before
  const at = clock()
  file.record(actor, at, { action: 'transfer-fields-edited', details: { changes } }, () => {
    file.db
      .prepare('INSERT INTO transfer_fields (value_json, edited_at, edited_by_json) VALUES (?, ?, ?)')
      .run(JSON.stringify(next), at.toISOString(), JSON.stringify({ name: actor.name, certNo: actor.certNo }))
  })
  return next
}
