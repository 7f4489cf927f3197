/** 涉案物品: physical things seized under a 查封扣押决定书 (electronic files belong on the electronic-data list). */
import { randomUUID } from 'node:crypto'
import type { SeizedItemInput } from '../../shared/api'
import type { Officer } from '../../shared/types'
import type { SeizedItem } from '../../shared/transfer-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { assertWritable } from '../violations/writable'
import { nextOrdinal, removeListEntry } from './transfer-list'

interface SeizedRow {
  id: string
  name: string
  spec: string
  quantity: number
  unit: string
  storage_place: string
  decision_number: string
  created_at: string
  created_by_json: string
}

export function listSeizedItems(db: ReadableDB): SeizedItem[] {
  const rows = db
    .prepare('SELECT * FROM seized_items WHERE removed_at IS NULL ORDER BY ordinal')
    .all() as SeizedRow[]
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    spec: r.spec,
    quantity: r.quantity,
    unit: r.unit,
    storagePlace: r.storage_place,
    decisionNumber: r.decision_number,
    createdAt: r.created_at,
    createdBy: JSON.parse(r.created_by_json) as Officer,
  }))
}

/** Records one seized thing (custody event 'seized-item-added'); a quantity of 0 or less is refused next to its field. */
export function addSeizedItem(
  file: CaseFile,
  input: SeizedItemInput,
  actor: Officer,
  clock: Clock,
): SeizedItem {
  assertWritable(file)
  if (!(input.quantity > 0))
    throw new EvidenceError('invalid-input', `The quantity of "${input.name}" must be more than 0.`, {
      fields: [{ path: 'quantity', code: 'quantity-positive', message: 'more than 0' }],
    })
  const id = randomUUID()
  const at = clock()
  const ordinal = nextOrdinal(file.db, 'seized')
  file.record(actor, at, { action: 'seized-item-added', details: { seizedItemId: id, ...input } }, () => {
    file.db
      .prepare(
        `INSERT INTO seized_items (id, ordinal, name, spec, quantity, unit, storage_place, decision_number, created_at, created_by_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        ordinal,
        input.name,
        input.spec,
        input.quantity,
        input.unit,
        input.storagePlace,
        input.decisionNumber,
        at.toISOString(),
        JSON.stringify({ name: actor.name, certNo: actor.certNo }),
      )
  })
  return listSeizedItems(file.db).find((s) => s.id === id)!
}

/** Takes a seized thing off the list with a reason; the row stays on record. */
export function removeSeizedItem(
  file: CaseFile,
  id: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): void {
  removeListEntry(file, 'seized', id, reason, actor, clock)
}
