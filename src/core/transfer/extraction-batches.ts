/**
 * 电子数据提取: originals grouped into import batches (one officer, one source folder), each with
 * the extraction facts the 提取笔录 records. Time defaults to the import time; the officer may
 * record the real scene time, the place, the medium and whether it was seized, the holder and
 * the witness. Each edit is a custody event.
 */
import { createHash } from 'node:crypto'
import { dirname } from 'node:path'
import type { BatchInput } from '../../shared/api'
import type { CaseInfo, EvidenceItem, Officer } from '../../shared/types'
import type { ExtractionBatch } from '../../shared/transfer-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { queryItems } from '../evidence/item-repository'
import { EvidenceError } from '../errors'
import { assertWritable } from '../violations/writable'

/** The folder a batch was read from; both / and \\ separators are understood (imports from Windows shares). */
function sourceFolder(item: EvidenceItem): string {
  return dirname(item.sourcePath.replaceAll('\\', '/'))
}

export function batchKey(item: EvidenceItem): string {
  return createHash('sha256')
    .update(`${item.importedBy.certNo}\n${sourceFolder(item)}`)
    .digest('hex')
    .slice(0, 16)
}

type StoredBatch = Omit<
  ExtractionBatch,
  'key' | 'sourceFolder' | 'importedBy' | 'items' | 'importedAt' | 'editedAt'
>

function storedBatches(db: ReadableDB): Map<string, { value: StoredBatch; editedAt: string }> {
  const rows = db
    .prepare(
      `SELECT batch_key, value_json, edited_at FROM extraction_batches
       WHERE id IN (SELECT max(id) FROM extraction_batches GROUP BY batch_key)`,
    )
    .all() as Array<{ batch_key: string; value_json: string; edited_at: string }>
  return new Map(
    rows.map((r) => [r.batch_key, { value: JSON.parse(r.value_json) as StoredBatch, editedAt: r.edited_at }]),
  )
}

/**
 * The batches of the given originals (derived items are made in this system, not extracted, and
 * are left out), oldest first, each with the officer's recorded facts or the defaults.
 */
export function listBatches(
  db: ReadableDB,
  info: CaseInfo,
  items: EvidenceItem[] = queryItems(db).items,
): ExtractionBatch[] {
  const stored = storedBatches(db)
  const groups = new Map<string, EvidenceItem[]>()
  for (const item of items.filter((i) => !i.derivedFrom)) {
    const key = batchKey(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  const batches = [...groups].map(([key, members]): ExtractionBatch => {
    const first = members.reduce((a, b) => (a.importedAt <= b.importedAt ? a : b))
    const other = info.officers.find((o) => o.certNo !== first.importedBy.certNo)
    const defaults: StoredBatch = {
      extractedAt: null,
      place: '',
      medium: '',
      mediumSeized: false,
      notSeizedReason: '',
      holder: '',
      witness: '',
      extractors: [first.importedBy.name, ...(other ? [other.name] : [])],
    }
    const s = stored.get(key)
    return {
      key,
      sourceFolder: sourceFolder(first),
      importedBy: first.importedBy,
      items: members.map((m) => m.number),
      importedAt: first.importedAt,
      ...defaults,
      ...(s?.value ?? {}),
      editedAt: s?.editedAt ?? null,
    }
  })
  return batches.sort((a, b) => a.importedAt.localeCompare(b.importedAt))
}

/**
 * Records the extraction facts of one batch (custody event 'extraction-batch-edited' with the
 * changes). Refuses an unknown batch, a scene time after the import (the files cannot have been
 * extracted after they were imported), two extractors who are the same person, and a medium
 * that was not seized without a reason — each with a field error.
 */
export function editBatch(file: CaseFile, input: BatchInput, actor: Officer, clock: Clock): ExtractionBatch {
  assertWritable(file)
  const info = file.info()
  const before = listBatches(file.db, info).find((b) => b.key === input.key)
  if (!before) throw new EvidenceError('not-found', `No import batch ${input.key} in this case.`)
  const fields = []
  if (input.extractedAt && Date.parse(input.extractedAt) > Date.parse(before.importedAt))
    fields.push({
      path: 'extractedAt',
      code: 'extraction-after-import',
      message: `The scene time is after the import (${before.importedAt}).`,
    })
  if (!input.mediumSeized && !input.notSeizedReason.trim())
    fields.push({
      path: 'notSeizedReason',
      code: 'not-seized-reason-required',
      message: 'Say why the original medium was not seized.',
    })
  const names = input.extractors.map((e) => e.trim()).filter(Boolean)
  if (names.length !== 2 || names[0] === names[1])
    fields.push({ path: 'extractors', code: 'two-extractors', message: 'Name two different 提取人.' })
  if (fields.length)
    throw new EvidenceError(
      'invalid-input',
      `The extraction record of batch ${before.sourceFolder} was not saved: ${fields.map((f) => f.message).join(' ')}`,
      {
        fields,
      },
    )
  const next: StoredBatch = {
    extractedAt: input.extractedAt ? new Date(input.extractedAt).toISOString() : null,
    place: input.place,
    medium: input.medium,
    mediumSeized: input.mediumSeized,
    notSeizedReason: input.mediumSeized ? '' : input.notSeizedReason,
    holder: input.holder,
    witness: input.witness,
    extractors: names,
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(next) as Array<keyof StoredBatch>)
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key]))
      changes[key] = { from: before[key], to: next[key] }
  if (Object.keys(changes).length === 0) return before
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'extraction-batch-edited',
      details: { batch: input.key, sourceFolder: before.sourceFolder, items: before.items, changes },
    },
    () => {
      file.db
        .prepare(
          'INSERT INTO extraction_batches (batch_key, value_json, edited_at, edited_by_json) VALUES (?, ?, ?, ?)',
        )
        .run(
          input.key,
          JSON.stringify(next),
          at.toISOString(),
          JSON.stringify({ name: actor.name, certNo: actor.certNo }),
        )
    },
  )
  return listBatches(file.db, file.info()).find((b) => b.key === input.key)!
}
