import { useEffect, useState } from 'react'
import { App, Button, Card, Flex, Form, Input, Radio, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TransferFieldsInput } from '../../../../shared/api'
import { residentIdProblem } from '../../../../shared/resident-id'
import { KEY_UNIT_STATUSES, SUSPECT_ROLES, type TransferCaseFields } from '../../../../shared/transfer-types'
import { api } from '../../api'
import { apiFieldErrors, asApiError, type FieldErrorMap } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { fieldStatus } from '../field-status'
import { CASE_FIELD_TEXT, KEY_UNIT_TEXT, SUSPECT_ROLE_TEXT } from './transfer-info-text'

/** 立案日期, 排污许可证编号, 重点排污单位 and its source, and the persons; each save is one custody event. */
export function CaseFieldsCard({ fields, readOnly }: { fields: TransferCaseFields; readOnly: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<TransferFieldsInput>()
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => form.setFieldsValue(fields), [fields, form])

  async function save() {
    const values = { ...fields, ...form.getFieldsValue() }
    // the check digit is checked here too, so the officer sees it before anything is sent
    const local: FieldErrorMap = {}
    ;(values.suspects ?? []).forEach((s, i) => {
      const p = residentIdProblem(s?.idNumber ?? '')
      if (p) local[`suspects.${i}.idNumber`] = `resident-id-${p}`
    })
    setErrors(local)
    if (Object.keys(local).length) return
    setBusy(true)
    setFailure(null)
    try {
      await api.invoke('transfer:saveFields', {
        filedOn: values.filedOn ?? '',
        permitNumber: values.permitNumber ?? '',
        keyUnit: values.keyUnit,
        keyUnitSource: values.keyUnitSource ?? '',
        suspects: (values.suspects ?? []).map((s) => ({ ...s, position: s.position ?? '' })),
      })
      void message.success(t('transfer:info.saved'))
    } catch (e) {
      const fieldErrors = apiFieldErrors(asApiError(e))
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length === 0) setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const item = (name: keyof typeof CASE_FIELD_TEXT) => ({
    label: t(CASE_FIELD_TEXT[name]),
    ...fieldStatus(errors, name, t),
  })
  return (
    <Card size="small" title={t('transfer:info.caseTitle')} data-testid="transfer-case-fields">
      <Form form={form} layout="vertical" initialValues={fields} disabled={readOnly}>
        <Flex gap={12} wrap>
          <Form.Item name="filedOn" {...item('filedOn')} className="transfer-grow">
            <Input placeholder="2026-05-25" className="mono" data-testid="transfer-filed-on" />
          </Form.Item>
          <Form.Item name="permitNumber" {...item('permitNumber')} className="transfer-grow">
            <Input maxLength={60} className="mono" data-testid="transfer-permit" />
          </Form.Item>
        </Flex>
        <Form.Item name="keyUnit" {...item('keyUnit')}>
          <Radio.Group data-testid="transfer-key-unit">
            {KEY_UNIT_STATUSES.map((k) => (
              <Radio key={k} value={k}>
                {t(KEY_UNIT_TEXT[k])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="keyUnitSource" {...item('keyUnitSource')}>
          <Input
            maxLength={300}
            placeholder={t('transfer:info.keyUnitSourceHint')}
            data-testid="transfer-key-unit-source"
          />
        </Form.Item>
        <div className="transfer-field-label">{t('transfer:info.fields.suspects')}</div>
        <Form.List name="suspects">
          {(list, { add, remove }) => (
            <>
              {list.map(({ key, name }) => (
                <Space
                  key={key}
                  align="start"
                  wrap
                  className="transfer-suspect"
                  data-testid={`transfer-suspect-${name}`}
                >
                  <Form.Item name={[name, 'name']} {...fieldStatus(errors, `suspects.${name}.name`, t)}>
                    <Input
                      placeholder={t('transfer:info.suspect.name')}
                      maxLength={50}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'idNumber']}
                    {...fieldStatus(errors, `suspects.${name}.idNumber`, t)}
                  >
                    <Input
                      placeholder={t('transfer:info.suspect.idNumber')}
                      maxLength={18}
                      className="mono"
                      style={{ width: 200 }}
                      data-testid={`transfer-suspect-id-${name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'role']} initialValue="manager">
                    <Select
                      style={{ width: 170 }}
                      options={SUSPECT_ROLES.map((r) => ({ value: r, label: t(SUSPECT_ROLE_TEXT[r]) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'position']}>
                    <Input
                      placeholder={t('transfer:info.suspect.position')}
                      maxLength={100}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  {!readOnly && (
                    <MinusCircleOutlined className="transfer-remove" onClick={() => remove(name)} />
                  )}
                </Space>
              ))}
              {!readOnly && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', idNumber: '', role: 'manager', position: '' })}
                  data-testid="transfer-add-suspect"
                >
                  {t('transfer:info.suspect.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        {!readOnly && (
          <Flex justify="end">
            <Button
              type="primary"
              loading={busy}
              onClick={() => void save()}
              data-testid="transfer-fields-save"
            >
              {t('transfer:info.save')}
            </Button>
          </Flex>
        )}
      </Form>
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="form-alert" />}
    </Card>
  )
}
