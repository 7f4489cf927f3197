import { createHash } from 'node:crypto'
import { cachedStatement } from '../db/statement-cache'
import type { ReadableDB, WritableDB } from '../db/database'
import { isCustodyAction, type CustodyAction } from '../../shared/custody-labels'
import type { ChainVerdict, CustodyEvent, Officer } from '../../shared/types'
import { EvidenceError } from '../errors'
import { canonicalJson } from './canonical-json'
import { checkpointSignatureProblem, type CustodyCheckpoint } from './checkpoint'
import { impersonated, type KnownSigner } from '../signing/known-signers'

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64)

export interface NewCustodyEvent {
  /** only actions this version knows and can put into words (shared/custody-labels.ts) */
  action: CustodyAction
  itemId?: string | null
  details?: Record<string, unknown>
}

interface EventRow {
  seq: number
  at: string
  actor_name: string
  actor_cert_no: string
  action: string
  item_id: string | null
  details_json: string
  prev_hash: string
  hash: string
}

/** hash = sha256(prev_hash ‖ canonical JSON of {seq, at, actor, action, itemId, details}), hex. */
export function custodyHash(prevHash: string, e: Omit<CustodyEvent, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    itemId: e.itemId,
    details: e.details,
  })
  return createHash('sha256').update(prevHash).update(body).digest('hex')
}

