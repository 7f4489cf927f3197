import { useState } from 'react'
import { App, Button, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../../lib/errors'
import { ErrorAlert } from '../../error-alert'

interface Props {
  /** what is being withdrawn, in words, shown above the reason */
  subject: string
  onWithdraw(reason: string): Promise<unknown>
  successMessage: string
}

/** Withdraws a citation; a reason is required because the withdrawal stays in the custody log. */
export function WithdrawButton({ subject, onWithdraw, successMessage }: Props) {
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
      void message.success(successMessage)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)} data-testid="withdraw">
        {t('docsViewer.common.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('docsViewer.common.withdrawTitle')}
        onCancel={() => setOpen(false)}
        okText={t('docsViewer.common.withdrawConfirm')}
        cancelText={t('docsViewer.common.cancel')}
        okButtonProps={{
          danger: true,
          disabled: !reason.trim(),
          loading: busy,
          ...{ 'data-testid': 'withdraw-confirm' },
        }}
        onOk={() => void confirm()}
        destroyOnHidden
      >
        <Typography.Paragraph className="docs-withdraw-subject" data-user-data>
          {subject}
        </Typography.Paragraph>
        <label className="docs-field">
          <span>{t('docsViewer.common.withdrawReason')}</span>
          <Input.TextArea
            aria-label={t('docsViewer.common.withdrawReason')}
            value={reason}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('docsViewer.common.withdrawReasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {failure !== null && <ErrorAlert error={asApiError(failure)} className="docs-alert" />}
      </Modal>
    </>
  )
}
