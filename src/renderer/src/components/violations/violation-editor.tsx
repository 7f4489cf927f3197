import { useMemo, useState } from 'react'
import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LegalBasisEntry, Violation, ViolationStatus } from '../../../../shared/violation-types'
import { VIOLATION_STATUSES } from '../../../../shared/violation-types'
import type { Subject } from '../../../../shared/types'
import { dayInZone, inForceOn } from '../../../../shared/legal-time'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { BasisLine, basisSearchText, shortLaw } from './legal-basis'
import { caseTimeInput, parseCaseTime } from './violation-time'
import { STATUS_TEXT } from './violation-text'

interface Values {
  title: string
  facts: string
  occurredFrom: string
  occurredTo: string
  place: string
  basis: string[]
  status: ViolationStatus
}

interface Props {
  /** null creates a new violation */
  violation: Violation | null
  legal: LegalBasisEntry[]
  /** the case's party, shown for a new violation (the backend fills it from the case) */
  caseSubject: Subject
  zone: string
  onClose(): void
  onSaved(v: Violation): void
}

/** The drawer where a violation is written or edited; every save is one custody event in the backend. */
export function ViolationEditor({ violation, legal, caseSubject, zone, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const byId = useMemo(() => new Map(legal.map((e) => [e.id, e])), [legal])
  const basis = Form.useWatch('basis', form) ?? violation?.basis ?? []
  const status = Form.useWatch('status', form) ?? violation?.status ?? 'draft'
  const fromInput =
    Form.useWatch('occurredFrom', form) ?? caseTimeInput(violation?.occurredFrom ?? null, zone)
  // the provisions in force on the day of the act; all of them while the act's time is unknown
  const actIso = parseCaseTime(fromInput ?? '', zone)
  const actDay = actIso && actIso !== 'invalid' ? dayInZone(actIso, zone) : null
  const subject = violation?.subject ?? caseSubject

  const initial: Values = {
    title: violation?.title ?? '',
    facts: violation?.facts ?? '',
    occurredFrom: caseTimeInput(violation?.occurredFrom ?? null, zone),
    occurredTo: caseTimeInput(violation?.occurredTo ?? null, zone),
    place: violation?.place ?? '',
    basis: violation?.basis ?? [],
    status: violation?.status ?? 'draft',
  }

  const timeRule = {
    validator: (_: unknown, value: string | undefined) =>
      parseCaseTime(value ?? '', zone) === 'invalid'
        ? Promise.reject(new Error(t('violations:timeInvalid')))
        : Promise.resolve(),
  }

  async function save(values: Values) {
    const from = parseCaseTime(values.occurredFrom ?? '', zone)
    const to = parseCaseTime(values.occurredTo ?? '', zone)
    if (from === 'invalid' || to === 'invalid') return
    if (from && to && Date.parse(to) < Date.parse(from)) {
      form.setFields([{ name: 'occurredTo', errors: [t('violations:timeOrder')] }])
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const saved = await api.invoke('violation:save', {
        ...(violation ? { id: violation.id } : {}),
        title: values.title.trim(),
        facts: (values.facts ?? '').trim(),
        occurredFrom: from,
        occurredTo: to,
        place: (values.place ?? '').trim(),
        basis: values.basis ?? [],
        status: values.status,
      })
      void message.success(t('violations:editor.saved'))
      onSaved(saved)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const offered = actDay ? legal.filter((e) => inForceOn(e, actDay) || basis.includes(e.id)) : legal
  const notInForce = actDay ? basis.filter((id) => byId.has(id) && !inForceOn(byId.get(id)!, actDay)) : []
  const options = offered.map((e) => ({
    value: e.id,
    search: basisSearchText(e),
    label: <BasisLine entry={e} compact />,
  }))

  return (
    <Drawer
      open
      size={620}
      title={
        violation
          ? t('violations:editor.editTitle', { number: violation.number })
          : t('violations:editor.newTitle')
      }
      onClose={onClose}
      destroyOnHidden
      className="vio-editor"
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('violations:editor.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="violation-save">
            {t('violations:editor.save')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="violation-editor">
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
          <Form.Item
            name="title"
            label={t('violations:fields.title')}
            rules={[{ required: true, whitespace: true, message: t('violations:titleRequired') }]}
          >
            <Input maxLength={200} data-testid="violation-title" />
          </Form.Item>
          <Form.Item name="facts" label={t('violations:fields.facts')}>
            <Input.TextArea
              maxLength={20_000}
              autoSize={{ minRows: 3, maxRows: 10 }}
              data-testid="violation-facts"
            />
          </Form.Item>
          <Typography.Paragraph type="secondary" className="vio-hint">
            {t('violations:timeHint', { zone })}
          </Typography.Paragraph>
          <Flex gap={12}>
            <Form.Item
              name="occurredFrom"
              label={t('violations:fields.occurredFrom')}
              rules={[timeRule]}
              className="vio-grow"
            >
              <Input
                placeholder={t('violations:timePlaceholder')}
                className="mono"
                data-testid="violation-from"
              />
            </Form.Item>
            <Form.Item
              name="occurredTo"
              label={t('violations:fields.occurredTo')}
              rules={[timeRule]}
              className="vio-grow"
            >
              <Input
                placeholder={t('violations:timePlaceholder')}
                className="mono"
                data-testid="violation-to"
              />
            </Form.Item>
          </Flex>
          <Form.Item name="place" label={t('violations:fields.place')}>
            <Input maxLength={300} data-testid="violation-place" />
          </Form.Item>
          <div className="vio-subject-box">
            <div className="vio-field-label">{t('violations:fields.subject')}</div>
            {subject.name ? (
              <div data-user-data data-testid="violation-subject">
                {subject.name} <span className="mono secondary">{subject.creditCode}</span>
              </div>
            ) : (
              <Typography.Text type="secondary">{t('violations:noSubject')}</Typography.Text>
            )}
            <Typography.Text type="secondary" className="small">
              {t('violations:subjectFromCase')}
            </Typography.Text>
          </div>
          <Typography.Paragraph type="secondary" className="vio-hint" data-testid="basis-in-force-hint">
            {actDay
              ? t('violations:basisInForce', { day: actDay, count: offered.length })
              : t('violations:basisAllTimes')}
          </Typography.Paragraph>
          <Form.Item name="basis" label={t('violations:fields.basis')}>
            <Select<string[]>
              mode="multiple"
              allowClear
              placeholder={t('violations:basisPlaceholder')}
              notFoundContent={t('violations:basisNoMatch')}
              options={options}
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
              }}
              tagRender={({ value, closable, onClose }) => {
                const e = byId.get(String(value))
                return (
                  <Tag closable={closable} onClose={onClose} className="vio-basis-tag" data-user-data>
                    {e ? `${shortLaw(e, i18n.language)} ${e.article}` : String(value)}
                  </Tag>
                )
              }}
              popupMatchSelectWidth
              data-testid="violation-basis"
            />
          </Form.Item>
          {notInForce.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="vio-alert"
              data-testid="basis-not-in-force"
              title={t('violations:basisNotInForce', {
                day: actDay,
                list: notInForce
                  .map((id) => `${shortLaw(byId.get(id)!, i18n.language)} ${byId.get(id)!.article}`)
                  .join('、'),
              })}
            />
          )}
          {basis.length > 0 && (
            <ol className="vio-basis-list" data-testid="editor-basis-list">
              {basis.map((id) => {
                const e = byId.get(id)
                return <li key={id}>{e ? <BasisLine entry={e} /> : <span data-user-data>{id}</span>}</li>
              })}
            </ol>
          )}
          <Form.Item name="status" label={t('violations:fields.status')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="violation-status">
              {VIOLATION_STATUSES.map((s) => (
                <Radio.Button key={s} value={s} disabled={s === 'transferred' && basis.length === 0}>
                  {t(STATUS_TEXT[s])}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {status !== 'transferred' && basis.length === 0 && (
            <Alert type="info" showIcon title={t('violations:transferredNeedsBasis')} className="vio-alert" />
          )}
          {failure !== null && <ErrorAlert error={asApiError(failure)} className="vio-alert" />}
        </Form>
      </div>
    </Drawer>
  )
}
