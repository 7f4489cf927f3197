import { applyJobUpdate, isJobRunning, type JobProgress, type JobUpdate } from '../../../shared/jobs'

/**
 * The session's long work as this page knows it, built from `job:progress` events (each carrying
 * only new results) and `job:list` answers. Pure: the provider feeds it, React reads snapshots.
 */
export class JobStore {
  /** newest first; a new array whenever anything changes, so React sees the change */
  private jobs: readonly JobProgress[] = []
  private readonly listeners = new Set<() => void>()

  readonly snapshot = (): readonly JobProgress[] => this.jobs

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(taskId: string): JobProgress | undefined {
    return this.jobs.find((j) => j.taskId === taskId)
  }

  /** Applies one event; false when it shows that results were missed, so `job:list` must be fetched. */
  apply(update: JobUpdate): boolean {
    const held = this.get(update.job.taskId)
    const next = applyJobUpdate(held, update)
    if (!next) return false
    if (next !== held) this.set(held ? this.jobs.map((j) => (j === held ? next : j)) : [next, ...this.jobs])
    return true
  }

  /** Takes in a `job:list` answer; a job held here that is further along than the answer stays as it is. */
  merge(list: readonly JobProgress[]): void {
    const listed = list.map((fresh) => {
      const held = this.get(fresh.taskId)
      return held && furtherAlong(held, fresh) ? held : fresh
    })
    const ids = new Set(list.map((j) => j.taskId))
    this.set([...this.jobs.filter((j) => !ids.has(j.taskId)), ...listed])
  }

  private set(jobs: readonly JobProgress[]): void {
    this.jobs = jobs
    for (const l of this.listeners) l()
  }
}

/** An ended job is further along than a running one; among equals, the one with more results. */
function furtherAlong(a: JobProgress, b: JobProgress): boolean {
  const aEnded = !isJobRunning(a)
  const bEnded = !isJobRunning(b)
  if (aEnded !== bEnded) return aEnded
  return a.results.length > b.results.length
}
