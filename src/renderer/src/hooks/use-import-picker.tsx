import { useCallback, useRef, useState, type ReactNode } from 'react'
import { api, chooseInBrowser } from '../api'
import { ImportSourceBrowser } from '../components/import/import-source-browser'
import { useSession } from '../state/session'

/**
 * One way to ask for files and folders to import: the OS dialog where the shell has one
 * (Electron), the in-app browser over `fs:list` otherwise. Render `element` somewhere.
 * `pick` resolves to [] when the user cancels; it throws (ApiCallError) when the dialog fails.
 */
export function useImportPicker(): { pick: () => Promise<string[]>; element: ReactNode } {
  const { info } = useSession()
  const [open, setOpen] = useState(false)
  const resolver = useRef<((paths: string[]) => void) | null>(null)

  const pick = useCallback((): Promise<string[]> => {
    if (info.nativeDialogs) return api.invoke('dialog:pickImportSources', {})
    return new Promise((resolve) => {
      resolver.current?.([]) // a second request supersedes an unanswered one
      resolver.current = resolve
      setOpen(true)
    })
  }, [info.nativeDialogs])

  const finish = (paths: string[]) => {
    const resolve = resolver.current
    resolver.current = null
    setOpen(false)
    // browser mode: what the user chose here is what the server may read (see useFolderPicker)
    void chooseInBrowser(paths)
      .catch(() => undefined)
      .then(() => resolve?.(paths))
  }

  const element = open ? <ImportSourceBrowser onChoose={finish} onCancel={() => finish([])} /> : null
  return { pick, element }
}
