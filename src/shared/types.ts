/** DTOs that cross the API boundary. Instants are UTC ISO 8601 strings unless a field says otherwise. */

export interface Officer {
  name: string
  certNo: string
}

export interface Profile extends Officer {
  unit: string
}

export interface Subject {
  name: string
  creditCode: string
  address: string
  legalRep: string
}

export const EVIDENCE_KINDS = ['video', 'image', 'thermal', 'transcript', 'monitoring', 'document', 'other'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export interface IntegrityStatus {
  checkedAt: string
  ok: boolean
  /** how many objects or custody events failed */
  problemCount: number
}

export interface CaseInfo {
  id: string
  dir: string
  number: string
  title: string
  cause: string
  subject: Subject
  unit: string
  timezone: string
  officers: Officer[]
  createdAt: string
  createdBy: Officer
  evidenceCount: number
  evidenceByKind: Record<EvidenceKind, number>
  custodyEventCount: number
  /** null until the first integrity check */
  integrity: IntegrityStatus | null
}

export interface RecentCase {
  dir: string
  number: string
  title: string
  openedAt: string
  /** false when the folder has gone since it was last opened */
  exists: boolean
}

export interface CustodyEvent {
  seq: number
  at: string
  actor: Officer
  action: string
  itemId: string | null
  details: Record<string, unknown>
  prevHash: string
  hash: string
}

export interface ChainVerdict {
  events: number
  intact: boolean
  /** the first seq whose hash, link or numbering does not hold; null when intact */
  firstBadSeq: number | null
  problem: string | null
}

export interface ObjectProblem {
  id: string
  number: string
  sha256: string
  problem: 'missing' | 'hash-mismatch' | 'unreadable'
}

export interface CheckResult {
  ok: boolean
  checkedAt: string
  objects: { checked: number; bad: ObjectProblem[] }
  custody: ChainVerdict
}

export interface AppInfo {
  version: string
  mode: 'electron' | 'browser'
  dataDir: string
  systemTimeZone: string
  /** true in Electron, where the OS file dialogs exist; browser mode uses the in-app folder browser */
  nativeDialogs: boolean
}

export interface DirEntry {
  name: string
  path: string
  isDir: boolean
  /** a folder that holds a case.sqlite */
  isCase: boolean
  size: number | null
}

export interface DirListing {
  dir: string
  parent: string | null
  entries: DirEntry[]
  /** starting points: home, temp, mounted volumes */
  roots: string[]
}
