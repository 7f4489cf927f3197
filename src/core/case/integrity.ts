import { existsSync } from 'node:fs'
import type { CheckResult, ObjectProblem, Officer } from '../../shared/types'
import { appendCustodyEvent, custodyHead, iterateCustodyEvents, verifyChain } from '../custody/custody-log'
import { EvidenceError } from '../errors'
import { sha256File } from '../util/hash-file'
import type { CaseFile, Clock } from './case-file'
import { objectPath } from './layout'
import { removeStalePartialExports } from '../package/export/partial-exports'
import { findOrphanObjects, removeOrphanObjects } from './orphans'
import { recordAnchor, type ChainAnchor, type ChainAnchors } from '../custody/anchors'
import { checkpointSignatureProblem, signCheckpoint, type CheckpointSigner } from '../custody/checkpoint'
import type { KnownSigner } from '../signing/known-signers'

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
    /** the chain heads kept in the app data folder: compared, and this check's head added */
    anchors?: ChainAnchors
    /** the checking officer's key, when one exists: the new head is signed as a checkpoint */
    signer?: CheckpointSigner | null
    /** the signers this machine knows (knownSigners()): a checkpoint in their name by another key fails */
    knownSigners?: KnownSigner[]
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
  const caseId = file.info().id
  let custody = verifyChain(
    iterateCustodyEvents(file.db),
    lastCheck ? { seq: lastCheck.head_seq, hash: lastCheck.head_hash } : undefined,
    opts.knownSigners,
  )
  // The heads recorded outside the case file: whoever cut or recomputed the chain inside
  // case.sqlite did not reach them. The first one that disagrees is named.
  if (custody.intact && opts.anchors) {
    for (const anchor of opts.anchors.list(caseId)) {
      const problem = anchorProblem(file, anchor)
      if (problem) {
        custody = { ...custody, intact: false, firstBadSeq: problem.seq, problem: problem.text }
        break
      }
    }
  }
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
            // the officer vouches, with the key, for the chain as this check found it
            ...(opts.signer ? { checkpoint: signCheckpoint(opts.signer, caseId, custodyHead(file.db)) } : {}),
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
    if (custody.intact && opts.anchors)
      recordAnchor(opts.anchors, caseId, custodyHead(file.db), checkedAt, 'check', opts.signer)
  }
  return result
}

/** Where the chain disagrees with a head recorded outside it, in words naming that record. */
function anchorProblem(file: CaseFile, a: ChainAnchor): { seq: number; text: string } | null {
  const where = `the app data folder of this machine (${a.source === 'export' ? `export${a.target ? ` of ${a.target}` : ''}` : 'integrity check'} at ${a.at})`
  if (a.checkpoint) {
    const why = checkpointSignatureProblem(a.checkpoint)
    if (why || a.checkpoint.seq !== a.seq || a.checkpoint.hash !== a.hash)
      return {
        seq: a.seq,
        text: `the head recorded in ${where} is signed, but ${why ?? 'its signature is for another head'}`,
      }
  }
  const row = file.db.prepare('SELECT hash FROM custody_events WHERE seq = ?').get(a.seq) as
    { hash: string } | undefined
  if (!row) {
    const last = custodyHead(file.db).seq
    return {
      seq: last + 1,
      text: `events from ${last + 1} to ${a.seq} were removed: ${where} recorded event ${a.seq} as the head`,
    }
  }
  if (row.hash !== a.hash)
    return {
      seq: a.seq,
      text: `event ${a.seq} differs from the one recorded in ${where}: the chain was rewritten and its hashes recomputed`,
    }
  return null
}
