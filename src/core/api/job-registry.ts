import { randomUUID } from 'node:crypto'
import type { ApiError } from '../../shared/errors'
import {
  isJobRunning,
  newJob,
  transferRate,
  type JobItem,
  type JobKind,
  type JobProgress,
  type JobResult,
  type JobState,
  type JobUpdate,
} from '../../shared/jobs'
import { toApiError } from '../errors'

/** Finished jobs kept for `job:list` (a reload, a late subscriber); older ones are forgotten. */
const KEEP_FINISHED = 20
/** Progress events of one job go out at most this often; a change of state always goes out at once. */
export const EMIT_EVERY_MS = 150

export interface JobCounters {
  bytesDone?: number
  bytesTotal?: number
  filesDone?: number
  filesTotal?: number
  currentFile?: string | null
}

/** What running work gets: the cancel signal, a way to say how far it is, and one for each file's result. */
export interface JobControl<K extends JobKind = JobKind> {
  readonly taskId: string
  readonly signal: AbortSignal
  progress(counters: JobCounters): void
  /** a per-file result (an imported file, a proxy made or not); kept in order and sent once */
  item(result: JobItem<K>): void
}

export interface JobRegistryOptions {
  /** a monotonic clock in milliseconds, for the rate and the throttle (tests drive it) */
  now?: () => number
}

interface Job {
  progress: JobProgress
  controller: AbortController
  startedAt: number
  lastEmit: number
  /** results not yet sent in an event */
  unsent: JobItem[]
  /** the throttled progress, sent when the interval is up */
  trailing: NodeJS.Timeout | null
}

/**
 * All long work of a session. The work runs in the background; the registry keeps its counters,
 * speed, time left, per-file results and outcome, and sends `job:progress` events carrying only
 * the results that are new since the previous event.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>()
  private readonly now: () => number

  constructor(
    private readonly emit: (update: JobUpdate) => void,
    opts: JobRegistryOptions = {},
  ) {
    this.now = opts.now ?? (() => performance.now())
  }

  /**
   * Starts `work` for the case `caseId`; returns at once with the task id and the promise of the
   * job's end, which never rejects (an error ends the job as 'failed' with the error in it).
   */
  start<K extends JobKind>(
    kind: K,
    caseId: string | null,
    work: (job: JobControl<K>) => Promise<JobResult<K>>,
  ): { taskId: string; done: Promise<void> } {
    const taskId = randomUUID()
    const controller = new AbortController()
    const job: Job = {
      controller,
      startedAt: this.now(),
      lastEmit: Number.NEGATIVE_INFINITY,
      progress: newJob(taskId, kind, caseId) as JobProgress,
      unsent: [],
      trailing: null,
    }
    this.jobs.set(taskId, job)
    this.prune()
    const control: JobControl<K> = {
      taskId,
      signal: controller.signal,
      progress: (c) => this.update(job, c),
      item: (r) => this.item(job, r),
    }
    this.send(job)
    const done = Promise.resolve()
      .then(() => work(control))
      .then(
        (result) => this.finish(job, controller.signal.aborted ? 'cancelled' : 'done', result, null),
        (err: unknown) =>
          controller.signal.aborted
            ? this.finish(job, 'cancelled', null, null)
            : this.finish(job, 'failed', null, toApiError(err)),
      )
    return { taskId, done }
  }

  /** Asks a running job to stop; false when there is no such job or it has ended. */
  cancel(taskId: string): boolean {
    const job = this.jobs.get(taskId)
    if (!job || !isJobRunning(job.progress)) return false
    job.controller.abort()
    return true
  }

  cancelAll(): void {
    for (const j of this.jobs.values()) j.controller.abort()
  }

  /** Every job still known, newest first, with all its results. */
  list(): JobProgress[] {
    return [...this.jobs.values()].reverse().map((j) => structuredClone(j.progress))
  }

  get(taskId: string): JobProgress | null {
    const job = this.jobs.get(taskId)
    return job ? structuredClone(job.progress) : null
  }

  private update(job: Job, c: JobCounters): void {
    if (!isJobRunning(job.progress)) return
    const p = job.progress
    Object.assign(p, c)
    if (p.state === 'scanning') p.state = 'running'
    Object.assign(p, transferRate(p.bytesDone, p.bytesTotal, this.now() - job.startedAt))
    this.maybeSend(job)
  }

  private item(job: Job, result: JobItem): void {
    if (!isJobRunning(job.progress)) return
    ;(job.progress.results as JobItem[]).push(result)
    job.progress.resultCount = job.progress.results.length
    job.unsent.push(result)
    this.maybeSend(job)
  }

  private finish(job: Job, state: JobState, result: unknown, error: ApiError | null): void {
    Object.assign(job.progress, {
      state,
      result,
      error,
      currentFile: null,
      etaSec: state === 'done' ? 0 : null,
    })
    this.send(job)
  }

  /** Sends now, or once the interval since the last event is up: the last word is never held back. */
  private maybeSend(job: Job): void {
    const wait = job.lastEmit + EMIT_EVERY_MS - this.now()
    if (wait <= 0) return this.send(job)
    job.trailing ??= setTimeout(() => this.send(job), wait)
    job.trailing.unref?.()
  }

  private send(job: Job): void {
    if (job.trailing) clearTimeout(job.trailing)
    job.trailing = null
    job.lastEmit = this.now()
    const status: Record<string, unknown> = { ...job.progress }
    delete status.results
    const added = job.unsent
    job.unsent = []
    this.emit(structuredClone({ job: status, added }) as JobUpdate)
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => !isJobRunning(j.progress))
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id)
  }
}
