import { useState } from 'react'
import { Button, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../error-alert'
import { asApiError } from '../../../lib/errors'

/**
 * Withdraws a citation (region, time range). A reason is required: withdrawing never deletes, it
 * is recorded with the reason in the custody log, so a reviewer sees why it no longer counts.
 */
export function WithdrawButton({ onWithdraw }: { onWithdraw(reason: string): Promise<void> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const submit = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await onWithdraw(reason.trim())
      setOpen(false)
      setReason('')
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)} data-testid="withdraw">
        {t('mediaViewer.common.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('mediaViewer.common.withdrawTitle')}
        okText={t('mediaViewer.common.withdraw')}
        cancelText={t('mediaViewer.common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {failure !== null && <ErrorAlert error={asApiError(failure)} />}
        <label className="media-field-label" htmlFor="withdraw-reason">
          {t('mediaViewer.common.withdrawReason')}
        </label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('mediaViewer.common.withdrawReasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="withdraw-reason"
        />
      </Modal>
    </>
  )
}
