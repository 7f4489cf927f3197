import { useState } from 'react'
import { App, AutoComplete, Button, Input, Modal, Select, Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  checkInWords,
  deviceKey,
  deviceName,
  isCheckedAt,
  MAX_CLOCK_OFFSET_MS,
  offsetInWords,
  parseClockOffset,
} from '../../../../shared/clock-offset'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { formatInZone } from '../../lib/time'
import { useCan } from '../../state/read-only'
import { useCurrentCase } from '../../state/session'
import { asLanguage } from '../../i18n'
import { NoteField } from '../viewers/common/note-save-fields'
import '../reason-button.css'

/**
 * The recorded and the corrected capture time side by side, both in the case zone with the offset:
 * "记录时间 04:03:13 · 校正后 04:00:01（设备快 3分12秒，2021年5月24日与北京时间核对）". Null when the item's
 * device has no offset recorded.
 */
export function CorrectedTime({ item }: { item: EvidenceItem }) {
  const { t, i18n } = useTranslation()
  const { timezone } = useCurrentCase()
  const clock = item.clock
  if (!clock || !item.capturedAt || !clock.correctedAt) return null
  const lang = asLanguage(i18n.language)
  return (
    <span className="corrected-time" data-testid="corrected-time">
      <span>
        <Typography.Text type="secondary" className="small">
          {t('clock:recorded')}
        </Typography.Text>{' '}
        <span className="mono nowrap" data-testid="recorded-instant">
          {formatInZone(item.capturedAt, timezone)}
        </span>
      </span>
      <span>
        <Typography.Text type="secondary" className="small">
          {t('clock:corrected')}
        </Typography.Text>{' '}
        <strong className="mono nowrap" data-testid="corrected-instant">
          {formatInZone(clock.correctedAt, timezone)}
        </strong>
      </span>
      <Tooltip title={t('clock:noteTitle', { name: clock.offset.setBy.name, reason: clock.offset.reason })}>
        <Typography.Text type="secondary" className="small" data-user-data data-testid="corrected-note">
          {t('clock:note', {
            offset: offsetInWords(clock.offset.offsetMs, lang),
            check: checkInWords(clock.offset, lang, timezone),
          })}
        </Typography.Text>
      </Tooltip>
    </span>
  )
}

/**
 * The device's offset, and the controls to record, change or remove it (a reason required, a
 * custody event each), under the device in the details panel. The controls are hidden where the
 * case cannot change (reviewer mode); the offset in force is shown there too.
 */
export function DeviceClock({ item }: { item: EvidenceItem }) {
  const { t, i18n } = useTranslation()
  const { timezone } = useCurrentCase()
  const canSet = useCan('clock:set')
  const [mode, setMode] = useState<'set' | 'remove' | null>(null)
  const key = deviceKey(item.device)
  if (!key) return null
  const offset = item.clock?.offset ?? null
  const lang = asLanguage(i18n.language)
  const name = deviceName(item.device) ?? key
  return (
    <div className="device-clock" data-testid="device-clock">
      {offset && (
        <div className="small" data-testid="device-clock-offset" data-user-data>
          {t('clock:offsetLine', {
            offset: offsetInWords(offset.offsetMs, lang),
            check: checkInWords(offset, lang, timezone),
          })}
        </div>
      )}
      {canSet && (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setMode('set')} data-testid="clock-set">
            {offset ? t('clock:change') : t('clock:set')}
          </Button>
          {offset && (
            <Button
              size="small"
              type="link"
              danger
              onClick={() => setMode('remove')}
              data-testid="clock-remove"
            >
              {t('clock:remove')}
            </Button>
          )}
        </Space>
      )}
      {mode === 'set' && (
        <ClockOffsetModal
          deviceKey={key}
          title={t(offset ? 'clock:changeTitle' : 'clock:setTitle', { device: name })}
          initial={offset}
          onClose={() => setMode(null)}
        />
      )}
      {mode === 'remove' && (
        <RemoveClockModal
          deviceKey={key}
          title={t('clock:removeTitle', { device: name })}
          onClose={() => setMode(null)}
        />
      )}
    </div>
  )
}

/** "3分12秒" back from milliseconds, for the form's amount when changing an offset. */
function amountText(ms: number): string {
  const abs = Math.abs(ms)
  const m = Math.floor(abs / 60_000)
  const s = (abs % 60_000) / 1000
  return `${m ? `${m}m` : ''}${s || !m ? `${s}s` : ''}`
}

