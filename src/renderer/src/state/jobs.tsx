import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { JobKind, JobProgress } from '../../../shared/jobs'
import { api, onApiEvent } from '../api'
import { JobStore } from './job-store'

interface Jobs {
  store: JobStore
  /** fetches one job (or all) again with `job:list`; one request at a time per job */
  refetch(taskId?: string): void
}

const JobsContext = createContext<Jobs | null>(null)

/**
 * Follows every job of the session for the whole page: one subscription to `job:progress`, all
 * jobs from `job:list` at start, and one job again whenever an event shows that its results were
 * missed (a reload, a dropped event stream). Screens read jobs with `useJobs` and `useJob`.
 */
export function JobsProvider({ children }: { children: ReactNode }) {
  const [jobs] = useState<Jobs>(() => {
    const store = new JobStore()
    const inFlight = new Set<string>()
    const refetch = (taskId?: string): void => {
      const key = taskId ?? '*'
      if (inFlight.has(key)) return
      inFlight.add(key)
      api
        .invoke('job:list', taskId ? { taskId } : {})
        .then(
          (list) => store.merge(list),
          // the next event that misses results asks again; meanwhile the progress shown is only less complete
          () => undefined,
        )
        .finally(() => inFlight.delete(key))
    }
    return { store, refetch }
  })
  useEffect(() => {
    const off = onApiEvent('job:progress', (update) => {
      if (!jobs.store.apply(update)) jobs.refetch(update.job.taskId)
    })
    jobs.refetch()
    return off
  }, [jobs])
  return <JobsContext.Provider value={jobs}>{children}</JobsContext.Provider>
}

function useJobsContext(): Jobs {
  const jobs = useContext(JobsContext)
  if (!jobs) throw new Error('useJobs outside JobsProvider')
  return jobs
}

/** Every job this page knows of, newest first. */
export function useJobs(): readonly JobProgress[] {
  const { store } = useJobsContext()
  return useSyncExternalStore(store.subscribe, store.snapshot)
}

/**
 * One job by its task id, once known. A job just started is usually known by its first event;
 * if that event is slow or was lost, the job is fetched.
 */
export function useJob<K extends JobKind>(taskId: string | null, kind: K): JobProgress<K> | null {
  const { refetch } = useJobsContext()
  const job = useJobs().find((j) => j.taskId === taskId)
  const known = job !== undefined
  useEffect(() => {
    if (taskId && !known) refetch(taskId)
  }, [taskId, known, refetch])
  return job && job.kind === kind ? (job as JobProgress<K>) : null
}
