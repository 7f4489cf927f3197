import { useState } from 'react'
import { App, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput } from '../../../../shared/api'
import { api } from '../../api'

/** The "what it proves" note every link carries; the test id is the field id. */
export function ProvesNoteField({
  id,
  value,
  onChange,
}: {
  id: string
  value: string
  onChange(v: string): void
}) {
  const { t } = useTranslation()
  return (
    <Form.Item label={t('violations:picker.note')} htmlFor={id}>
      <Input.TextArea
        id={id}
        value={value}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('violations:picker.notePlaceholder')}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      />
    </Form.Item>
  )
}

/**
 * Sends one 'violation:link' and reports it: a success message and `onDone`, or the error kept
 * for the form to show. Both ways of linking (from the violation, from a viewer) use it.
 */
export function useLinkEvidence(onDone: () => void) {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  async function link(input: ApiInput<'violation:link'>, successMessage: string) {
    setBusy(true)
    setFailure(null)
    try {
      await api.invoke('violation:link', { ...input, note: input.note.trim() })
      void message.success(successMessage)
      onDone()
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return { busy, failure, setFailure, link }
}
