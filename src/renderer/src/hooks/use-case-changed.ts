import { useEffect } from 'react'
import { api, onApiEvent } from '../api'
import { useCurrentCase, useSession } from '../state/session'

/**
 * Keeps the open case's counts and integrity state current when the backend changes the case
 * on its own (an import finishing, a check run from elsewhere): it says so with `case:changed`.
 */
export function useCaseChanged(): void {
  const { setCase } = useSession()
  const { id } = useCurrentCase()
  useEffect(
    () =>
      onApiEvent('case:changed', ({ caseId }) => {
        if (caseId !== id) return
        api.invoke('case:current', {}).then(
          (info) => {
            if (info) setCase(info)
          },
          // a missed refresh only leaves counts stale until the next action, which reports its own errors
          () => undefined,
        )
      }),
    [id, setCase],
  )
}
