import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../../../shared/errors'
import type { DirListing } from '../../../shared/types'
import { api } from '../api'
import { asApiError } from '../lib/errors'

export interface DirListingState {
  listing: DirListing | null
  /**
   * The folder a "use this folder" button may act on: none while another is on its way, so a
   * click right after typing a path never picks the folder still shown from before.
   */
  settled: DirListing | null
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
  // Only the latest request may show its answer: a slow first listing must not overwrite a
  // folder the user has typed and gone to meanwhile.
  const latest = useRef(0)

  const show = useCallback((next: DirListing, keepTyped = false) => {
    setListing(next)
    // the first listing never replaces a path the user has already started typing
    setPathText((typed) => (keepTyped && typed !== '' ? typed : next.dir))
    setFailure(null)
    setLoading(false)
  }, [])
  // keep showing the folder we were in; the alert says why the other one could not be read
  const fail = useCallback((err: unknown) => {
    setFailure(asApiError(err))
    setLoading(false)
  }, [])

  const request = useCallback(
    (input: { dir?: string }, keepTyped = false) => {
      const ticket = ++latest.current
      api.invoke('fs:list', input).then(
        (next) => ticket === latest.current && show(next, keepTyped),
        (err: unknown) => ticket === latest.current && fail(err),
      )
    },
    [show, fail],
  )

  const load = useCallback(
    (dir: string) => {
      setLoading(true)
      request({ dir })
    },
    [request],
  )

  useEffect(() => {
    request(startDir ? { dir: startDir } : {}, true)
  }, [startDir, request])

  return {
    listing,
    settled: loading ? null : listing,
    loading,
    failure,
    clearFailure: () => setFailure(null),
    pathText,
    setPathText,
    load,
  }
}
