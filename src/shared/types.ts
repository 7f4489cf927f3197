/** DTOs that cross the API boundary. Instants are UTC ISO 8601 strings unless a field says otherwise. */
import type { EvidenceKind, DerivedRole, KindMeta } from './kinds'
import type { ItemCategory } from './kinds/category'
import type { AnnotationType, Citation } from './citations/anchors'
import type { ComparedSeries, ComparisonSummary, ComparisonThreshold } from './kinds/monitoring-compare'
import type { ItemClock } from './clock-offset'

/**
 * Where an item's time comes from: the photo's EXIF, the media container, the file name, the file
 * system's modification time, an interview record's header (询问时间), or the period of the data
 * itself (monitoring exports).
 */
export type CapturedAtSource =
  'exif' | 'container' | 'filename' | 'filesystem' | 'header' | 'data' | 'derived'

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

export { EVIDENCE_KINDS, DERIVED_ROLES } from './kinds'
export type { EvidenceKind, DerivedRole, KindMeta } from './kinds'
export { ITEM_CATEGORIES } from './kinds/category'
export type { ItemCategory } from './kinds/category'

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
  /** set in reviewer mode: the case is a package opened read-only, and whether it verified */
  review?: { path: string; valid: boolean }
}

export interface RecentCase {
  dir: string
  number: string
  title: string
  openedAt: string
  /** the case's time zone when it was last opened or changed: its times show in it (absent in lists written before) */
  timezone?: string
  /** false when the folder has gone since it was last opened */
  exists: boolean
}

