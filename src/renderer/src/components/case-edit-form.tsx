import { App, Button, Card, Form, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { caseEditSchema, type CaseEdit } from '../../../shared/api'
import type { CaseInfo } from '../../../shared/types'
import { api } from '../api'
import { useCheckedForm } from '../hooks/use-checked-form'
import { CaseFieldsSections } from './case-fields-sections'
import { ErrorAlert } from './error-alert'

interface Props {
  info: CaseInfo
  onSaved(info: CaseInfo): void
  onCancel(): void
}

/** Editing the case record. The backend turns each changed field into its own custody event. */
export function CaseEditForm({ info, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { form, errors, failure, clearFailure, saving, onValuesChange, submit } = useCheckedForm<CaseEdit>(
    caseEditSchema,
    async (fields) => {
      const updated = await api.invoke('case:update', { fields })
      const added = updated.custodyEventCount - info.custodyEventCount
      if (added > 0) void message.success(t('overview.saved', { count: added }))
      else void message.info(t('overview.noChanges'))
      onSaved(updated)
    },
    'fields.',
  )

  return (
    <Card title={t('overview.caseDetails')} className="details-card" data-testid="case-edit-form">
      <Typography.Paragraph type="secondary">{t('overview.editHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          number: info.number,
          title: info.title,
          cause: info.cause,
          unit: info.unit,
          subject: info.subject,
          officers: info.officers,
        }}
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
      >
        <CaseFieldsSections errors={errors} />
        {failure && <ErrorAlert error={failure} onClose={clearFailure} className="form-alert" />}
        <div className="form-actions inline">
          <Button onClick={onCancel}>{t('overview.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-case">
            {saving ? t('overview.saving') : t('overview.save')}
          </Button>
        </div>
      </Form>
    </Card>
  )
}
