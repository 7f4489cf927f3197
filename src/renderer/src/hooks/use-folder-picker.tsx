import { useCallback, useRef, useState, type ReactNode } from 'react'
import { api, chooseInBrowser } from '../api'
import { FolderBrowser, type PickPurpose } from '../components/folder-browser'
import { useSession } from '../state/session'

/**
 * One way to ask for a folder: the OS dialog where the shell has one (Electron), the in-app
 * browser over `fs:list` otherwise. Render `element` somewhere in the calling screen.
 * `pick` resolves to null when the user cancels; it throws (ApiCallError) when the dialog fails.
 */
export function useFolderPicker(): {
  pick: (purpose: PickPurpose, startDir?: string) => Promise<string | null>
  element: ReactNode
} {
  const { info } = useSession()
  const [request, setRequest] = useState<{ purpose: PickPurpose; startDir?: string } | null>(null)
  const resolver = useRef<((path: string | null) => void) | null>(null)

  const pick = useCallback(
    (purpose: PickPurpose, startDir?: string): Promise<string | null> => {
      if (info.nativeDialogs) return api.invoke('dialog:pickDirectory', { purpose })
      return new Promise((resolve) => {
        resolver.current?.(null) // a second request supersedes an unanswered one
        resolver.current = resolve
        setRequest({ purpose, startDir })
      })
    },
    [info.nativeDialogs],
  )

  const finish = (path: string | null) => {
    const resolve = resolver.current
    resolver.current = null
    setRequest(null)
    // browser mode: the server reads and writes only where the user chose in this browser; a
    // refusal (the app's data folder) comes back, in words, from the call that uses the path
    if (path)
      void chooseInBrowser([path])
        .catch(() => undefined)
        .then(() => resolve?.(path))
    else resolve?.(null)
  }

  const element = request ? (
    <FolderBrowser
      purpose={request.purpose}
      startDir={request.startDir}
      onChoose={finish}
      onCancel={() => finish(null)}
    />
  ) : null
  return { pick, element }
}
