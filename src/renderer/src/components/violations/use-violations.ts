import { useCallback, useMemo } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { EvidenceItem } from '../../../../shared/types'
import type { LegalBasisEntry, Violation } from '../../../../shared/violation-types'
import { useApi } from '../../hooks/use-api'

export interface ViolationsData {
  violations: Violation[]
  /** the catalogue as the case sees it (built-in entries plus the case's own copies) */
  legal: LegalBasisEntry[]
  /** every item of the case, for numbers and names beside links and in the pickers */
  items: EvidenceItem[]
}

/**
 * The violations screen's data: shown once all three parts are in; `reload` after every change
 * (each one is a custody event the backend records). A link made from a viewer opened on this
 * screen, or an import, changes the case and so refetches it too.
 */
export function useViolations(): {
  data: ViolationsData | null
  failure: ApiError | null
  reload(): Promise<void>
} {
  const violations = useApi('violation:list', {})
  const legal = useApi('legal:list', {})
  const items = useApi('evidence:list', { sort: 'number', order: 'asc', limit: 50_000 })
  const data = useMemo(
    () =>
      violations.data && legal.data && items.data
        ? { violations: violations.data, legal: legal.data, items: items.data.items }
        : null,
    [violations.data, legal.data, items.data],
  )
  const { reload: reloadViolations } = violations
  const { reload: reloadLegal } = legal
  const { reload: reloadItems } = items
  const reload = useCallback(async () => {
    await Promise.all([reloadViolations(), reloadLegal(), reloadItems()])
  }, [reloadViolations, reloadLegal, reloadItems])
  return { data, failure: violations.error ?? legal.error ?? items.error, reload }
}