function rowToEvent(r: EventRow): CustodyEvent {
  return {
    seq: r.seq,
    at: r.at,
    actor: { name: r.actor_name, certNo: r.actor_cert_no },
    action: r.action,
    itemId: r.item_id,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/** Prepared once per connection: preparing per call costs more than the hash. */
function appendStatements(db: WritableDB) {
  return {
    head: cachedStatement(db, 'SELECT seq, hash FROM custody_events ORDER BY seq DESC LIMIT 1'),
    insert: cachedStatement(
      db,
      `INSERT INTO custody_events (seq, at, actor_name, actor_cert_no, action, item_id, details_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }
}

/**
 * Appends one event at the head of the chain. Call it inside the same transaction as the change
 * it records, so the record and the change land together or not at all. An action outside
 * CUSTODY_ACTIONS is refused before anything is written: the log only grows, so a wrong entry
 * could never be taken back.
 */
export function appendCustodyEvent(
  db: WritableDB,
  actor: Officer,
  at: Date,
  e: NewCustodyEvent,
): CustodyEvent {
  // the type already says so; this holds for callers that reach core without the compiler (JS, casts)
  if (!isCustodyAction(e.action))
    throw new EvidenceError('internal', `"${String(e.action)}" is not a custody action this version records.`)
  const { head: headStmt, insert } = appendStatements(db)
  const head = headStmt.get() as { seq: number; hash: string } | undefined
  const event: Omit<CustodyEvent, 'prevHash' | 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: { name: actor.name, certNo: actor.certNo },
    action: e.action,
    itemId: e.itemId ?? null,
    details: e.details ?? {},
  }
  const prevHash = head?.hash ?? GENESIS_HASH
  const hash = custodyHash(prevHash, event)
  insert.run(
    event.seq,
    event.at,
    actor.name,
    actor.certNo,
    event.action,
    event.itemId,
    canonicalJson(event.details),
    prevHash,
    hash,
  )
  return { ...event, prevHash, hash }
}

export function countCustodyEvents(db: ReadableDB): number {
  return (db.prepare('SELECT count(*) AS n FROM custody_events').get() as { n: number }).n
}

export function custodyHead(db: ReadableDB): { seq: number; hash: string } {
  const head = db.prepare('SELECT seq, hash FROM custody_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined
  return head ?? { seq: 0, hash: GENESIS_HASH }
}

/** One event as a line of a package's custody-log.jsonl (no newline): the fields in this order. */
export function custodyJsonLine(e: CustodyEvent): string {
  return JSON.stringify({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    itemId: e.itemId,
    details: e.details,
    prevHash: e.prevHash,
    hash: e.hash,
  })
}

/** Events in seq order, a page at a time. */
export function listCustodyEvents(db: ReadableDB, offset = 0, limit = 200, itemId?: string): CustodyEvent[] {
  const rows = itemId
    ? db
        .prepare('SELECT * FROM custody_events WHERE item_id = ? ORDER BY seq LIMIT ? OFFSET ?')
        .all(itemId, limit, offset)
    : db.prepare('SELECT * FROM custody_events ORDER BY seq LIMIT ? OFFSET ?').all(limit, offset)
  return (rows as EventRow[]).map(rowToEvent)
}

/** Every event in seq order, streamed (for export and verification of long logs). */
export function* iterateCustodyEvents(db: ReadableDB): Generator<CustodyEvent> {
  for (const row of db.prepare('SELECT * FROM custody_events ORDER BY seq').iterate())
    yield rowToEvent(row as EventRow)
}

/**
 * An event that carries a signed checkpoint (an export, an integrity check) vouches for the head
 * before it with the officer's key. Recomputing the unkeyed chain after an edit changes that head
 * and no one but the key's holder can sign the new one (issue 11, item 8).
 */
function checkpointInEvent(e: CustodyEvent, known: KnownSigner[]): string | null {
  const cp = (e.details as { checkpoint?: unknown }).checkpoint
  if (cp === undefined) return null
  const why = checkpointSignatureProblem(cp)
  if (why) return `event ${e.seq} carries a signed checkpoint, but ${why}`
  const c = cp as CustodyCheckpoint
  if (c.seq !== e.seq - 1 || c.hash !== e.prevHash)
    return `the signed checkpoint in event ${e.seq} vouches for event ${c.seq} with hash ${c.hash.slice(0, 16)}…, but the chain now reads otherwise there: it was rewritten and its hashes recomputed`
  // Whoever recomputes the chain may sign it again with a key of their own made in the officer's
  // name: where this machine knows that officer's key, a checkpoint by another key is a forgery.
  const claimed = impersonated({ ...e.actor, fingerprint: c.fingerprint.toLowerCase() }, known)
  if (claimed)
    return `the checkpoint in event ${e.seq} is signed in the name of ${e.actor.name} (${e.actor.certNo}) by a key that is not the one this machine knows for them (${claimed.fingerprint.slice(0, 16)}…): it was signed again by someone else`
  return null
}

/**
 * Re-walks the chain from the genesis hash and reports the first event whose numbering, link
 * or hash does not hold. It reads rows directly, so it catches edits and deletions made behind
 * the app's back (even with the triggers dropped). `knownHead`, the head recorded by an earlier
 * check or export, also catches events cut off the end of the log.
 */
export function verifyChain(
  events: Iterable<CustodyEvent>,
  knownHead?: { seq: number; hash: string },
  /** the signers this machine knows: a checkpoint in their name by another key is a forgery */
  knownSigners: KnownSigner[] = [],
): ChainVerdict {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let count = 0
  const bad = (seq: number, problem: string): ChainVerdict => ({
    events: count,
    intact: false,
    firstBadSeq: seq,
    problem,
  })
  for (const e of events) {
    count++
    if (e.seq !== expectedSeq)
      return bad(expectedSeq, `event ${expectedSeq} is missing (next stored event is ${e.seq})`)
    if (e.prevHash !== prevHash) return bad(e.seq, `event ${e.seq} does not link to the event before it`)
    if (custodyHash(prevHash, e) !== e.hash)
      return bad(e.seq, `event ${e.seq} was altered after it was recorded`)
    const checkpointProblem = checkpointInEvent(e, knownSigners)
    if (checkpointProblem) return bad(e.seq, checkpointProblem)
    if (knownHead && e.seq === knownHead.seq && e.hash !== knownHead.hash) {
      return bad(e.seq, `event ${e.seq} differs from the one recorded at the last check`)
    }
    prevHash = e.hash
    expectedSeq++
  }
  if (knownHead && knownHead.seq >= expectedSeq) {
    return bad(
      expectedSeq,
      `events from ${expectedSeq} to ${knownHead.seq} were removed since the last check`,
    )
  }
  return { events: count, intact: true, firstBadSeq: null, problem: null }
}
