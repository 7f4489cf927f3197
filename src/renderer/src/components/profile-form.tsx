import { useState } from 'react'
import { Button, Flex, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { profileSchema } from '../../../shared/api'
import type { ApiError } from '../../../shared/errors'
import type { Profile } from '../../../shared/types'
import { api } from '../api'
import {
  apiFieldErrors,
  asApiError,
  changedPaths,
  clearFieldErrors,
  issuesToFieldErrors,
  type FieldErrorMap,
} from '../lib/errors'
import { ErrorAlert } from './error-alert'
import { fieldStatus } from './field-status'

interface Props {
  initial: Profile | null
  onSaved(profile: Profile): void
  onCancel?: () => void
}

/** Name, 执法证号 and unit of the officer at the keyboard, checked with the backend's own schema. */
export function ProfileForm({ initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Profile>()
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit() {
    setFailure(null)
    const parsed = profileSchema.safeParse(form.getFieldsValue(true))
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues))
      return
    }
    setSaving(true)
    try {
      onSaved(await api.invoke('profile:save', parsed.data))
    } catch (err) {
      const error = asApiError(err)
      const fields = apiFieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ?? { name: '', certNo: '', unit: '' }}
      onValuesChange={(changed) => setErrors((e) => clearFieldErrors(e, changedPaths(changed)))}
      onFinish={submit}
      requiredMark
    >
      <Form.Item name="name" label={t('profile.name')} required {...fieldStatus(errors, 'name', t)}>
        <Input placeholder={t('profile.namePlaceholder')} autoFocus />
      </Form.Item>
      <Form.Item name="certNo" label={t('profile.certNo')} required {...fieldStatus(errors, 'certNo', t)}>
        <Input placeholder={t('profile.certNoPlaceholder')} />
      </Form.Item>
      <Form.Item name="unit" label={t('profile.unit')} required {...fieldStatus(errors, 'unit', t)}>
        <Input placeholder={t('profile.unitPlaceholder')} />
      </Form.Item>
      {failure && <ErrorAlert error={failure} className="form-alert" />}
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>{t('profile.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('profile.save')}
        </Button>
      </Flex>
    </Form>
  )
}
