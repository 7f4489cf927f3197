import { useState } from 'react'
import { App, Form, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { apiFieldErrors, asApiError, type FieldErrorMap } from '../../lib/errors'
import { ReasonButton } from '../reason-button'

/**
 * The add form of a transfer list (附件, 涉案物品): on success the form empties and says so; a
 * refusal naming fields shows next to them, any other failure in the card's alert.
 */
export function useListAddForm<T extends object>(
  submit: (values: Partial<T>) => Promise<unknown>,
): { form: FormInstance<T>; errors: FieldErrorMap; failure: unknown; add(): Promise<void> } {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<T>()
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<unknown>(null)
  async function add() {
    setFailure(null)
    try {
      await submit(form.getFieldsValue() as Partial<T>)
      setErrors({})
      form.resetFields()
      void message.success(t('transfer:info.saved'))
    } catch (e) {
      const fields = apiFieldErrors(asApiError(e))
      setErrors(fields)
      if (Object.keys(fields).length === 0) setFailure(e)
    }
  }
  return { form, errors, failure, add }
}

/** The last column of a transfer list: take the entry off with a reason (a custody event). */
export function removeEntryColumn<R extends { id: string }>(opts: {
  subject(row: R): string
  testId(row: R): string
  remove(row: R, reason: string): Promise<unknown>
}) {
  return {
    title: '',
    width: 70,
    render: (_: unknown, row: R) => <RemoveEntryButton row={row} {...opts} />,
  }
}

function RemoveEntryButton<R extends { id: string }>({
  row,
  subject,
  testId,
  remove,
}: {
  row: R
  subject(row: R): string
  testId(row: R): string
  remove(row: R, reason: string): Promise<unknown>
}) {
  const { t } = useTranslation()
  return (
    <ReasonButton
      texts={{
        label: t('transfer:info.remove'),
        title: t('transfer:info.removeTitle'),
        cancel: t('transfer:info.cancel'),
        reasonLabel: t('transfer:info.reason'),
        reasonPlaceholder: t('transfer:info.reasonPlaceholder'),
      }}
      subject={subject(row)}
      testId={testId(row)}
      size="small"
      type="link"
      onConfirm={(reason) => remove(row, reason)}
    />
  )
}
