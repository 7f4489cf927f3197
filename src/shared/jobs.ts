/**
 * Long work (imports, playback proxies, export, package verification, PDF printing) as the UI
 * sees it: one registry in the backend, one `job:progress` event, one `job:list` to catch up.
 */
import type { ApiError } from './errors'
import type { ExportResult, PackageVerdict } from './package-types'
import type { ImportFileResult } from './types'

/** What one file or item of a playback-proxy run came to. */
export interface ProxyItemResult {
  itemId: string
  number: string
  status: 'ready' | 'failed'
  /** why the proxy could not be made (ffmpeg's words), for a failed one */
  error?: ApiError
}

/** Per kind: what each file or item of the work reports (`results`), and what the job ends with (`result`). */
export interface JobKinds {
  import: { item: ImportFileResult; result: null }
  proxy: { item: ProxyItemResult; result: null }
  export: { item: never; result: ExportResult }
  verify: { item: never; result: PackageVerdict }
  pdf: { item: never; result: { path: string; bytes: number } }
}
export type JobKind = keyof JobKinds
export type JobItem<K extends JobKind = JobKind> = JobKinds[K]['item']
export type JobResult<K extends JobKind = JobKind> = JobKinds[K]['result']

/** 'scanning' until the work first reports how far it is (an import is still finding its files). */
export type JobState = 'scanning' | 'running' | 'done' | 'cancelled' | 'failed'

/** A job without its per-file results: what every progress event carries in full. */
export type JobStatus<K extends JobKind = JobKind> = {
  [P in K]: {
    taskId: string
    kind: P
    state: JobState
    /** the case the job works on (null for a package being verified) */
    caseId: string | null
    bytesDone: number
    bytesTotal: number
    filesDone: number
    filesTotal: number
    currentFile: string | null
    /** bytes per second over the run so far */
    bytesPerSec: number
    /** seconds, estimated from bytes per second; null until there is a rate */
    etaSec: number | null
    /** how many per-file results the job has reported so far */
    resultCount: number
    /** what the job ended with, once done */
    result: JobKinds[P]['result'] | null
    error: ApiError | null
  }
}[K]

/** A job with every per-file result it reported, in order (`job:list`). */
export type JobProgress<K extends JobKind = JobKind> = {
  [P in K]: JobStatus<P> & { results: Array<JobKinds[P]['item']> }
}[K]

/**
 * One `job:progress` event: the job's status in full and only the results reported since its
 * previous event (so an import of 20,000 files never resends its list). The first added result
 * has index `job.resultCount - added.length`.
 */
export type JobUpdate<K extends JobKind = JobKind> = {
  [P in K]: { job: JobStatus<P>; added: Array<JobKinds[P]['item']> }
}[K]

/** A rate over less of a run than this is noise: none is shown before. */
export const MIN_RATE_WINDOW_MS = 200

/**
 * Bytes per second over the run so far, and the seconds left at that rate (null until there is a
 * rate; 0 once everything is done). The one rate and time-left computation: the job registry
 * behind the UI and the command line's progress line both use it.
 */
export function transferRate(
  bytesDone: number,
  bytesTotal: number,
  elapsedMs: number,
): { bytesPerSec: number; etaSec: number | null } {
  const bytesPerSec = elapsedMs > MIN_RATE_WINDOW_MS ? bytesDone / (elapsedMs / 1000) : 0
  return {
    bytesPerSec,
    etaSec: bytesPerSec > 0 ? Math.max(0, (bytesTotal - bytesDone) / bytesPerSec) : null,
  }
}

const FINISHED: ReadonlySet<JobState> = new Set(['done', 'cancelled', 'failed'])

export function isJobRunning(job: { state: JobState }): boolean {
  return !FINISHED.has(job.state)
}

/** A job that has just been started: nothing found or done yet. */
export function newJob<K extends JobKind>(
  taskId: string,
  kind: K,
  caseId: string | null = null,
): JobProgress<K> {
  return {
    taskId,
    kind,
    state: 'scanning',
    caseId,
    bytesDone: 0,
    bytesTotal: 0,
    filesDone: 0,
    filesTotal: 0,
    currentFile: null,
    bytesPerSec: 0,
    etaSec: null,
    resultCount: 0,
    result: null,
    error: null,
    results: [],
  } as JobProgress<K>
}

/**
 * What a subscriber holds after an event: `held` with the event's status and its new results
 * appended. Returns `held` unchanged for an event older than what is held (a `job:list` answer
 * can overtake events), and null when results were missed (subscribed late, or the event stream
 * reconnected): the subscriber then fetches the job again with `job:list`.
 */
export function applyJobUpdate(held: JobProgress | undefined, update: JobUpdate): JobProgress | null {
  const { job, added } = update
  const firstIndex = job.resultCount - added.length
  const results: JobItem[] = held?.results ?? []
  if (held && (!isJobRunning(held) || held.results.length > job.resultCount)) return held
  if (results.length < firstIndex) return null
  return { ...job, results: [...results.slice(0, firstIndex), ...added] } as JobProgress
}
