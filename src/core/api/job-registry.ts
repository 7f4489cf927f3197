import { randomUUID } from 'node:crypto'
import type { JobProgress } from '../../shared/package-types'
import { newJobProgress } from '../../shared/job-progress'
import { toApiError } from '../errors'

const KEEP_FINISHED = 20
/** Progress events are throttled to this interval; state changes always go out at once. */
const EMIT_EVERY_MS = 150

export type JobKind = JobProgress['kind']

export interface JobCounters {
  bytesDone?: number
  bytesTotal?: number
  filesDone?: number
  filesTotal?: number
  currentFile?: string | null
}

/** What a running job gets: the cancel signal and a way to report how far it is. */
export interface JobControl {
  readonly taskId: string
  readonly signal: AbortSignal
  progress(counters: JobCounters): void
}

interface Job {
  progress: JobProgress
  controller: AbortController
  startedAt: number
  lastEmit: number
}

/**
 * Long work other than imports (export, package verification, PDF printing). The work runs in
 * the background; its result or error, speed and time left go out as `job:progress` events.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>()

  constructor(private readonly emit: (p: JobProgress) => void) {}

  /** Starts `work`; returns at once with the task id and the promise of its end (never rejects). */
  start(kind: JobKind, work: (job: JobControl) => Promise<unknown>): { taskId: string; done: Promise<void> } {
    const taskId = randomUUID()
    const controller = new AbortController()
    const job: Job = {
      controller,
      startedAt: Date.now(),
      lastEmit: 0,
      progress: newJobProgress(taskId, kind),
    }
    this.jobs.set(taskId, job)
    this.prune()
    const control: JobControl = {
      taskId,
      signal: controller.signal,
      progress: (c) => this.update(job, c),
    }
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

  cancel(taskId: string): boolean {
    const job = this.jobs.get(taskId)
    if (!job || job.progress.state !== 'running') return false
    job.controller.abort()
    return true
  }

  cancelAll(): void {
    for (const j of this.jobs.values()) j.controller.abort()
  }

  get(taskId: string): JobProgress | null {
    const job = this.jobs.get(taskId)
    return job ? structuredClone(job.progress) : null
  }

  private update(job: Job, c: JobCounters): void {
    Object.assign(job.progress, c)
    const secs = (Date.now() - job.startedAt) / 1000
    const rate = secs > 0.2 ? job.progress.bytesDone / secs : 0
    job.progress.bytesPerSec = rate
    job.progress.etaSec =
      rate > 0 ? Math.max(0, (job.progress.bytesTotal - job.progress.bytesDone) / rate) : null
    const now = Date.now()
    if (now - job.lastEmit < EMIT_EVERY_MS) return
    job.lastEmit = now
    this.emit(structuredClone(job.progress))
  }

  private finish(job: Job, state: JobProgress['state'], result: unknown, error: JobProgress['error']): void {
    Object.assign(job.progress, {
      state,
      result,
      error,
      currentFile: null,
      etaSec: state === 'done' ? 0 : null,
    })
    this.emit(structuredClone(job.progress))
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.progress.state !== 'running')
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id)
  }
}
