import { verifySignature, fingerprintOf } from '../signing/officer-key'

/**
 * A signed checkpoint of the custody chain: the officer's key signs "this case's chain had this
 * head". Recomputing the (unkeyed) hash chain after an edit changes every later hash, and no
 * checkpoint signed before can vouch for the new ones; only the key's holder could sign again.
 */
export interface CustodyCheckpoint {
  caseId: string
  seq: number
  hash: string
  fingerprint: string
  publicKeyPem: string
  /** Ed25519 over checkpointStatement(caseId, seq, hash), base64 */
  signature: string
}

/** The exact bytes signed: plain lines, so anyone can check a checkpoint with any Ed25519 tool. */
export function checkpointStatement(caseId: string, seq: number, hash: string): Buffer {
  return Buffer.from(
    `evidence-desk custody checkpoint v1\ncase ${caseId}\nseq ${seq}\nhash ${hash}\n`,
    'utf8',
  )
}

export interface CheckpointSigner {
  fingerprint: string
  publicKeyPem: string
  sign(data: Buffer): Buffer
}

export function signCheckpoint(
  signer: CheckpointSigner,
  caseId: string,
  head: { seq: number; hash: string },
): CustodyCheckpoint {
  return {
    caseId,
    seq: head.seq,
    hash: head.hash,
    fingerprint: signer.fingerprint,
    publicKeyPem: signer.publicKeyPem,
    signature: signer.sign(checkpointStatement(caseId, head.seq, head.hash)).toString('base64'),
  }
}

/** What is wrong with a checkpoint's own signature (null when it verifies with the key it names). */
export function checkpointSignatureProblem(cp: unknown): string | null {
  const c = cp as Partial<CustodyCheckpoint> | null
  if (
    !c ||
    typeof c.caseId !== 'string' ||
    typeof c.seq !== 'number' ||
    typeof c.hash !== 'string' ||
    typeof c.publicKeyPem !== 'string' ||
    typeof c.signature !== 'string' ||
    typeof c.fingerprint !== 'string'
  )
    return 'it is not a checkpoint record'
  let fingerprint: string
  try {
    fingerprint = fingerprintOf(c.publicKeyPem)
  } catch {
    return 'its public key is not an Ed25519 key'
  }
  if (fingerprint !== c.fingerprint.toLowerCase()) return "it names a fingerprint that is not its key's"
  const ok = verifySignature(
    checkpointStatement(c.caseId, c.seq, c.hash),
    Buffer.from(c.signature, 'base64'),
    c.publicKeyPem,
  )
  return ok ? null : 'its signature does not verify'
}
