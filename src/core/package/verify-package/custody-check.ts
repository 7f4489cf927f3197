import { createHash } from 'node:crypto'
import * as z from 'zod'
import type { PackageVerdict } from '../../../shared/package-types'
import type { CustodyEvent } from '../../../shared/types'
import { verifyChain } from '../../custody/custody-log'
import { MAX_JSON_DEPTH, jsonDepth } from '../../util/json-limits'
import { EvidenceError } from '../../errors'
import { bagInfoValues } from '../bagit/tag-file'
import type { BagSource } from '../bagit/types'
import type { Findings } from './findings'
import { CUSTODY_LOG, checkSameBytes, throwIfCancelled } from './package-files'

export type CustodyVerdict = PackageVerdict['custody']

/** A custody log is read into memory for the reviewer; beyond these it is an attack, not a log. */
export const MAX_CUSTODY_LOG_BYTES = 1 << 30
/** The longest event we write is a few KiB (a case created with every field filled in). */
export const MAX_LINE_BYTES = 1 << 20
export const MAX_EVENTS = 1_000_000
const HASH = /^[0-9a-f]{64}$/

// Strict: the chain hash covers exactly these fields, so any other field would be an unsigned claim.
const eventSchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.strictObject({ name: z.string(), certNo: z.string() }),
  action: z.string().min(1),
  itemId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(HASH),
  hash: z.string().regex(HASH),
})

export interface CustodyInput {
  source: BagSource
  present: Set<string>
  bagInfo: Array<[string, string]>
  claimsPackage: boolean
  digests: Map<string, { sha256?: string }>
  findings: Findings
  signal?: AbortSignal
}

/**
 * Re-walks data/custody-log.jsonl with the app's own chain rule (verifyChain, custodyHash) and
 * checks that its head is the one bag-info.txt records (Custody-Log-Head, Custody-Log-Events,
 * both under the signature) and that the export is the last event. A dropped, edited or
 * re-ordered event breaks the chain or the head.
 */
export async function checkCustody(
  input: CustodyInput,
): Promise<{ verdict: CustodyVerdict; events: CustodyEvent[]; complete: boolean }> {
  const { findings } = input
  const headStated = bagInfoValues(input.bagInfo, 'Custody-Log-Head')
  const verdict: CustodyVerdict = { present: false, intact: false, events: 0 }
  if (!input.present.has(CUSTODY_LOG)) {
    if (input.claimsPackage || headStated.length > 0)
      findings.problem(
        'custody-broken',
        CUSTODY_LOG,
        `${CUSTODY_LOG} is missing, so the custody of the evidence cannot be followed`,
      )
    return { verdict, events: [], complete: false }
  }
  verdict.present = true
  const before = findings.problems.length
  const { events, parsed, complete } = await readEvents(input)
  verdict.events = events.length
  // Past a limit nothing more is judged: the events read so far are not handed on as the log.
  if (!complete) return { verdict, events: [], complete }
  if (parsed) {
    const chain = verifyChain(events)
    if (!chain.intact)
      findings.problem(
        'custody-broken',
        CUSTODY_LOG,
        `The custody chain is broken at event ${chain.firstBadSeq}: ${chain.problem}`,
      )
  }
  const last = events.at(-1)
  if (!last) {
    findings.problem('custody-broken', CUSTODY_LOG, `${CUSTODY_LOG} holds no events`)
  } else if (last.action !== 'exported') {
    findings.problem(
      'custody-broken',
      CUSTODY_LOG,
      `The last custody event (${last.seq}, "${last.action}") is not the export; events after it were cut off or the log was replaced`,
    )
  }
  checkStatedHead(input, headStated, last, events.length)
  verdict.intact = findings.problems.length === before
  return { verdict, events, complete }
}

/** A limit was passed: reading stops, and the problem is already recorded. */
class LimitExceeded extends Error {}

/**
 * Streams the log line by line (hashing the same bytes), so a long log is read once and in
 * linear time. A line longer than MAX_LINE_BYTES, nested deeper than MAX_JSON_DEPTH, more than
 * MAX_EVENTS events or more than MAX_CUSTODY_LOG_BYTES in all stop the reading with a
 * limit-exceeded problem (`complete` false): a hostile log costs seconds, never the process.
 */
