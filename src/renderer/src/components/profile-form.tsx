import { Button, Flex, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { profileSchema } from '../../../shared/api'
import type { Profile } from '../../../shared/types'
import { api } from '../api'
import { useCheckedForm } from '../hooks/use-checked-form'
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
  const { form, errors, failure, saving, onValuesChange, submit } = useCheckedForm<Profile>(
    profileSchema,
    async (profile) => onSaved(await api.invoke('profile:save', profile)),
  )

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ?? { name: '', certNo: '', unit: '' }}
      onValuesChange={onValuesChange}
      onFinish={() => void submit()}
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
