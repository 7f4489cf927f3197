import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { JobProgress } from '../../../../shared/package-types'
import type { CaseInfo } from '../../../../shared/types'
import { api, onApiEvent } from '../../api'
import { asApiError } from '../../lib/errors'

export type ReviewOpenState =
  | { phase: 'idle' }
  | { phase: 'verifying'; taskId: string; progress: JobProgress | null }
  | { phase: 'failed'; error: ApiError; path: string }
  | { phase: 'cancelled' }
  /** verified, but the package holds no case to open: only its verdict can be shown */
  | { phase: 'no-case'; progress: JobProgress }

/**
 * Opens a package for review: starts the verification job, follows its progress, and hands the
 * read-only case over when it is done. Listens before starting, so a quick job is never missed.
 */
export function useReviewOpen(onOpened: (info: CaseInfo) => void) {
  const [state, setState] = useState<ReviewOpenState>({ phase: 'idle' })
  const pending = useRef<{ taskId: string | null; early: JobProgress[]; path: string }>({
    taskId: null,
    early: [],
    path: '',
  })

  const finish = useCallback(
    async (p: JobProgress) => {
      if (p.state === 'cancelled') return setState({ phase: 'cancelled' })
      if (p.state === 'failed' || !p.result)
        return setState({
          phase: 'failed',
          path: pending.current.path,
          error: p.error ?? { code: 'internal', message: 'The verification ended without a result.' },
        })
      const info = await api.invoke('case:current', {})
      if (info) {
        setState({ phase: 'idle' })
        onOpened(info)
      } else setState({ phase: 'no-case', progress: p })
    },
    [onOpened],
  )

  const handle = useCallback(
    (p: JobProgress) => {
      if (p.taskId !== pending.current.taskId) return
      setState((s) => (s.phase === 'verifying' ? { ...s, progress: p } : s))
      if (p.state !== 'running') void finish(p)
    },
    [finish],
  )

  useEffect(
    () =>
      onApiEvent('job:progress', (p) => {
        if (pending.current.taskId === null) pending.current.early.push(p)
        else handle(p)
      }),
    [handle],
  )

  const open = useCallback(
    async (path: string) => {
      pending.current = { taskId: null, early: [], path }
      try {
        const { taskId } = await api.invoke('review:open', { path })
        pending.current.taskId = taskId
        setState({ phase: 'verifying', taskId, progress: null })
        for (const p of pending.current.early.splice(0)) handle(p)
      } catch (err) {
        setState({ phase: 'failed', error: asApiError(err), path })
      }
    },
    [handle],
  )

  const reset = useCallback(() => setState({ phase: 'idle' }), [])
  return { state, open, reset }
}
