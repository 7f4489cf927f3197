import { useTranslation } from 'react-i18next'
import { ReasonButton } from '../../reason-button'

interface Props {
  onWithdraw(reason: string): Promise<unknown>
  /** what is being withdrawn, in words, shown above the reason */
  subject?: string
  /** a confirmation shown once it is done */
  successMessage?: string
}

/**
 * Withdraws a citation (region, time range, quote, data range). Withdrawing never deletes: the
 * reason goes into the custody log. One component for every viewer.
 */
export function WithdrawButton({ onWithdraw, subject, successMessage }: Props) {
  const { t } = useTranslation()
  return (
    <ReasonButton
      texts={{
        label: t('viewer:withdraw'),
        title: t('viewer:withdrawTitle'),
        ok: t('viewer:withdrawConfirm'),
        cancel: t('viewer:cancel'),
        reasonLabel: t('viewer:withdrawReason'),
        reasonPlaceholder: t('viewer:withdrawReasonPlaceholder'),
      }}
      subject={subject}
      successMessage={successMessage}
      onConfirm={onWithdraw}
      testId="withdraw"
    />
  )
}
