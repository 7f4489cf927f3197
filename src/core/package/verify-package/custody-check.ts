import { createHash } from 'node:crypto'
import { StringDecoder } from 'node:string_decoder'
import { z } from 'zod'
import type { PackageVerdict } from '../../../shared/package-types'
import type { CustodyEvent } from '../../../shared/types'
import { verifyChain } from '../../custody/custody-log'
import { EvidenceError } from '../../errors'
import { bagInfoValues } from '../bagit/tag-file'
import type { BagSource } from '../bagit/types'
import type { Findings } from './findings'
import { CUSTODY_LOG, checkSameBytes, throwIfCancelled } from './package-files'

export type CustodyVerdict = PackageVerdict['custody']

/** A custody log is read into memory for the reviewer; beyond this it is an attack, not a log. */
const MAX_CUSTODY_LOG_BYTES = 1 << 30
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
): Promise<{ verdict: CustodyVerdict; events: CustodyEvent[] }> {
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
    return { verdict, events: [] }
  }
  verdict.present = true
  const before = findings.problems.length
  const { events, parsed } = await readEvents(input)
  verdict.events = events.length
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
  return { verdict, events }
}

/** Streams the log line by line (hashing the same bytes), so a long log is read once. */
async function readEvents(input: CustodyInput): Promise<{ events: CustodyEvent[]; parsed: boolean }> {
  const { findings } = input
  const events: CustodyEvent[] = []
  const hash = createHash('sha256')
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let lineNo = 0
  let bytes = 0
  let failed = false
  const take = (line: string): void => {
    lineNo++
    if (failed) return
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
  try {
    await input.source.readChunks(CUSTODY_LOG, async (chunk) => {
      throwIfCancelled(input.signal)
      bytes += chunk.length
      if (bytes > MAX_CUSTODY_LOG_BYTES) throw new Error(`it is larger than ${MAX_CUSTODY_LOG_BYTES} bytes`)
      hash.update(chunk)
      const lines = (pending + decoder.write(chunk)).split('\n')
      pending = lines.pop() as string
      for (const line of lines) take(line)
    })
  } catch (err) {
    if (err instanceof EvidenceError && err.code === 'cancelled') throw err
    findings.problem('custody-broken', CUSTODY_LOG, `Cannot read ${CUSTODY_LOG}: ${(err as Error).message}`)
    return { events, parsed: false }
  }
  pending += decoder.end()
  // A final newline is expected; a last line without one is still an event.
  if (pending !== '') take(pending)
  checkSameBytes(CUSTODY_LOG, hash.digest('hex'), input.digests, findings)
  return { events, parsed: !failed }
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
