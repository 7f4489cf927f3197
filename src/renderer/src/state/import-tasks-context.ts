import { createContext, useContext } from 'react'
import type { ApiError } from '../../../shared/errors'
import type { ImportProgress } from '../../../shared/types'

export const FINISHED: ReadonlySet<ImportProgress['state']> = new Set(['done', 'cancelled', 'failed'])

export function isRunning(task: ImportProgress): boolean {
  return !FINISHED.has(task.state)
}

export interface ImportTasks {
  /** this session's imports, newest first (a reload gets them back from `task:list`) */
  tasks: ImportProgress[]
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