function ClockOffsetModal({
  deviceKey: key,
  title,
  initial,
  onClose,
}: {
  deviceKey: string
  title: string
  initial: { offsetMs: number; checkedAt: string; against: string } | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const [fast, setFast] = useState(initial ? initial.offsetMs >= 0 : true)
  const [amount, setAmount] = useState(initial ? amountText(initial.offsetMs) : '')
  const [checkedAt, setCheckedAt] = useState(initial?.checkedAt ?? '')
  const [against, setAgainst] = useState(initial?.against ?? t('clock:references.beijing'))
  const [reason, setReason] = useState('')
  const { busy, failure, submit } = useClockSubmit(onClose)

  const parsed = /^[+-]/.test(amount.trim()) ? null : parseClockOffset(amount)
  const amountOk = parsed !== null && Math.abs(parsed) <= MAX_CLOCK_OFFSET_MS
  const checkedOk = isCheckedAt(checkedAt.trim())
  const ready = amountOk && checkedOk && against.trim() !== '' && reason.trim() !== ''

  async function save() {
    if (!amountOk) return
    await submit('clock:saved', () =>
      api.invoke('clock:set', {
        device: key,
        offsetMs: fast ? parsed : -parsed,
        checkedAt: checkedAt.trim(),
        against: against.trim(),
        reason: reason.trim(),
      }),
    )
  }

  return (
    <Modal
      open
      title={title}
      okText={t('clock:save')}
      cancelText={t('clock:cancel')}
      okButtonProps={{ disabled: !ready, loading: busy, ...{ 'data-testid': 'clock-save' } }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('clock:hint')}</Typography.Paragraph>
      <label className="reason-label" htmlFor="clock-amount">
        {t('clock:direction')}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={fast ? 'fast' : 'slow'}
          onChange={(v) => setFast(v === 'fast')}
          options={[
            { value: 'fast', label: t('clock:fast') },
            { value: 'slow', label: t('clock:slow') },
          ]}
          style={{ width: 96 }}
          data-testid="clock-direction"
        />
        <Input
          id="clock-amount"
          value={amount}
          status={amount && !amountOk ? 'error' : undefined}
          placeholder={t('clock:amountPlaceholder')}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="clock-amount"
        />
      </Space.Compact>
      {amount && !amountOk && (
        <Typography.Text type="danger" className="small">
          {t('clock:amountInvalid')}
        </Typography.Text>
      )}
      <label className="reason-label" htmlFor="clock-checked">
        {t('clock:checkedAt')}
      </label>
      <Input
        id="clock-checked"
        value={checkedAt}
        status={checkedAt && !checkedOk ? 'error' : undefined}
        placeholder={t('clock:checkedAtPlaceholder')}
        onChange={(e) => setCheckedAt(e.target.value)}
        data-testid="clock-checked"
      />
      {checkedAt && !checkedOk && (
        <Typography.Text type="danger" className="small">
          {t('clock:checkedAtInvalid')}
        </Typography.Text>
      )}
      <label className="reason-label" htmlFor="clock-against">
        {t('clock:against')}
      </label>
      <AutoComplete
        id="clock-against"
        value={against}
        onChange={setAgainst}
        options={[t('clock:references.beijing'), t('clock:references.ntsc'), t('clock:references.gps')].map(
          (value) => ({ value }),
        )}
        placeholder={t('clock:againstPlaceholder')}
        style={{ width: '100%' }}
        data-testid="clock-against"
      />
      <NoteField
        look="reason"
        id="clock-reason"
        label={t('clock:reason')}
        value={reason}
        onChange={setReason}
        failure={failure}
        maxLength={500}
        placeholder={t('clock:reasonPlaceholder')}
      />
    </Modal>
  )
}

function RemoveClockModal({
  deviceKey: key,
  title,
  onClose,
}: {
  deviceKey: string
  title: string
  onClose(): void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const { busy, failure, submit } = useClockSubmit(onClose)

  async function remove() {
    await submit('clock:removed', () => api.invoke('clock:remove', { device: key, reason: reason.trim() }))
  }

  return (
    <Modal
      open
      title={title}
      okText={t('clock:remove')}
      cancelText={t('clock:cancel')}
      okButtonProps={{
        danger: true,
        disabled: !reason.trim(),
        loading: busy,
        ...{ 'data-testid': 'clock-remove-confirm' },
      }}
      onOk={() => void remove()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('clock:removeHint')}</Typography.Paragraph>
      <NoteField
        look="reason"
        id="clock-remove-reason"
        label={t('clock:reason')}
        value={reason}
        onChange={setReason}
        failure={failure}
        maxLength={500}
      />
    </Modal>
  )
}

/**
 * What both clock dialogs do on submit: one request at a time, its failure shown in the dialog,
 * and on success a message and the dialog closed.
 */
function useClockSubmit(onClose: () => void) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  async function submit(done: 'clock:saved' | 'clock:removed', request: () => Promise<unknown>) {
    setBusy(true)
    setFailure(null)
    try {
      await request()
      void message.success(t(done))
      onClose()
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, submit }
}
