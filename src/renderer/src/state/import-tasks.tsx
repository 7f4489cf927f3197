import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import type { ImportProgress } from '../../../shared/types'
import { api, onApiEvent } from '../api'
import { ImportDrawer } from '../components/import/import-drawer'
import { useImportPicker } from '../hooks/use-import-picker'
import { asApiError } from '../lib/errors'
import { useSession } from './session'
import { FINISHED, ImportTasksContext, isRunning, type ImportTasks } from './import-tasks-context'
import { newImportProgress } from '../../../shared/import-progress'

/** While an import runs, the library shows what has arrived at most this often. */
const LIVE_REFRESH_MS = 2000

function upsert(tasks: ImportProgress[], next: ImportProgress): ImportProgress[] {
  const i = tasks.findIndex((t) => t.taskId === next.taskId)
  if (i < 0) return [next, ...tasks]
  const copy = tasks.slice()
  copy[i] = next
  return copy
}

/** Import tasks of the open case, their progress drawer, and the picker that starts them. */
export function ImportTasksProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info } = useSession()
  const { pick, element: pickerElement } = useImportPicker()
  const [tasks, setTasks] = useState<ImportProgress[]>([])
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set())
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [libraryVersion, setLibraryVersion] = useState(0)
  const seen = useRef(new Map<string, { state: ImportProgress['state']; results: number }>())
  const lastLiveRefresh = useRef(0)

  useEffect(() => {
    const bump = () => setLibraryVersion((v) => v + 1)
    const offProgress = onApiEvent('task:progress', (p) => {
      setTasks((prev) => upsert(prev, p))
      const before = seen.current.get(p.taskId)
      seen.current.set(p.taskId, { state: p.state, results: p.results.length })
      if (FINISHED.has(p.state)) {
        if (!before || !FINISHED.has(before.state)) bump()
      } else if (
        p.results.length > (before?.results ?? 0) &&
        Date.now() - lastLiveRefresh.current > LIVE_REFRESH_MS
      ) {
        lastLiveRefresh.current = Date.now()
        bump()
      }
    })
    const offChanged = onApiEvent('case:changed', bump)
    // After a reload the running tasks are still there; events that already arrived are newer.
    api.invoke('task:list', {}).then(
      (list) =>
        setTasks((prev) => [...prev, ...list.filter((l) => !prev.some((p) => p.taskId === l.taskId))]),
      (err) => setFailure(asApiError(err)),
    )
    return () => {
      offProgress()
      offChanged()
    }
  }, [])

  const importPaths = useCallback(async (chosen: () => Promise<string[]>) => {
    try {
      const paths = await chosen()
      if (paths.length === 0) return
      const { taskId } = await api.invoke('import:start', { paths })
      // the first event may come before or after this answer: show the task either way
      setTasks((prev) =>
        prev.some((p) => p.taskId === taskId) ? prev : [newImportProgress(taskId), ...prev],
      )
      setDrawerOpen(true)
    } catch (err) {
      setFailure(asApiError(err))
      setDrawerOpen(true)
    }
  }, [])

  const importFiles = useCallback(() => importPaths(pick), [importPaths, pick])

  const cancel = useCallback((taskId: string) => {
    setCancelling((prev) => new Set(prev).add(taskId))
    api.invoke('task:cancel', { taskId }).catch((err) => {
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
  }, [explainDrop, importPaths])

  const value = useMemo<ImportTasks>(
    () => ({
      tasks,
      running: tasks.filter(isRunning).length,
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
      <ImportDrawer />
      {pickerElement}
    </ImportTasksContext.Provider>
  )
}
