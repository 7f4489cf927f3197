import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import * as z from 'zod'
import type { PackageVerdict } from '../../../shared/package-types'
import { parseManifest } from '../bagit/manifest'
import { bagInfoValues } from '../bagit/tag-file'
import { fingerprintOf } from '../../signing/officer-key'
import { impersonated, type KnownSigner } from '../../signing/known-signers'
import type { Findings } from './findings'
import {
  MAX_SIGNATURE_BYTES,
  MAX_SIGNER_BYTES,
  MAX_TAG_MANIFEST_BYTES,
  SIGNATURE,
  SIGNED_MANIFEST,
  SIGNER,
  readTagFile,
} from './package-files'
import type { BagSource } from '../bagit/types'

export type SignatureVerdict = PackageVerdict['signature']

const signerSchema = z.looseObject({
  algorithm: z.literal('Ed25519'),
  name: z.string().min(1),
  certNo: z.string(),
  fingerprint: z.string(),
  publicKeyPem: z.string().min(1).max(4000),
})

/** A detached Ed25519 signature is 64 bytes, 88 characters of base64. */
const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{86}==$/

export interface SignatureInput {
  source: BagSource
  /** every regular file in the bag */
  present: Set<string>
  bagInfo: Array<[string, string]>
  /** the bag says it is a custody package (case.json, a signature, or custody fields in bag-info) */
  claimsPackage: boolean
  trustedFingerprints: Set<string>
  /** signers this machine knows by name and 执法证号 (trusted keys, its officers' keys) */
  knownSigners: KnownSigner[]
  findings: Findings
}

/**
 * Checks the detached signature over tagmanifest-sha256.txt with the public key the package
 * carries, that every fingerprint the package states is that key's, that the signed manifest
 * covers bag-info.txt and every payload manifest, and whether this machine trusts the key.
 * `valid` means the signature verifies with the carried key; whether that key is one the
 * reviewer confirmed is `trusted` (a valid signature by an unconfirmed key is a warning). A key
 * that claims the name or 执法证号 of a signer this machine knows by another key is a forgery:
 * 'signer-mismatch', a problem, never a warning.
 */
export async function checkSignature(input: SignatureInput): Promise<SignatureVerdict> {
  const { source, present, findings } = input
  const verdict: SignatureVerdict = {
    present: present.has(SIGNATURE) || present.has(SIGNER),
    valid: false,
    fingerprint: null,
    signer: null,
    trusted: false,
  }
  if (!verdict.present) {
    if (input.claimsPackage)
      findings.problem(
        'bad-signature',
        SIGNATURE,
        `The package is unsigned: it has data/case.json but no ${SIGNATURE}, so nothing proves who made it or that it is unchanged`,
      )
    return verdict
  }

  const claimed = await readSigner(input, verdict)
  const key = claimed?.key ?? null
  const signature = await readSignature(input)
  const manifest = await readTagFile(source, present, SIGNED_MANIFEST, MAX_TAG_MANIFEST_BYTES, findings)
  if (!manifest && !present.has(SIGNED_MANIFEST))
    findings.problem(
      'bad-signature',
      SIGNED_MANIFEST,
      `${SIGNED_MANIFEST}, which the signature covers, is missing`,
    )
  if (!key || !signature || !manifest) return verdict

  verdict.valid = verify(null, manifest, key, signature)
  if (!verdict.valid) {
    findings.problem(
      'bad-signature',
      SIGNED_MANIFEST,
      `The signature in ${SIGNATURE} does not match ${SIGNED_MANIFEST}: the manifests or bag-info.txt were changed after signing`,
    )
  }
  checkCoverage(manifest, input)
  checkBagInfoFingerprint(input, verdict.fingerprint as string)
  const fingerprint = verdict.fingerprint as string
  verdict.trusted =
    verdict.valid &&
    (input.trustedFingerprints.has(fingerprint) ||
      // an officer key kept here names who signs, but trust is what the user confirmed (CLI.md)
      input.knownSigners.some((k) => k.source === 'trusted-key' && k.fingerprint === fingerprint))
  const genuine =
    verdict.valid && !verdict.trusted && claimed
      ? impersonated({ name: claimed.name, certNo: claimed.certNo, fingerprint }, input.knownSigners)
      : null
  if (genuine) {
    findings.problem(
      'signer-mismatch',
      SIGNER,
      `The package is signed in the name of ${claimed?.name} (执法证号 ${claimed?.certNo || '—'}) by the key with fingerprint ${fingerprint}, but this machine knows ${genuine.name}${genuine.certNo ? ` (执法证号 ${genuine.certNo})` : ''} by the key with fingerprint ${genuine.fingerprint} (${genuine.source === 'officer-key' ? 'an officer key kept here' : 'a trusted key'}): the signature was not made with that officer's key`,
    )
  } else if (verdict.valid && !verdict.trusted) {
    findings.warn(
      'untrusted-key',
      SIGNER,
      `The signature is valid, but the key of ${verdict.signer ?? 'the signer'} (fingerprint ${verdict.fingerprint}) is not among this machine's trusted keys; confirm the fingerprint with the signer before relying on it`,
    )
  }
  return verdict
}

