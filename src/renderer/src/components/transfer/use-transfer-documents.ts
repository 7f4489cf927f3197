import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { TransferDocument, Violation } from '../../../../shared/violation-types'
import { api, onApiEvent } from '../../api'
import { asApiError } from '../../lib/errors'

export interface TransferData {
  documents: TransferDocument[]
  /** violation numbers by id, so problems can name the violation in either language */
  violationNumbers: Record<string, string>
}

async function load(): Promise<TransferData> {
  const [documents, violations] = await Promise.all([
    api.invoke('documents:list', {}),
    api.invoke('violation:list', {}).catch((): Violation[] => []),
  ])
  return { documents, violationNumbers: Object.fromEntries(violations.map((v) => [v.id, v.number])) }
}

/** The five documents as the backend builds them now; `reload` after every edit. */
export function useTransferDocuments(): {
  data: TransferData | null
  failure: ApiError | null
  reload(): Promise<void>
} {
  const [data, setData] = useState<TransferData | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)

  const reload = useCallback(
    () =>
      load().then(
        (d) => {
          setData(d)
          setFailure(null)
        },
        (e: unknown) => setFailure(asApiError(e)),
      ),
    [],
  )

  useEffect(() => {
    let live = true
    const refresh = () =>
      void load().then(
        (d) => {
          if (!live) return
          setData(d)
          setFailure(null)
        },
        (e: unknown) => live && setFailure(asApiError(e)),
      )
    refresh()
    // links, violations and imports change what the documents say
    const off = onApiEvent('case:changed', refresh)
    return () => {
      live = false
      off()
    }
  }, [])

  return { data, failure, reload }
}
