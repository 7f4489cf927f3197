import { useState, type ReactNode } from 'react'
import { App, Button, Modal, Typography } from 'antd'
import { useReadOnly } from '../state/read-only'
import { NoteField } from './viewers/common/note-save-fields'
import './reason-button.css'

export interface ReasonButtonTexts {
  label: string
  title: string
  /** the confirm button; the label when left out */
  ok?: string
  cancel: string
  reasonLabel: string
  reasonPlaceholder: string
}

interface Props {
  texts: ReasonButtonTexts
  /** what happens, in a sentence above the reason */
  hint?: string
  /** what is being withdrawn or unlinked, shown as user data */
  subject?: ReactNode
  /** a confirmation shown once it is done */
  successMessage?: string
  onConfirm(reason: string): Promise<unknown>
  /** the button's test id; the modal's parts get `<testId>-reason` and `<testId>-confirm` */
  testId: string
  size?: 'small' | 'middle'
  type?: 'link' | 'default'
}

/**
 * An action that looks destructive but never deletes (withdrawing a citation or a violation,
 * unlinking evidence): it asks for a reason, which the backend records in the custody log, so a
 * reviewer sees why something no longer counts. Hidden in reviewer mode, where nothing changes.
 */
export function ReasonButton({ texts, hint, subject, successMessage, onConfirm, testId, size, type }: Props) {
  const readOnly = useReadOnly()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  async function confirm() {
    setBusy(true)
    setFailure(null)
    try {
      await onConfirm(reason.trim())
      setOpen(false)
      setReason('')
      if (successMessage) void message.success(successMessage)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  if (readOnly) return null
  return (
    <>
      <Button
        size={size ?? 'small'}
        type={type ?? 'link'}
        danger
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {texts.label}
      </Button>
      <Modal
        open={open}
        title={texts.title}
        okText={texts.ok ?? texts.label}
        cancelText={texts.cancel}
        okButtonProps={{
          danger: true,
          disabled: !reason.trim(),
          loading: busy,
          ...{ 'data-testid': `${testId}-confirm` },
        }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        {subject && (
          <Typography.Paragraph className="reason-subject" data-user-data>
            {subject}
          </Typography.Paragraph>
        )}
        <NoteField
          look="reason"
          id={`${testId}-reason`}
          label={texts.reasonLabel}
          value={reason}
          onChange={setReason}
          failure={failure}
          maxLength={500}
          placeholder={texts.reasonPlaceholder}
        />
      </Modal>
    </>
  )
}
