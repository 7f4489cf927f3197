import { useState } from 'react'
import { Form, Input, Modal, Radio, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LegalBasisInput } from '../../../../shared/api'
import { TRANSFER_KINDS, type LegalBasisEntry } from '../../../../shared/violation-types'
import { api } from '../../api'
import { apiFieldErrors, asApiError, type FieldErrorMap } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { fieldStatus } from '../field-status'
import { basisSearchText, shortLaw } from './legal-basis'
import { LOCAL_FIELD_TEXT, ROLE_TEXT, TRANSFER_KIND_TEXT } from './violation-text'

interface Props {
  legal: LegalBasisEntry[]
  onClose(): void
  onAdded(entry: LegalBasisEntry): void
}

const EMPTY: LegalBasisInput = {
  id: 'local-',
  law: '',
  lawEn: '',
  article: '',
  text: '',
  act: '',
  actEn: '',
  role: 'prohibition',
  pairsWith: [],
  transferKind: 'none',
}

/**
 * An officer's own provision (a local regulation, a newer interpretation). It lives only in this
 * case, is recorded in the custody log, and can then be cited like a built-in one.
 */
export function LocalBasisModal({ legal, onClose, onAdded }: Props) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<LegalBasisInput>()
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<unknown>(null)

  async function submit() {
    const values = { ...EMPTY, ...form.getFieldsValue() }
    setBusy(true)
    setFailure(null)
    try {
      const entry = await api.invoke('legal:addLocal', {
        ...values,
        id: values.id.trim().toLowerCase(),
        pairsWith: values.pairsWith ?? [],
      })
      onAdded(entry)
    } catch (e) {
      const error = asApiError(e)
      const fields = apiFieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const item = (name: keyof LegalBasisInput, required = false) => ({
    name,
    label: t(LOCAL_FIELD_TEXT[name]),
    required,
    ...fieldStatus(errors, name, t),
  })

  return (
    <Modal
      open
      width={680}
      title={t('violations:local.title')}
      okText={t('violations:local.submit')}
      cancelText={t('violations:cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'local-basis-submit' } }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="local-basis-form">
        <Form
          form={form}
          layout="vertical"
          initialValues={EMPTY}
          onValuesChange={(changed) => {
            const next = { ...errors }
            for (const k of Object.keys(changed)) delete next[k]
            setErrors(next)
          }}
        >
          <Form.Item {...item('id', true)} extra={t('violations:local.idHint')}>
            <Input maxLength={64} data-testid="local-basis-id" />
          </Form.Item>
          <Form.Item {...item('law', true)}>
            <Input maxLength={200} placeholder="《××省大气污染防治条例》" data-testid="local-basis-law" />
          </Form.Item>
          <Form.Item {...item('article', true)}>
            <Input maxLength={100} placeholder="第十二条第一款" data-testid="local-basis-article" />
          </Form.Item>
          <Form.Item {...item('text')}>
            <Input.TextArea
              maxLength={5000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="local-basis-text"
            />
          </Form.Item>
          <Form.Item {...item('act', true)}>
            <Input maxLength={500} data-testid="local-basis-act" />
          </Form.Item>
          <Form.Item {...item('role', true)}>
            <Radio.Group>
              {(['prohibition', 'penalty', 'criminal-threshold'] as const).map((r) => (
                <Radio.Button key={r} value={r}>
                  {t(ROLE_TEXT[r])}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item {...item('pairsWith')}>
            <Select<string[]>
              mode="multiple"
              allowClear
              options={legal.map((e) => ({
                value: e.id,
                search: basisSearchText(e),
                label: `${shortLaw(e, i18n.language)} ${e.article}`,
              }))}
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item {...item('transferKind')}>
            <Radio.Group data-testid="local-basis-transfer-kind">
              {TRANSFER_KINDS.map((k) => (
                <Radio key={k} value={k}>
                  {t(TRANSFER_KIND_TEXT[k])}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item {...item('lawEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item {...item('actEn')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
        {failure !== null && <ErrorAlert error={asApiError(failure)} className="vio-alert" />}
      </div>
    </Modal>
  )
}