async function readEvents(
  input: CustodyInput,
): Promise<{ events: CustodyEvent[]; parsed: boolean; complete: boolean }> {
  const { findings } = input
  const events: CustodyEvent[] = []
  const hash = createHash('sha256')
  let parts: Buffer[] = []
  let partBytes = 0
  let lineNo = 0
  let bytes = 0
  let failed = false
  const limit = (message: string): never => {
    findings.problem('limit-exceeded', CUSTODY_LOG, message)
    throw new LimitExceeded(message)
  }
  const take = (raw: Buffer): void => {
    lineNo++
    if (failed) return
    if (jsonDepth(raw) > MAX_JSON_DEPTH)
      limit(
        `Line ${lineNo} of ${CUSTODY_LOG} nests deeper than ${MAX_JSON_DEPTH} levels; no custody event does`,
      )
    if (events.length >= MAX_EVENTS)
      limit(`${CUSTODY_LOG} holds more than ${MAX_EVENTS} events, more than this verifier reads`)
    let line = raw.toString('utf8')
    if (line.endsWith('\r')) line = line.slice(0, -1)
    try {
      events.push(eventSchema.parse(JSON.parse(line)))
    } catch (err) {
      failed = true
      const why = err instanceof z.ZodError ? z.prettifyError(err).split('\n')[0] : (err as Error).message
      findings.problem(
        'custody-broken',
        CUSTODY_LOG,
        `Line ${lineNo} of ${CUSTODY_LOG} is not a custody event: ${why}`,
      )
    }
  }
  const tooLong = (): never =>
    limit(`Line ${lineNo + 1} of ${CUSTODY_LOG} is longer than ${MAX_LINE_BYTES} bytes; no custody event is`)
  try {
    await input.source.readChunks(CUSTODY_LOG, async (chunk) => {
      throwIfCancelled(input.signal)
      bytes += chunk.length
      if (bytes > MAX_CUSTODY_LOG_BYTES)
        limit(`${CUSTODY_LOG} is larger than ${MAX_CUSTODY_LOG_BYTES} bytes, more than this verifier reads`)
      hash.update(chunk)
      let start = 0
      for (;;) {
        const nl = chunk.indexOf(0x0a, start)
        const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl)
        if (partBytes + piece.length > MAX_LINE_BYTES) tooLong()
        if (nl < 0) {
          // the chunk's buffer may be reused by the reader: keep a copy of the unfinished line
          if (piece.length > 0) parts.push(Buffer.from(piece))
          partBytes += piece.length
          return
        }
        take(parts.length > 0 ? Buffer.concat([...parts, piece]) : piece)
        parts = []
        partBytes = 0
        start = nl + 1
      }
    })
  } catch (err) {
    if (err instanceof EvidenceError && err.code === 'cancelled') throw err
    if (err instanceof LimitExceeded) return { events, parsed: false, complete: false }
    findings.problem('custody-broken', CUSTODY_LOG, `Cannot read ${CUSTODY_LOG}: ${(err as Error).message}`)
    return { events, parsed: false, complete: false }
  }
  // A final newline is expected; a last line without one is still an event.
  try {
    if (partBytes > 0) take(Buffer.concat(parts))
  } catch (err) {
    if (err instanceof LimitExceeded) return { events, parsed: false, complete: false }
    throw err
  }
  checkSameBytes(CUSTODY_LOG, hash.digest('hex'), input.digests, findings)
  return { events, parsed: !failed, complete: true }
}

function checkStatedHead(
  input: CustodyInput,
  heads: string[],
  last: CustodyEvent | undefined,
  count: number,
): void {
  const { findings } = input
  const counts = bagInfoValues(input.bagInfo, 'Custody-Log-Events')
  if (heads.length === 0) {
    if (input.claimsPackage)
      findings.problem(
        'custody-broken',
        'bag-info.txt',
        'bag-info.txt has no Custody-Log-Head, so a cut-off log could not be noticed',
      )
  } else if (heads.some((h) => h.trim().toLowerCase() !== last?.hash)) {
    findings.problem(
      'custody-broken',
      'bag-info.txt',
      `bag-info.txt records custody head ${heads[0].trim()}, but the last event in ${CUSTODY_LOG} has hash ${last?.hash ?? '(none)'}`,
    )
  }
  if (counts.some((c) => Number(c.trim()) !== count)) {
    findings.problem(
      'custody-broken',
      'bag-info.txt',
      `bag-info.txt records ${counts[0].trim()} custody events, but ${CUSTODY_LOG} holds ${count}`,
    )
  }
}
