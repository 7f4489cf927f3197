import { createContext, useContext } from 'react'
import type { ApiError } from '../../../shared/errors'
import type { JobProgress } from '../../../shared/jobs'

/** The work the progress drawer shows: imports, and the playback copies made after them. */
export type CaseTask = JobProgress<'import' | 'proxy'>

export interface ImportTasks {
  /** this case's imports and proxy runs of this session, newest first (a reload gets them back from `job:list`) */
  tasks: CaseTask[]
  running: number
  drawerOpen: boolean
  setDrawerOpen(open: boolean): void
  /** asks for files and folders (OS dialog or in-app browser), starts the import, shows the drawer */
  importFiles(): Promise<void>
  cancel(taskId: string): void
  cancelling: ReadonlySet<string>
  failure: ApiError | null
  clearFailure(): void
  /** grows whenever the evidence in the case may have changed: views that list it refetch */
  libraryVersion: number
  /** says why a dropped file cannot be imported by dropping (see the report: no real paths yet) */
  explainDrop(): void
}

export const ImportTasksContext = createContext<ImportTasks | null>(null)

export function useImportTasks(): ImportTasks {
  const ctx = useContext(ImportTasksContext)
  if (!ctx) throw new Error('useImportTasks outside ImportTasksProvider')
  return ctx
}
