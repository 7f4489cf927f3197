import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../../../../shared/errors'
import { isJobRunning, type JobProgress } from '../../../../shared/jobs'
import type { CaseInfo } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { useJob } from '../../state/jobs'

export type ReviewOpenState =
  | { phase: 'idle' }
  | { phase: 'verifying'; taskId: string; progress: JobProgress<'verify'> | null }
  | { phase: 'failed'; error: ApiError; path: string }
  | { phase: 'cancelled' }
  /** verified, but the package holds no case to open: only its verdict can be shown */
  | { phase: 'no-case'; progress: JobProgress<'verify'> }

type Step =
  Exclude<ReviewOpenState, { phase: 'verifying' }> | { phase: 'verifying'; taskId: string; path: string }

/**
 * Opens a package for review: starts the verification job, follows its progress, and hands the
 * read-only case over when it is done.
 */
export function useReviewOpen(onOpened: (info: CaseInfo) => void) {
  const [step, setStep] = useState<Step>({ phase: 'idle' })
  const verifying = step.phase === 'verifying' ? step : null
  const job = useJob(verifying?.taskId ?? null, 'verify')
  // the end of a job is acted on once, however often it is rendered
  const ended = useRef<string | null>(null)

  // Verified: the read-only case is fetched and handed over once, however often this renders.
  const verified = verifying && job?.state === 'done' && job.result ? job : null
  useEffect(() => {
    if (!verifying || !verified || ended.current === verified.taskId) return
    ended.current = verified.taskId
    const { path } = verifying
    api.invoke('case:current', {}).then(
      (info) => {
        if (!info) return setStep({ phase: 'no-case', progress: verified })
        setStep({ phase: 'idle' })
        onOpened(info)
      },
      (err: unknown) => setStep({ phase: 'failed', path, error: asApiError(err) }),
    )
  }, [verifying, verified, onOpened])

  const open = useCallback(async (path: string) => {
    try {
      const { taskId } = await api.invoke('review:open', { path })
      setStep({ phase: 'verifying', taskId, path })
    } catch (err) {
      setStep({ phase: 'failed', error: asApiError(err), path })
    }
  }, [])

  const state: ReviewOpenState = step.phase === 'verifying' ? verifyingState(step, job) : step
  const reset = useCallback(() => setStep({ phase: 'idle' }), [])
  return { state, open, reset }
}

/** While verifying, the job says how far it is, and how it ended if it could not open a case. */
function verifyingState(
  step: { taskId: string; path: string },
  job: JobProgress<'verify'> | null,
): ReviewOpenState {
  if (!job || isJobRunning(job) || (job.state === 'done' && job.result))
    return { phase: 'verifying', taskId: step.taskId, progress: job }
  if (job.state === 'cancelled') return { phase: 'cancelled' }
  return {
    phase: 'failed',
    path: step.path,
    error: job.error ?? { code: 'internal', message: 'The verification ended without a result.' },
  }
}
