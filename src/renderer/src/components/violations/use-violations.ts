import { useCallback, useEffect, useState } from 'react'
import type { LegalBasisEntry, Violation } from '../../../../shared/violation-types'
import type { EvidenceItem } from '../../../../shared/types'
import { api, onApiEvent } from '../../api'
import { asApiError } from '../../lib/errors'
import type { ApiError } from '../../../../shared/errors'

export interface ViolationsData {
  violations: Violation[]
  /** the catalogue as the case sees it (built-in entries plus the case's own copies) */
  legal: LegalBasisEntry[]
  /** every item of the case, for numbers and names beside links and in the pickers */
  items: EvidenceItem[]
}

/**
 * The violations screen's data, fetched together so the list, the links and the pickers never
 * disagree; `reload` after every change (each one is a custody event the backend records).
 */
export function useViolations(): {
  data: ViolationsData | null
  failure: ApiError | null
  reload(): Promise<void>
} {
  const [data, setData] = useState<ViolationsData | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)

  const reload = useCallback(async () => {
    try {
      const [violations, legal, list] = await Promise.all([
        api.invoke('violation:list', {}),
        api.invoke('legal:list', {}),
        api.invoke('evidence:list', { sort: 'number', order: 'asc', limit: 50_000 }),
      ])
      setData({ violations, legal, items: list.items })
      setFailure(null)
    } catch (e) {
      setFailure(asApiError(e))
    }
  }, [])

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload()
    // a link made from a viewer opened on this screen, or an import, changes what is shown here
    return onApiEvent('case:changed', () => void reload())
  }, [reload])

  return { data, failure, reload }
}
