/** DTOs for signing keys, export, package verification and reviewer mode. */
import type { ClockOffset } from './clock-offset'
import type { Annotation, EvidenceItem, Officer, Subject } from './types'
import type { LegalBasisEntry, TransferDocumentKind, Violation } from './violation-types'

/** The officer's Ed25519 signing key, public half only. */
export interface OfficerKeyInfo {
  /** SHA-256 of the raw 32-byte public key, lower-case hex (64 characters) */
  fingerprint: string
  /** SubjectPublicKeyInfo, PEM */
  publicKeyPem: string
  name: string
  certNo: string
  createdAt: string
  /** how the private key is kept: Electron safeStorage, or a file only its owner can read */
  protection: 'safe-storage' | 'file-0600'
}

/** A public key a reviewer has confirmed out of band. */
export interface TrustedKey {
  fingerprint: string
  publicKeyPem: string
  name: string
  /** the signer's 执法证号, when the reviewer recorded it: a package naming it with another key is a forgery */
  certNo?: string
  addedAt: string
}

/** A problem found in a package; codes as in CLI.md (missing-file, bad-signature, custody-broken, …). */
export interface PackageProblem {
  code: string
  /** bag-relative path of the file it is about */
  path?: string
  message: string
  /** hash-mismatch: the value the manifest lists and the one the file's bytes give now (null: none computed) */
  hashes?: { algorithm: string; expected: string; actual: string | null }
}

/**
 * Reviewer mode: what the verification found about one evidence item. 'altered' and 'missing'
 * come from a problem naming the item's file; 'verified' only when no problem names it and the
 * package's signature holds (a hash that matches an unsigned manifest proves nothing); 'unchecked'
 * otherwise.
 */
export interface ItemCheck {
  state: 'verified' | 'altered' | 'missing' | 'unchecked'
  /** bag-relative path of the item's original */
  path: string
  /** the item's recorded sha256 (case.json) */
  expected: string
  /** the sha256 the file's bytes give now, when it was computed and differs */
  actual: string | null
  problems: PackageProblem[]
}

/** What `evidesk verify --json` prints, and what reviewer mode shows first. */
export interface PackageVerdict {
  valid: boolean
  bagit: { complete: boolean; valid: boolean; version: string | null; warnings: PackageProblem[] }
  signature: {
    present: boolean
    valid: boolean
    fingerprint: string | null
    signer: string | null
    /** the key is among this machine's trusted keys */
    trusted: boolean
  }
  custody: { present: boolean; intact: boolean; events: number }
  problems: PackageProblem[]
  /** package-level findings that leave `valid` true, shown amber: 'untrusted-key' (signature valid, key not confirmed on this machine), 'extra-file' (a tag file the signature does not cover) */
  warnings?: PackageProblem[]
}

/** The result of an export, as `evidesk export --json` prints it. */
export interface ExportResult {
  path: string
  /** SHA-256 of the ZIP, when one is written */
  sha256: string | null
  files: number
  bytes: number
  signer: { name: string; fingerprint: string }
}

/** Why a case cannot be exported yet; the export is refused until none remain. */
export interface ExportBlocker {
  code: 'violation-without-evidence' | 'violation-without-basis' | 'object-bad' | 'no-evidence'
  message: string
  violationId?: string
  itemId?: string
  /** the violation's or item's number and title (file name), so the UI says it in its own words */
  subject?: { number: string; title: string }
}

/** A reviewer's note on an opened package, kept in a review file beside, never inside, the package. */
export interface ReviewNote {
  id: string
  /** what it is about: the whole package, an evidence item, or a violation */
  target: { itemId?: string; violationId?: string }
  text: string
  author: Officer
  createdAt: string
}

/** The case as `data/case.json` carries it: everything a reviewer needs besides the files themselves. */
export interface PackageCase {
  id: string
  number: string
  title: string
  cause: string
  subject: Subject
  unit: string
  timezone: string
  officers: Officer[]
  createdAt: string
  createdBy: Officer
}

/** An evidence item in the package: its record in the case, and where its bytes are in the bag. */
export type PackageEvidence = EvidenceItem & {
  /** bag-relative path of the byte-exact original, e.g. "data/evidence/E001_DSJ-A8-00123.MP4" */
  path: string
}

/** A transfer document in the package, HTML always and PDF where a printer was available. */
export interface PackageDocument {
  kind: TransferDocumentKind
  title: string
  /** bag-relative paths */
  html: string
  pdf: string | null
}

/** `data/case.json`, format version 1. */
export interface CaseJson {
  format: 'evidence-desk-case'
  formatVersion: 1
  /** "Evidence Desk <version>" */
  generator: string
  exportedAt: string
  exportedBy: Officer
  case: PackageCase
  /** the legal-basis entries the case holds, as the case holds them */
  legalBasis: LegalBasisEntry[]
  /** the violations exported (all active ones, or those chosen), with their links */
  violations: Violation[]
  evidence: PackageEvidence[]
  /** every citation and measurement on the exported items, withdrawn ones included */
  annotations: Annotation[]
  /**
   * the device clock offsets in force (absent in packages from versions without them); each
   * evidence item whose device has one also carries it with its corrected time as `clock`
   */
  clockOffsets?: ClockOffset[]
  /** the custody log file and its last event (the export itself) */
  custody: { path: string; events: number; headHash: string }
  documents: PackageDocument[]
  signer: { name: string; certNo: string; fingerprint: string }
}
