import { createHash } from 'node:crypto'
import { EvidenceError } from '../../errors'
import type { BagSource } from '../bagit/types'
import type { Findings } from './findings'

/** Where docs/custody-package.md puts the parts of a custody package. */
export const CASE_JSON = 'data/case.json'
export const CUSTODY_LOG = 'data/custody-log.jsonl'
export const SIGNATURE = 'signature/tagmanifest-sha256.txt.sig'
export const SIGNER = 'signature/signer.json'
export const SIGNED_MANIFEST = 'tagmanifest-sha256.txt'
export const EVIDENCE_DIR = 'data/evidence/'

/** Caps on what is read into memory, so a hostile package cannot exhaust it. */
export const MAX_CASE_JSON_BYTES = 256 << 20
export const MAX_SIGNATURE_BYTES = 4 << 10
export const MAX_SIGNER_BYTES = 64 << 10
export const MAX_TAG_MANIFEST_BYTES = 256 << 20

/**
 * Reads a small payload file (case.json) for parsing. The bytes parsed must be the bytes the
 * BagIt check hashed: the file is compared with the sha256 computed then, so a folder changed
 * between the two reads is reported instead of trusted.
 */
export async function readVerifiedPayload(
  source: BagSource,
  path: string,
  maxBytes: number,
  digests: Map<string, { sha256?: string }>,
  findings: Findings,
  code: 'case-manifest-mismatch' | 'custody-broken',
): Promise<Buffer | null> {
  let buf: Buffer
  try {
    buf = await source.readFile(path, maxBytes)
  } catch (err) {
    findings.problem(code, path, `Cannot read ${path}: ${(err as Error).message}`)
    return null
  }
  checkSameBytes(path, createHash('sha256').update(buf).digest('hex'), digests, findings)
  return buf
}

/** Reports a file whose bytes changed between the BagIt hashing and the package checks. */
export function checkSameBytes(
  path: string,
  sha256: string,
  digests: Map<string, { sha256?: string }>,
  findings: Findings,
): void {
  const hashed = digests.get(path)?.sha256
  if (hashed !== undefined && hashed !== sha256) {
    findings.problem(
      'hash-mismatch',
      path,
      `${path} changed while the package was being verified (sha256 ${hashed} then ${sha256} now)`,
    )
  }
}

/** Reads a tag file (not in data/), or null with nothing reported when it is absent. */
export async function readTagFile(
  source: BagSource,
  present: Set<string>,
  path: string,
  maxBytes: number,
  findings: Findings,
): Promise<Buffer | null> {
  if (!present.has(path)) return null
  try {
    return await source.readFile(path, maxBytes)
  } catch (err) {
    findings.problem('bad-signature', path, `Cannot read ${path}: ${(err as Error).message}`)
    return null
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new EvidenceError('cancelled', 'Verification was cancelled; the package was not changed.')
}
