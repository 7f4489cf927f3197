import { useCallback, useMemo } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { TransferDocument } from '../../../../shared/violation-types'
import { useApi } from '../../hooks/use-api'

export interface TransferData {
  documents: TransferDocument[]
  /** violation numbers by id, so problems can name the violation in either language */
  violationNumbers: Record<string, string>
}

/**
 * The five documents as the backend builds them now; `reload` after every edit. Links,
 * violations and imports change what the documents say, and refetch them.
 */
export function useTransferDocuments(): {
  data: TransferData | null
  failure: ApiError | null
  reload(): Promise<void>
} {
  const documents = useApi('documents:list', {})
  // without the numbers a problem names its violation by id: worse, but not a failure
  const violations = useApi('violation:list', {})
  const numbersSettled = violations.data !== undefined || violations.error !== null
  const data = useMemo(
    () =>
      documents.data && numbersSettled
        ? {
            documents: documents.data,
            violationNumbers: Object.fromEntries((violations.data ?? []).map((v) => [v.id, v.number])),
          }
        : null,
    [documents.data, numbersSettled, violations.data],
  )
  const { reload: reloadDocuments } = documents
  const { reload: reloadViolations } = violations
  const reload = useCallback(async () => {
    await Promise.all([reloadDocuments(), reloadViolations()])
  }, [reloadDocuments, reloadViolations])
  return { data, failure: documents.error, reload }
}
