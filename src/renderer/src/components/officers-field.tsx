import { Button, Form, Input, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { FieldErrorMap } from '../lib/errors'
import { fieldStatus } from './field-status'

/** The officer rows (name + 执法证号), with add/remove; list-level errors (fewer than two) show under the rows. */
export function OfficersField({ errors }: { errors: FieldErrorMap }) {
  const { t } = useTranslation()
  const listError = fieldStatus(errors, 'officers', t).help
  return (
    <Form.List name="officers">
      {(fields, { add, remove }) => (
        <div className="officers" data-testid="officers-field">
          <div className="officer-row officer-head" aria-hidden>
            <span />
            <Typography.Text type="secondary">
              <span className="required-mark">*</span>
              {t('caseForm.officerName')}
            </Typography.Text>
            <Typography.Text type="secondary">
              <span className="required-mark">*</span>
              {t('caseForm.officerCertNo')}
            </Typography.Text>
            <span />
          </div>
          {fields.map((field, i) => {
            const row = t('caseForm.officerRow', { n: i + 1 })
            return (
              <div className="officer-row" key={field.key} data-testid="officer-row">
                <span className="officer-index">{i + 1}</span>
                <Form.Item name={[field.name, 'name']} {...fieldStatus(errors, `officers.${i}.name`, t)}>
                  <Input aria-label={`${row} ${t('caseForm.officerName')}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'certNo']} {...fieldStatus(errors, `officers.${i}.certNo`, t)}>
                  <Input aria-label={`${row} ${t('caseForm.officerCertNo')}`} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`${row} ${t('caseForm.removeOfficer')}`}
                  title={t('caseForm.removeOfficer')}
                  onClick={() => remove(field.name)}
                />
              </div>
            )
          })}
          {listError && (
            <div className="ant-form-item-explain-error list-error" role="alert" data-field-error="officers">
              {listError}
            </div>
          )}
          <Typography.Paragraph type="secondary" className="officers-hint">
            {t('caseForm.officersHint')}
          </Typography.Paragraph>
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', certNo: '' })}>
            {t('caseForm.addOfficer')}
          </Button>
        </div>
      )}
    </Form.List>
  )
}
