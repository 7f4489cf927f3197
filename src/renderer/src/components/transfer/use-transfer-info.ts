import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { TransferInfo } from '../../../../shared/transfer-types'
import { api, onApiEvent } from '../../api'
import { asApiError } from '../../lib/errors'

/** What the transfer needs beyond violations, as the backend holds it; refetched on every case change. */
export function useTransferInfo(): { info: TransferInfo | null; failure: ApiError | null; reload(): void } {
  const [info, setInfo] = useState<TransferInfo | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const reload = useCallback(
    () =>
      void api.invoke('transfer:info', {}).then(
        (i) => {
          setInfo(i)
          setFailure(null)
        },
        (e: unknown) => setFailure(asApiError(e)),
      ),
    [],
  )
  useEffect(() => {
    reload()
    return onApiEvent('case:changed', reload)
  }, [reload])
  return { info, failure, reload }
}
