import { existsSync } from 'node:fs'
import type { CheckResult, ObjectProblem, Officer } from '../../shared/types'
import { appendCustodyEvent, custodyHead, iterateCustodyEvents, verifyChain } from '../custody/custody-log'
import { EvidenceError } from '../errors'
import { sha256File } from '../util/hash-file'
import type { CaseFile, Clock } from './case-file'
import { objectPath } from './layout'
import { removeStalePartialExports } from '../package/export/partial-exports'
import { findOrphanObjects, removeOrphanObjects } from './orphans'

export interface CheckProgress {
  done: number
  total: number
  bytesDone: number
  /** the recorded size of every original */
  bytesTotal: number
}

/**
 * Re-hashes every stored original and re-walks the custody chain (against the head recorded by
 * the previous check, so a cut-off tail is caught too). A writable case records the result and
 * a custody event; a read-only one only reports.
 */
export async function checkCase(
  file: CaseFile,
  actor: Officer,
  clock: Clock,
  opts: {
    signal?: AbortSignal
    onProgress?: (p: CheckProgress) => void
    /** remove the objects no item records (see orphans.ts), on record; only while the chain holds */
    removeOrphans?: boolean
  } = {},
): Promise<CheckResult> {
  const rows = file.db.prepare('SELECT id, number, sha256, size FROM items ORDER BY ordinal').all() as Array<{
    id: string
    number: string
    sha256: string
    size: number
  }>
  const items = rows.map(({ id, number, sha256 }) => ({ id, number, sha256 }))
  const bytesTotal = rows.reduce((sum, r) => sum + r.size, 0)
  const bad: ObjectProblem[] = []
  let bytesDone = 0
  for (const [i, item] of items.entries()) {
    const path = objectPath(file.dir, item.sha256)
    const onBytes = (n: number): void => {
      bytesDone += n
      opts.onProgress?.({ done: i, total: items.length, bytesDone, bytesTotal })
    }
    if (!existsSync(path)) {
      bad.push({ ...item, problem: 'missing' })
    } else {
      try {
        const actual = await sha256File(path, { signal: opts.signal, onBytes })
        if (actual !== item.sha256) bad.push({ ...item, problem: 'hash-mismatch' })
      } catch (e) {
        if (opts.signal?.aborted)
          throw new EvidenceError('cancelled', 'The integrity check was cancelled; nothing was recorded.', {
            cause: e,
          })
        bad.push({ ...item, problem: 'unreadable' })
      }
    }
    opts.onProgress?.({ done: i + 1, total: items.length, bytesDone, bytesTotal })
  }
  const lastCheck = file.db
    .prepare('SELECT head_seq, head_hash FROM integrity_checks ORDER BY id DESC LIMIT 1')
    .get() as { head_seq: number; head_hash: string } | undefined
  const custody = verifyChain(
    iterateCustodyEvents(file.db),
    lastCheck ? { seq: lastCheck.head_seq, hash: lastCheck.head_hash } : undefined,
  )
  const checkedAt = clock()
  // a read-only check writes nothing, here or elsewhere
  const partialExportsRemoved = file.readOnly ? [] : removeStalePartialExports(file)
  const orphans = findOrphanObjects(file.dir, file.db)
  // Removing is a change to the case folder: on record, so never after a break in the chain.
  const orphansRemoved =
    opts.removeOrphans && !file.readOnly && custody.intact ? removeOrphanObjects(file.dir, orphans) : []
  const left = orphans.filter((o) => !orphansRemoved.includes(o))
  const result: CheckResult = {
    ok: bad.length === 0 && custody.intact,
    checkedAt: checkedAt.toISOString(),
    objects: { checked: items.length, bad },
    custody,
    ...(partialExportsRemoved.length > 0 ? { partialExportsRemoved } : {}),
    ...(left.length > 0 ? { orphans: left } : {}),
    ...(orphansRemoved.length > 0 ? { orphansRemoved } : {}),
  }
  if (!file.readOnly) {
    const problemCount = bad.length + (custody.intact ? 0 : 1)
    file.db.transaction(() => {
      // The event goes in only while the chain still holds: appending to a broken chain would
      // give the damage a valid-looking successor.
      if (custody.intact && orphansRemoved.length > 0)
        appendCustodyEvent(file.db, actor, checkedAt, {
          action: 'orphans-removed',
          details: {
            objects: orphansRemoved,
            bytes: orphansRemoved.reduce((s, o) => s + o.size, 0),
            why: 'copies that no evidence item records (an import that could not record them)',
          },
        })
      if (custody.intact) {
        appendCustodyEvent(file.db, actor, checkedAt, {
          action: 'integrity-checked',
          details: {
            ok: result.ok,
            objectsChecked: items.length,
            objectsBad: bad.map((b) => b.number),
            custodyEvents: custody.events,
          },
        })
      }
      const head = custodyHead(file.db)
      // Keep the last head that held, so a later check still sees the old tail that was cut.
      const anchor = custody.intact
        ? head
        : lastCheck
          ? { seq: lastCheck.head_seq, hash: lastCheck.head_hash }
          : head
      file.db
        .prepare(
          'INSERT INTO integrity_checks (checked_at, ok, problem_count, head_seq, head_hash, result_json) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          result.checkedAt,
          result.ok ? 1 : 0,
          problemCount,
          anchor.seq,
          anchor.hash,
          JSON.stringify(result),
        )
    })()
  }
  return result
}