/** signer.json: the carried public key, with its stated fingerprint checked against the key. */
async function readSigner(
  input: SignatureInput,
  verdict: SignatureVerdict,
): Promise<{ key: KeyObject; name: string; certNo: string } | null> {
  const { findings } = input
  const buf = await readTagFile(input.source, input.present, SIGNER, MAX_SIGNER_BYTES, findings)
  if (!buf) {
    if (!input.present.has(SIGNER))
      findings.problem(
        'bad-signature',
        SIGNER,
        `${SIGNER} is missing, so there is no key to check the signature with`,
      )
    return null
  }
  let signer: z.infer<typeof signerSchema>
  try {
    signer = signerSchema.parse(JSON.parse(buf.toString('utf8')))
  } catch (err) {
    findings.problem(
      'bad-signature',
      SIGNER,
      `${SIGNER} is not an Ed25519 signer record: ${err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message}`,
    )
    return null
  }
  verdict.signer = signer.name
  // The fingerprint is computed from the key itself (fingerprintOf refuses anything but Ed25519),
  // never taken from what the package states.
  let key: KeyObject
  try {
    verdict.fingerprint = fingerprintOf(signer.publicKeyPem)
    key = createPublicKey(signer.publicKeyPem)
  } catch (err) {
    findings.problem(
      'bad-signature',
      SIGNER,
      `The public key in ${SIGNER} cannot be used: ${(err as Error).message}`,
    )
    return null
  }
  if (signer.fingerprint.toLowerCase() !== verdict.fingerprint) {
    findings.problem(
      'bad-signature',
      SIGNER,
      `${SIGNER} states fingerprint ${signer.fingerprint}, but its public key has fingerprint ${verdict.fingerprint}`,
    )
  }
  return { key, name: signer.name, certNo: signer.certNo }
}

async function readSignature(input: SignatureInput): Promise<Buffer | null> {
  const { findings } = input
  const buf = await readTagFile(input.source, input.present, SIGNATURE, MAX_SIGNATURE_BYTES, findings)
  if (!buf) {
    if (!input.present.has(SIGNATURE))
      findings.problem('bad-signature', SIGNATURE, `${SIGNATURE} is missing: the package is unsigned`)
    return null
  }
  const text = buf.toString('latin1').trim()
  if (!SIGNATURE_BASE64.test(text)) {
    findings.problem('bad-signature', SIGNATURE, `${SIGNATURE} is not a base64 Ed25519 signature (64 bytes)`)
    return null
  }
  return Buffer.from(text, 'base64')
}

/**
 * The signature protects only what tagmanifest-sha256.txt lists: bag-info.txt and both payload
 * manifests must be there. Other tag files it does not list are outside the signature (allowed by
 * RFC 8493, but worth a warning: nobody vouches for them).
 */
function checkCoverage(manifest: Buffer, input: SignatureInput): void {
  const { findings } = input
  const listed = new Set(
    parseManifest(manifest.toString('utf8'), SIGNED_MANIFEST, 'tag', 'sha256').entries.map((e) => e.path),
  )
  const required = [...input.present].filter(
    (p) => p === 'bag-info.txt' || /^manifest-[A-Za-z0-9]+\.txt$/.test(p),
  )
  if (!input.present.has('bag-info.txt') && input.claimsPackage)
    findings.problem(
      'bad-signature',
      'bag-info.txt',
      'bag-info.txt is missing, so the custody head and signer it records cannot be checked',
    )
  for (const p of required.sort()) {
    if (!listed.has(p))
      findings.problem(
        'bad-signature',
        p,
        `${p} is not listed in ${SIGNED_MANIFEST}, so the signature does not cover it`,
      )
  }
  for (const p of [...input.present].sort()) {
    if (
      p.startsWith('data/') ||
      listed.has(p) ||
      p.startsWith('signature/') ||
      /^tagmanifest-[A-Za-z0-9]+\.txt$/.test(p)
    )
      continue
    findings.warn(
      'extra-file',
      p,
      `Tag file ${p} is not covered by the signature; nobody vouches for its content`,
    )
  }
  for (const p of [...input.present].filter(
    (x) => x.startsWith('signature/') && x !== SIGNATURE && x !== SIGNER,
  ))
    findings.warn(
      'extra-file',
      p,
      `${p} is not part of the signature format and is not covered by the signature`,
    )
}

function checkBagInfoFingerprint(input: SignatureInput, fingerprint: string): void {
  const stated = bagInfoValues(input.bagInfo, 'Signer-Fingerprint')
  if (stated.length === 0) {
    if (input.claimsPackage)
      input.findings.problem('bad-signature', 'bag-info.txt', 'bag-info.txt has no Signer-Fingerprint')
    return
  }
  for (const s of stated) {
    if (s.trim().replace(/\s+/g, '').toLowerCase() !== fingerprint) {
      input.findings.problem(
        'bad-signature',
        'bag-info.txt',
        `bag-info.txt names signer fingerprint ${s.trim()}, but the package was signed by the key with fingerprint ${fingerprint}`,
      )
    }
  }
}
