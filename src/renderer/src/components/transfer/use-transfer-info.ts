import type { ApiError } from '../../../../shared/errors'
import type { TransferInfo } from '../../../../shared/transfer-types'
import { useApi } from '../../hooks/use-api'

/** What the transfer needs beyond violations, as the backend holds it; refetched on every case change. */
export function useTransferInfo(): { info: TransferInfo | null; failure: ApiError | null; reload(): void } {
  const { data, error, reload } = useApi('transfer:info', {})
  return { info: data ?? null, failure: error, reload: () => void reload() }
}
