import { useEffect, useState } from 'react'
import { App, Alert, Button, Card, Form, Input, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import { dayInZone, lawChanges } from '../../../../shared/legal-time'
import type { LawChoice } from '../../../../shared/transfer-types'
import type { LegalBasisEntry, Violation } from '../../../../shared/violation-types'
import { api, onApiEvent } from '../../api'
import { asApiError } from '../../lib/errors'
import { UserValue } from '../../lib/interpolate-nodes'
import { ErrorAlert } from '../error-alert'
import { shortLaw } from './legal-basis'
import { LAW_CHOSEN_TEXT } from './violation-text'

interface Props {
  violation: Violation
  legal: LegalBasisEntry[]
  zone: string
  readOnly: boolean
  onChanged(): void
}

/**
 * 从旧兼从轻: shown when the violation's act and today's decision fall on opposite sides of a
 * change in what it cites. Both sets are shown; the officer picks one and says why, and the
 * choice goes on the custody record (choosing the new law cites the counterparts instead).
 */
export function LawChoiceCard({ violation: v, legal, zone, readOnly, onChanged }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [choices, setChoices] = useState<LawChoice[]>([])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [form] = Form.useForm<{ chosen: 'old' | 'new'; reason: string }>()
  const byId = new Map(legal.map((e) => [e.id, e]))
  const actDay = v.occurredFrom ? dayInZone(v.occurredFrom, zone) : null
  const today = dayInZone(new Date(), zone)
  const cited = v.basis.map((id) => byId.get(id)).filter((e): e is LegalBasisEntry => e !== undefined)
  const changes = actDay ? lawChanges(cited, (id) => byId.get(id), actDay, today) : []
  const latest = [...choices].reverse().find((c) => c.violationId === v.id) ?? null
  const cite = (e: LegalBasisEntry) => `${shortLaw(e, i18n.language)} ${e.article}`

  useEffect(() => {
    if (changes.length === 0 && !latest) return
    let live = true
    const load = () =>
      void api.invoke('transfer:info', {}).then(
        (info) => live && setChoices(info.lawChoices),
        () => undefined,
      )
    load()
    const off = onApiEvent('case:changed', load)
    return () => {
      live = false
      off()
    }
    // the violation's basis and time decide whether there is anything to choose
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.id, v.basis.join(','), v.occurredFrom])

  if (changes.length === 0 && !latest) return null

  async function save(values: { chosen: 'old' | 'new'; reason: string }) {
    setBusy(true)
    setFailure(null)
    try {
      await api.invoke('violation:lawChoice', {
        violationId: v.id,
        chosen: values.chosen,
        reason: values.reason.trim(),
        decidedOn: today,
      })
      void message.success(t('violations:lawChoice.saved'))
      form.resetFields()
      onChanged()
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('violations:lawChoice.title')} data-testid="law-choice">
      {changes.length > 0 && (
        <Alert
          type={latest && latest.chosen === 'old' ? 'info' : 'warning'}
          showIcon
          className="vio-alert"
          title={t('violations:lawChoice.changed', { act: actDay, today })}
          description={
            <ul className="vio-law-changes" data-testid="law-changes">
              {changes.map((c) => (
                <li key={c.old.id} data-user-data>
                  {cite(c.old)} → {c.replacements.map(cite).join('、')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {latest && (
        <div className="vio-law-recorded" data-testid="law-choice-recorded">
          <div>{t(LAW_CHOSEN_TEXT[latest.chosen], { day: latest.decidedOn })}</div>
          <div>
            {t('violations:lawChoice.recordedBy')} <UserValue>{latest.recordedBy.name}</UserValue>
          </div>
          <div>
            {t('violations:lawChoice.reasonLabel')} <UserValue>{latest.reason}</UserValue>
          </div>
        </div>
      )}
      {!readOnly && changes.length > 0 && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          initialValues={{ chosen: 'old' }}
        >
          <Form.Item name="chosen" label={t('violations:lawChoice.rule')}>
            <Radio.Group data-testid="law-choice-option">
              <Radio value="old">{t('violations:lawChoice.old')}</Radio>
              <Radio value="new">{t('violations:lawChoice.new')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('violations:lawChoice.reason')}
            rules={[{ required: true, whitespace: true, message: t('violations:lawChoice.reasonRequired') }]}
          >
            <Input.TextArea
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              data-testid="law-choice-reason"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="law-choice-save">
            {t('violations:lawChoice.save')}
          </Button>
        </Form>
      )}
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="vio-alert" />}
    </Card>
  )
}
