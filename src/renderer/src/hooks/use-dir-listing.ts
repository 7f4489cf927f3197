import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../shared/errors'
import type { DirListing } from '../../../shared/types'
import { api } from '../api'
import { asApiError } from '../lib/errors'

export interface DirListingState {
  listing: DirListing | null
  loading: boolean
  failure: ApiError | null
  clearFailure(): void
  /** the path box, which the user may edit before going there */
  pathText: string
  setPathText(text: string): void
  load(dir: string): void
}

/** One folder of the backend's machine at a time, through `fs:list`, for the in-app browsers. */
export function useDirListing(startDir?: string): DirListingState {
  const [listing, setListing] = useState<DirListing | null>(null)
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [pathText, setPathText] = useState('')

  const show = useCallback((next: DirListing) => {
    setListing(next)
    setPathText(next.dir)
    setFailure(null)
    setLoading(false)
  }, [])
  // keep showing the folder we were in; the alert says why the other one could not be read
  const fail = useCallback((err: unknown) => {
    setFailure(asApiError(err))
    setLoading(false)
  }, [])

  const load = useCallback(
    (dir: string) => {
      setLoading(true)
      api.invoke('fs:list', { dir }).then(show, fail)
    },
    [show, fail],
  )

  useEffect(() => {
    api.invoke('fs:list', startDir ? { dir: startDir } : {}).then(show, fail)
  }, [startDir, show, fail])

  return { listing, loading, failure, clearFailure: () => setFailure(null), pathText, setPathText, load }
}
