import type { ApiEventName, ApiEvents, ApiOutput, Channel, ParsedInput } from '../../shared/api'
import type { AppInfo, CaseInfo, Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import type { PdfPrinter } from '../documents/pdf-printer'
import type { AppData } from '../profile/app-data'
import type { ReviewWorkspace } from '../review'
import type { KeyProtector } from '../signing/key-protector'
import type { OfficerKeys } from '../signing/officer-key'
import type { JobKind, JobProgress, JobResult } from '../../shared/jobs'
import type { JobControl } from './job-registry'

/** OS dialogs where the shell has them (Electron); browser mode has none. */
export interface Dialogs {
  pickDirectory(purpose: 'open-case' | 'new-case' | 'import' | 'export'): Promise<string | null>
  /** files and folders to import; empty when cancelled */
  pickImportSources(): Promise<string[]>
}

export interface BackendOptions {
  mode: AppInfo['mode']
  dataDir: string
  version: string
  dialogs?: Dialogs
  clock?: Clock
  nativeBinding?: string
  /** prints transfer documents to PDF; absent where no browser engine is available */
  pdf?: PdfPrinter
  /** Electron's safeStorage; absent elsewhere, where the signing key is a 0600 file */
  keyProtector?: KeyProtector
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ApiOutput<C>> | ApiOutput<C>
/** The handlers of one feature: exactly the channels it names. */
export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> }
export type Handlers = HandlerGroup<Channel>

/**
 * What a feature's handlers may use of the session. Handlers parse nothing (the contract did),
 * decide nothing about storage (core does), and never read the system time: they hand `clock`
 * on to core, or call it where core wants an instant.
 */
export interface HandlerContext {
  readonly opts: BackendOptions
  readonly appData: AppData
  /** the session's one clock (fixed in tests) */
  readonly clock: Clock
  /** the officers' signing keys of this app data folder, sealed by the shell's key protector where it has one */
  readonly officerKeys: OfficerKeys
  /** the open case; throws EvidenceError('no-case-open') when there is none */
  openCase(): CaseFile
  /** the open case (a package under review is one too), or null */
  currentCase(): CaseFile | null
  /** the officer named in custody events: the saved profile, required before any change */
  actor(): Officer
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void
  /** tells every view of the open case to refetch */
  caseChanged(): void
  /** makes `file` the session's case (closing whatever was open) and lists it as recent */
  setCase(file: CaseFile): Promise<CaseInfo>
  /** stops the work that writes into the open case (or package), then closes it */
  closeCase(): Promise<void>
  /** items opened in this session of the open case: "viewed" is recorded once each */
  readonly viewed: Set<string>
  /**
   * Runs long work on the open case (or on none) in the background: progress, per-file results
   * and the outcome go out as `job:progress`; `job:cancel` stops it, and so does closing the case.
   */
  startJob<K extends JobKind>(
    kind: K,
    work: (job: JobControl<K>) => Promise<JobResult<K>>,
  ): { taskId: string }
  /** false when no such job is running */
  cancelJob(taskId: string): boolean
  /** every job of this session, newest first, with all its results */
  listJobs(): JobProgress[]
  /** makes the open case's pending playback proxies as a job, unless one runs already */
  startProxies(): void
  /** reviewer mode: makes a verified package the session's read-only case */
  enterReview(ws: ReviewWorkspace): void
  currentReview(): ReviewWorkspace | null
}
