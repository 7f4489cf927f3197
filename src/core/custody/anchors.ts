import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { signCheckpoint, type CheckpointSigner, type CustodyCheckpoint } from './checkpoint'

/** One record of a case's chain head kept outside the case folder. */
export interface ChainAnchor {
  caseId: string
  seq: number
  hash: string
  /** when it was recorded (ISO) */
  at: string
  /** what recorded it: an integrity check, or an export (then `target` names the package) */
  source: 'check' | 'export'
  target?: string
  /** the head signed by the officer's key, when one was at hand */
  checkpoint?: CustodyCheckpoint
}

const MAX_ANCHOR_FILE_BYTES = 16 << 20

/**
 * The chain heads of each case, kept in the app data folder (`anchors/<case id>.jsonl`, 0600 in a
 * 0700 folder), outside the case folder. Whoever cuts the end off a case's custody log, drops its
 * integrity-check rows or recomputes the whole chain inside `case.sqlite` does not reach these;
 * `check` compares the chain with every one (issue 11, item 8). Lines are only ever appended.
 */
export class ChainAnchors {
  constructor(private readonly dataDir: string) {}

  private path(caseId: string): string {
    // the case id is a UUID we made; anything else cannot name a file here
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new Error(`not a case id: ${caseId}`)
    return join(this.dataDir, 'anchors', `${caseId}.jsonl`)
  }

  /** Appends one anchor and flushes it to disk. */
  record(anchor: ChainAnchor): void {
    const dir = join(this.dataDir, 'anchors')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const path = this.path(anchor.caseId)
    appendFileSync(path, JSON.stringify(anchor) + '\n', { mode: 0o600 })
    const fd = openSync(path, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }

  /** Every anchor of a case, oldest first; lines that are not anchors of this case are skipped. */
  list(caseId: string): ChainAnchor[] {
    const path = this.path(caseId)
    if (!existsSync(path)) return []
    const text = readFileSync(path, 'utf8')
    if (text.length > MAX_ANCHOR_FILE_BYTES) return []
    const out: ChainAnchor[] = []
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        const a = JSON.parse(line) as ChainAnchor
        if (a.caseId === caseId && Number.isInteger(a.seq) && typeof a.hash === 'string') out.push(a)
      } catch {
        // a torn last line (a crash while appending) carries nothing
      }
    }
    return out
  }
}

/** Keeps a chain head outside the case file (signed when a key is at hand); a failure to keep it does not undo the work. */
export function recordAnchor(
  anchors: ChainAnchors,
  caseId: string,
  head: { seq: number; hash: string },
  at: Date,
  source: 'check' | 'export',
  signer?: CheckpointSigner | null,
  target?: string,
): void {
  try {
    anchors.record({
      caseId,
      seq: head.seq,
      hash: head.hash,
      at: at.toISOString(),
      source,
      ...(target ? { target } : {}),
      ...(signer ? { checkpoint: signCheckpoint(signer, caseId, head) } : {}),
    })
  } catch {
    // the app data folder is not writable: the case's own record stands; this head is not kept outside it
  }
}
