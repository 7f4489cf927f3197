/**
 * Verification of a custody package (docs/custody-package.md): the BagIt check, then the
 * signature and whether its key is trusted, the custody chain, and case.json against the
 * manifests. Nothing is written; a ZIP is read in place. Used by `evidesk verify` and by the
 * app's "Open package for review".
 *
 * Verdict rules:
 * - `valid` is true only when the bag is valid and no package check found a problem.
 * - A valid signature by a key this machine has not confirmed leaves `valid` true, with
 *   `signature.trusted` false and an 'untrusted-key' entry in `warnings`; the command line exits
 *   1 for it unless --allow-untrusted, and reviewer mode makes the reviewer acknowledge it.
 * - A valid signature by an unknown key that claims the name or 执法证号 of a signer this machine
 *   knows by another key is 'signer-mismatch': a problem, `valid` false.
 * - A bag with data/case.json (or a signature, or custody fields in bag-info.txt) claims to be a
 *   custody package: a missing signature or custody log is then a problem. A plain BagIt bag
 *   verifies as before, with signature and custody "not present".
 * - A hostile bag (unsafe paths), a ZIP that two readers would read differently (zip-inconsistent)
 *   or a non-bag is refused before any package file is read.
 */
import type { CaseJson, PackageVerdict } from '../../../shared/package-types'
import type { CustodyEvent } from '../../../shared/types'
import { bagInfoValues } from '../bagit/tag-file'
import type { BagSource } from '../bagit/types'
import { verifyBag } from '../bagit/verify'
import { checkCaseJson } from './case-json-check'
import { checkCustody, type CustodyVerdict } from './custody-check'
import { Findings } from './findings'
import type { KnownSigner } from '../../signing/known-signers'
import { CASE_JSON, SIGNATURE, SIGNER, throwIfCancelled } from './package-files'
import { checkSignature, type SignatureVerdict } from './signature-check'

export interface VerifyPackageOptions {
  /** fingerprints (lower-case hex) of the keys this machine's user has confirmed */
  trustedFingerprints?: Set<string>
  /** signers known by name and 执法证号 (knownSigners()): trusted, and the basis of signer-mismatch */
  knownSigners?: KnownSigner[]
  signal?: AbortSignal
  onProgress?: (p: { bytesDone: number; bytesTotal: number; currentPath: string }) => void
}

export interface VerifyPackageResult {
  verdict: PackageVerdict
  caseJson: CaseJson | null
  custodyEvents: CustodyEvent[]
}

/** Throws only EvidenceError('cancelled'); everything wrong with the package is in the verdict. */
export async function verifyCustodyPackage(
  source: BagSource,
  opts: VerifyPackageOptions = {},
): Promise<VerifyPackageResult> {
  const bag = await verifyBag(source, { signal: opts.signal, onProgress: opts.onProgress })
  const findings = new Findings()
  let signature: SignatureVerdict = {
    present: false,
    valid: false,
    fingerprint: null,
    signer: null,
    trusted: false,
  }
  let custody: CustodyVerdict = { present: false, intact: false, events: 0 }
  let caseJson: CaseJson | null = null
  let custodyEvents: CustodyEvent[] = []

  const refused = bag.problems.some(
    (p) => p.code === 'unsafe-path' || p.code === 'not-a-bag' || p.code === 'zip-inconsistent',
  )
  if (!refused) {
    throwIfCancelled(opts.signal)
    const present = new Set((await source.scan()).files.map((f) => f.path))
    const claimsPackage =
      present.has(CASE_JSON) ||
      present.has(SIGNATURE) ||
      present.has(SIGNER) ||
      ['Custody-Log-Head', 'Signer-Fingerprint'].some((l) => bagInfoValues(bag.bagInfo, l).length > 0)
    const common = { source, present, bagInfo: bag.bagInfo, findings }
    const damaged = new Set(
      bag.problems
        .filter((p) => p.code === 'hash-mismatch' || p.code === 'io-error')
        .flatMap((p) => p.path ?? []),
    )
    if (present.has(CASE_JSON)) caseJson = await checkCaseJson({ ...common, digests: bag.digests, damaged })
    else if (claimsPackage)
      findings.problem(
        'case-manifest-mismatch',
        CASE_JSON,
        `${CASE_JSON} is missing, so the evidence cannot be matched to the case`,
      )
    throwIfCancelled(opts.signal)
    signature = await checkSignature({
      ...common,
      claimsPackage,
      trustedFingerprints: opts.trustedFingerprints ?? new Set(),
      knownSigners: opts.knownSigners ?? [],
    })
    throwIfCancelled(opts.signal)
    const walked = await checkCustody({ ...common, claimsPackage, digests: bag.digests, signal: opts.signal })
    custody = walked.verdict
    custodyEvents = walked.events
    if (caseJson) crossCheck(caseJson, signature, walked.complete ? custodyEvents : null, custody, findings)
  }

  const problems = [...bag.problems, ...findings.problems]
  return {
    verdict: {
      valid: bag.valid && findings.problems.length === 0,
      bagit: { complete: bag.complete, valid: bag.valid, version: bag.version, warnings: bag.warnings },
      signature,
      custody,
      problems,
      warnings: findings.warnings,
    },
    caseJson,
    custodyEvents,
  }
}

/** What case.json says about the signer and the custody head must match what was verified. */
function crossCheck(
  caseJson: CaseJson,
  signature: SignatureVerdict,
  /** null when the log could not be read to the end (a limit): there is nothing to compare */
  events: CustodyEvent[] | null,
  custody: CustodyVerdict,
  findings: Findings,
): void {
  if (signature.fingerprint && caseJson.signer.fingerprint.toLowerCase() !== signature.fingerprint) {
    findings.problem(
      'bad-signature',
      CASE_JSON,
      `${CASE_JSON} names signer fingerprint ${caseJson.signer.fingerprint}, but the package was signed by the key with fingerprint ${signature.fingerprint}`,
    )
  }
  if (!custody.present || !events) return
  const head = events.at(-1)?.hash ?? null
  if (caseJson.custody.headHash !== head || caseJson.custody.events !== events.length) {
    custody.intact = false
    findings.problem(
      'custody-broken',
      CASE_JSON,
      `${CASE_JSON} records ${caseJson.custody.events} custody events ending in ${caseJson.custody.headHash}, but the log holds ${events.length} ending in ${head ?? '(none)'}`,
    )
  }
}
