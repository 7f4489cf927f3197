import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { isJobRunning, type JobProgress } from '../../../shared/jobs'
import { api, onApiEvent } from '../api'
import { ImportDrawer } from '../components/import/import-drawer'
import { useImportPicker } from '../hooks/use-import-picker'
import { asApiError } from '../lib/errors'
import { useCurrentCase, useSession } from './session'
import { ImportTasksContext, type CaseTask, type ImportTasks } from './import-tasks-context'
import { useJobs } from './jobs'
import { useCan } from './read-only'

/** While an import runs, the library shows what has arrived at most this often. */
const LIVE_REFRESH_MS = 2000

function isCaseTask(job: JobProgress, caseId: string): job is CaseTask {
  return (job.kind === 'import' || job.kind === 'proxy') && job.caseId === caseId
}

/** Import tasks of the open case, their progress drawer, and the picker that starts them. */
export function ImportTasksProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info } = useSession()
  const { id: caseId } = useCurrentCase()
  const { pick, element: pickerElement } = useImportPicker()
  const jobs = useJobs()
  // In review nothing is imported, and a package exported on this machine carries the id of the
  // officer's own case: that case's import jobs are not the package's.
  const canImport = useCan('import:start')
  const tasks = useMemo(
    () => (canImport ? jobs.filter((j): j is CaseTask => isCaseTask(j, caseId)) : []),
    [jobs, caseId, canImport],
  )
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set())
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [libraryVersion, setLibraryVersion] = useState(0)
  const lastLiveRefresh = useRef(0)

  useEffect(() => {
    const bump = () => setLibraryVersion((v) => v + 1)
    const offProgress = onApiEvent('job:progress', ({ job, added }) => {
      if (job.kind !== 'import' || job.caseId !== caseId) return
      if (!isJobRunning(job)) bump()
      else if (added.length > 0 && Date.now() - lastLiveRefresh.current > LIVE_REFRESH_MS) {
        lastLiveRefresh.current = Date.now()
        bump()
      }
    })
    const offChanged = onApiEvent('case:changed', bump)
    return () => {
      offProgress()
      offChanged()
    }
  }, [caseId])

  const importPaths = useCallback(async (chosen: () => Promise<string[]>) => {
    try {
      const paths = await chosen()
      if (paths.length === 0) return
      await api.invoke('import:start', { paths })
      setDrawerOpen(true)
    } catch (err) {
      setFailure(asApiError(err))
      setDrawerOpen(true)
    }
  }, [])

  const importFiles = useCallback(() => importPaths(pick), [importPaths, pick])

  const cancel = useCallback((taskId: string) => {
    setCancelling((prev) => new Set(prev).add(taskId))
    api.invoke('job:cancel', { taskId }).catch((err) => {
      const e = asApiError(err)
      // the task ended on its own between the click and the request: nothing to report
      if (e.code !== 'not-found') setFailure(e)
    })
  }, [])

  const explainDrop = useCallback(() => {
    void message.info(t(info.nativeDialogs ? 'importer.dropNoPath' : 'importer.dropBrowser'), 6)
  }, [message, t, info.nativeDialogs])

  // A file dropped anywhere would make the browser open it in place of the app.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'))
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (!canImport) return
      // Electron: the preload turns dropped files into their real paths (webUtils.getPathForFile).
      const pathFor = window.api?.pathForFile
      const paths = pathFor ? [...(e.dataTransfer?.files ?? [])].map((f) => pathFor(f)).filter(Boolean) : []
      if (paths.length > 0) void importPaths(async () => paths)
      else explainDrop()
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [explainDrop, importPaths, canImport])

  const value = useMemo<ImportTasks>(
    () => ({
      tasks,
      running: tasks.filter(isJobRunning).length,
      drawerOpen,
      setDrawerOpen,
      importFiles,
      cancel,
      cancelling,
      failure,
      clearFailure: () => setFailure(null),
      libraryVersion,
      explainDrop,
    }),
    [tasks, drawerOpen, importFiles, cancel, cancelling, failure, libraryVersion, explainDrop],
  )

  return (
    <ImportTasksContext.Provider value={value}>
      {children}
      {canImport && <ImportDrawer />}
      {pickerElement}
    </ImportTasksContext.Provider>
  )
}
