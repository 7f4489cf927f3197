import { useState } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { api } from '../api'
import { asApiError } from '../lib/errors'
import { useSession } from '../state/session'

/** Runs `case:check`, reports the verdict, and refreshes the case so every badge shows the new state. */
export function useIntegrityCheck(): {
  run: () => Promise<void>
  running: boolean
  failure: ApiError | null
  clearFailure: () => void
} {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { setCase } = useSession()
  const [running, setRunning] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)

  async function run() {
    setRunning(true)
    setFailure(null)
    try {
      const result = await api.invoke('case:check', {})
      if (result.ok) {
        void message.success(
          t('integrity.resultOk', { objects: result.objects.checked, events: result.custody.events }),
        )
      } else {
        const chain = result.custody.intact
          ? t('integrity.chainIntact')
          : t('integrity.chainBroken', { seq: result.custody.firstBadSeq })
        void message.error(t('integrity.resultBad', { bad: result.objects.bad.length, chain }), 8)
      }
      const refreshed = await api.invoke('case:current', {})
      if (refreshed) setCase(refreshed)
    } catch (err) {
      setFailure(asApiError(err))
    } finally {
      setRunning(false)
    }
  }

  return { run, running, failure, clearFailure: () => setFailure(null) }
}
