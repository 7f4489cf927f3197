import { useState } from 'react'
import { App, Button, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../../lib/errors'
import { ErrorAlert } from '../../error-alert'

interface Props {
  onWithdraw(reason: string): Promise<unknown>
  /** what is being withdrawn, in words, shown above the reason */
  subject?: string
  /** a confirmation shown once it is done */
  successMessage?: string
}

/**
 * Withdraws a citation (region, time range, quote, data range). A reason is required:
 * withdrawing never deletes, it is recorded with the reason in the custody log, so a reviewer
 * sees why it no longer counts. One component for every viewer.
 */
export function WithdrawButton({ onWithdraw, subject, successMessage }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  async function confirm() {
    setBusy(true)
    setFailure(null)
    try {
      await onWithdraw(reason.trim())
      setOpen(false)
      setReason('')
      if (successMessage) void message.success(successMessage)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)} data-testid="withdraw">
        {t('viewer.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('viewer.withdrawTitle')}
        okText={t('viewer.withdrawConfirm')}
        cancelText={t('viewer.cancel')}
        okButtonProps={{
          danger: true,
          disabled: !reason.trim(),
          loading: busy,
          ...{ 'data-testid': 'withdraw-confirm' },
        }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {subject && (
          <Typography.Paragraph className="docs-withdraw-subject" data-user-data>
            {subject}
          </Typography.Paragraph>
        )}
        <label className="media-field-label" htmlFor="withdraw-reason">
          {t('viewer.withdrawReason')}
        </label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('viewer.withdrawReasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="withdraw-reason"
        />
        {failure !== null && <ErrorAlert error={asApiError(failure)} />}
      </Modal>
    </>
  )
}