export interface CustodyEvent {
  seq: number
  at: string
  actor: Officer
  /**
   * A CustodyAction (shared/custody-labels.ts) for every event this version writes; a log read
   * from a package made by another version may hold actions this one does not know.
   */
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
  /** unfinished output of this case's exports that were killed, removed by this check */
  partialExportsRemoved?: string[]
  /** objects in the store that no item records (an import that could not record them); removable */
  orphans?: Array<{ sha256: string; size: number }>
  /** the orphans this check removed, when asked to (custody event 'orphans-removed') */
  orphansRemoved?: Array<{ sha256: string; size: number }>
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

export interface ItemWarning {
  code: string
  message: string
}

/** What every evidence item has, whatever its kind. */
export interface EvidenceItemBase {
  id: string
  number: string
  sha256: string
  size: number
  originalName: string
  sourcePath: string
  mime: string
  importedAt: string
  importedBy: Officer
  /** ISO 8601 instant with the source's offset, e.g. 2021-05-24T04:03:12+08:00 */
  capturedAt: string | null
  /** `derived`: a still or clip takes the instant of its source frame (derivedFrom names the source) */
  capturedAtSource: CapturedAtSource | null
  utcOffset: string | null
  gps: { lat: number; lon: number; alt: number | null } | null
  device: { make: string | null; model: string | null; serial: string | null; id: string | null } | null
  width: number | null
  height: number | null
  durationSec: number | null
  warnings: ItemWarning[]
  /**
   * fields of the stored `meta` that do not fit the kind's schema (written by another version, or
   * damaged), with their raw values: kept and shown, never dropped; absent when every field fits
   */
  metaUnreadable?: Record<string, unknown>
  /** the source file's modification time, as the file system gave it */
  sourceMtime: string | null
  /** derived files that exist: thumb, preview, poster, proxy */
  derived: Partial<Record<DerivedRole, DerivedStatus>>
  /** for an item made from another (a still frame or clip): how, so a reviewer can reproduce it */
  derivedFrom: DerivedFrom | null
  /**
   * what a reader calls it (现场照片, 无人机照片, 视频截图, …; shared/kinds/category): stored in
   * `meta.category` at import, classified on read for an item recorded before categories
   */
  category: ItemCategory
  /**
   * the officers' recorded offset of the device's clock and the capture time it gives (derived on
   * read, shared/clock-offset); absent when no offset is recorded for the item's device
   */
  clock?: ItemClock
}

/** An item of one kind: `meta` is typed by the kind's schema (shared/kinds). */
export type EvidenceItemOf<K extends EvidenceKind> = EvidenceItemBase & { kind: K; meta: KindMeta<K> }

/** One evidence item as `evidesk list --json` prints it (see CLI.md); narrow on `kind` to type `meta`. */
export type EvidenceItem = { [K in EvidenceKind]: EvidenceItemOf<K> }[EvidenceKind]

/** How a derived item was made: a still or clip of a video, or a comparison of two monitoring series. */
export type DerivedFrom = MediaDerivation | ComparisonDerivation

export interface MediaDerivation {
  sourceId: string
  sourceNumber: string
  sourceSha256: string
  operation: 'still' | 'clip'
  /** media seconds */
  start: number
  end: number | null
  /** the exact ffmpeg argument list, with {source} and {output} standing for the two files */
  command: string[]
  tool: string
}

/**
 * A tamper comparison (数据比对) of two monitoring series. `source*` name item A (so lists that say
 * "派生自 E001" keep working); `sources` name both, with their hashes and series, and `parameters`
 * what the officer chose, so a reviewer can make the same file again.
 */
export interface ComparisonDerivation {
  sourceId: string
  sourceNumber: string
  sourceSha256: string
  operation: 'compare'
  sources: Array<{ id: string; number: string; sha256: string; series: ComparedSeries }>
  parameters: {
    threshold: ComparisonThreshold
    start: string | null
    end: string | null
  }
  tool: string
}

/**
 * A derived file's state. 'on-request': not made at import but the first time it is asked for
 * (an image's 1600 px preview, the costliest step of importing a card of photos); it can be
 * requested like a ready one.
 */
export type DerivedStatus = 'ready' | 'pending' | 'failed' | 'on-request'

export interface ItemSource {
  path: string
  linkTarget: string | null
  mtime: string | null
  seenAt: string
  duplicate: boolean
}

/** An item with every source path it was seen at and its custody events (viewers, details panel). */
export interface ItemDetail {
  item: EvidenceItem
  sources: ItemSource[]
  custody: CustodyEvent[]
}

export type ImportStatus = 'imported' | 'duplicate' | 'rejected'

/** One line of `evidesk import --json`, and one row of the import progress list. */
export interface ImportFileResult {
  path: string
  status: ImportStatus
  id: string | null
  number: string | null
  sha256: string | null
  kind: EvidenceKind | null
  /** what a reader calls it (现场照片, 无人机照片, …); absent when rejected */
  category?: ItemCategory
  size: number
  warnings: ItemWarning[]
  error?: { code: string; message: string }
}

export { ANNOTATION_TYPES } from './citations/anchors'
export type { AnnotationType, ThermalShape } from './citations/anchors'

/** What every annotation has besides its citation. */
export interface AnnotationBase {
  id: string
  itemId: string
  note: string
  /** results and parameters, e.g. a thermal measurement's stats and the emissivity used */
  data: Record<string, unknown>
  author: Officer
  createdAt: string
  withdrawnAt: string | null
  withdrawnReason: string | null
}

/** An annotation whose anchor fits its type's schema (every one recorded since the contract). */
export type CitedAnnotation = AnnotationBase & Citation & { anchorProblem?: undefined }

/**
 * A citation or measurement on an item: where (a typed anchor, see shared/citations), what it
 * shows (note), who and when. A row written before the citation contract whose anchor does not
 * fit is still returned, with its raw anchor and `anchorProblem` saying why; narrow with
 * `isCited`.
 */
export type Annotation =
  CitedAnnotation | (AnnotationBase & { type: AnnotationType; anchor: unknown; anchorProblem: string })

/** The annotation with its typed anchor when it is of `type` and readable; narrows. */
export function isCited<T extends AnnotationType>(
  a: Annotation,
  type: T,
): a is AnnotationBase & Extract<Citation, { type: T }> & { anchorProblem?: undefined } {
  return a.type === type && a.anchorProblem === undefined
}

export interface ThermalOverrides {
  emissivity?: number
  /** metres */
  objectDistance?: number
  reflectedTempC?: number
}

export interface ThermalStats {
  minC: number
  maxC: number
  meanC: number
  min: { x: number; y: number }
  max: { x: number; y: number }
}

/** What the thermal viewer needs about one thermal item; the pixel values come from media role "thermal". */
export interface ThermalFrameInfo {
  itemId: string
  format: 'flir' | 'dji'
  width: number
  height: number
  /** true for DJI R-JPEG: values are raw sensor counts, not temperatures */
  relativeOnly: boolean
  /** the calibration read from the file (FLIR), by name */
  params: Record<string, number> | null
  /** whole-frame statistics, in °C (FLIR) or raw counts (DJI) */
  stats: ThermalStats | null
  /** the embedded visible photo, when there is one (media role "visible") */
  visible: { width: number | null; height: number | null } | null
  warnings: ItemWarning[]
}

/** A recording (audio or video) paired with its written record; recorded in the custody log. */
export interface RecordingPair {
  id: string
  recordingId: string
  recordingNumber: string
  transcriptId: string
  transcriptNumber: string
  pairedAt: string
  pairedBy: Officer
}

export interface SearchHit {
  item: EvidenceItem
  /** where the match is: file name/number, metadata, or full text */
  field: 'name' | 'meta' | 'body' | 'note'
  /** text around the match; the match sits between U+E000 and U+E001 */
  snippet: string
}

export interface TranscriptView {
  itemId: string
  /** normalised text (NFC, \n line ends) as indexed at import; quote offsets count in this string */
  text: string
  turns: Array<{ q: string; a: string; qStart: number | null; aStart: number | null }>
  header: Record<string, string>
  encoding: string | null
  title: string | null
}

export interface MonitoringSeriesSummary {
  pollutant: string
  /** the outlet (排放口) a long table names; absent for a one-outlet file */
  outlet?: string
  column: string
  unit: string | null
  /** measured (实测), dry (标干), converted (折算) or rate */
  basis: string
  /** HJ 212's period minimum, maximum or cumulative amount (-Min/-Max/-Cou): shown, never compared with a limit */
  statistic?: 'min' | 'max' | 'cumulative'
  /** data period in seconds read from the time stamps (3600 hourly); absent in items from older versions */
  periodSec?: number | null
  /** valid values only (no flag or N) */
  points: number
  /** values left out for their data flag, per flag */
  flagged?: Record<string, number>
  /** cells that are not numbers, kept as written: how many, and the first ones by line and column */
  unreadable?: { count: number; cells: Array<{ row: number; column: string; text: string }> }
  min: number | null
  max: number | null
  mean: number | null
  /** the series of its factor the limit is compared with */
  judged?: boolean
  /** measured-only (no 折算 for a flue-gas factor), dry-only (标干 alone, not compared), officer (chosen with a reason) */
  basisNote?: 'measured-only' | 'dry-only' | 'officer' | null
  limit: number | null
  limitSource: 'file' | 'case' | null
  exceedances: Array<{ start: string; end: string; max: number; points: number }>
  /**
   * periods sent more than once: identical repeats counted; periods with different values drawn
   * with the first, left out of the figures, named with both values and lines
   */
  repeated?: {
    identical: number
    differing: number
    /** periods with different values where a valid one (either) is over the limit */
    overLimit: number
    named: Array<{
      time: string
      first: { line: number; text: string }
      others: Array<{ line: number; text: string }>
    }>
  }
}

/** A monitoring point: instant, value, flag when not valid, and for a period sent again with a different value, the other value(s). */
export type MonitoringPoint =
  [string, number | null, string | null] | [string, number | null, string | null, string]

/** A monitoring item's series as they stand with the officers' limits and bases applied. */
export interface MonitoringSeriesInForce {
  itemId: string
  series: MonitoringSeriesSummary[]
}

export interface MonitoringView {
  itemId: string
  series: MonitoringSeriesSummary[]
  points: Array<{
    pollutant: string
    outlet?: string
    column: string
    unit: string | null
    basis: string
    statistic?: 'min' | 'max' | 'cumulative'
    /**
     * [instant, value (null when blank or unreadable), data flag when the value is not valid]; a
     * period sent again with a different value adds the other value(s) as written: drawn apart, not valid
     */
    points: MonitoringPoint[]
    /** present when a long series was thinned for drawing (min/max per time slice; every value over a limit kept) */
    thinned?: { values: number; drawn: number }
  }>
  /** limits set or corrected by officers, oldest first; the latest per pollutant applies */
  limitHistory: Array<{
    pollutant: string
    limit: number | null
    reason: string
    setBy: Officer
    setAt: string
  }>
  /** concentration bases chosen by officers, oldest first; the latest per pollutant applies (null: the default) */
  basisHistory: Array<{
    pollutant: string
    basis: string | null
    reason: string
    setBy: Officer
    setAt: string
  }>
  /** present for a comparison item (数据比对): its sources, parameters, windows and counts */
  comparison?: ComparisonSummary
}
