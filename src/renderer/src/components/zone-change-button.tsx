import { useMemo, useState } from 'react'
import { App, Button, Modal, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseInfo } from '../../../shared/types'
import { api } from '../api'
import { timeZoneOptions } from '../lib/time'
import { useCan } from '../state/read-only'
import { NoteField } from './viewers/common/note-save-fields'
import './reason-button.css'

/**
 * Changing the case's time zone after creation: a new zone and a required reason, recorded by the
 * backend as a custody event naming the old and the new zone. Every time shown follows the zone;
 * no recorded instant changes. Hidden where the case cannot change (reviewer mode).
 */
export function ZoneChangeButton({ info, onChanged }: { info: CaseInfo; onChanged(info: CaseInfo): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canChange = useCan('case:set-timezone')
  const [open, setOpen] = useState(false)
  const [zone, setZone] = useState(info.timezone)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const options = useMemo(() => (open ? timeZoneOptions([info.timezone]) : []), [open, info.timezone])

  async function confirm() {
    setBusy(true)
    setFailure(null)
    try {
      const updated = await api.invoke('case:set-timezone', { timezone: zone, reason: reason.trim() })
      setOpen(false)
      setReason('')
      void message.success(t('overview.zoneChanged', { zone: updated.timezone }))
      onChanged(updated)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  if (!canChange) return null
  return (
    <>
      <Button
        size="small"
        type="link"
        onClick={() => {
          setZone(info.timezone)
          setOpen(true)
        }}
        data-testid="change-zone"
      >
        {t('overview.changeZone')}
      </Button>
      <Modal
        open={open}
        title={t('overview.changeZoneTitle')}
        okText={t('overview.changeZone')}
        cancelText={t('overview.cancel')}
        okButtonProps={{
          disabled: !reason.trim() || zone === info.timezone,
          loading: busy,
          ...{ 'data-testid': 'change-zone-confirm' },
        }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('overview.changeZoneHint')}</Typography.Paragraph>
        <label className="reason-label" htmlFor="change-zone-select">
          {t('overview.newZone')}
        </label>
        <Select
          id="change-zone-select"
          showSearch
          value={zone}
          options={options}
          onChange={setZone}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="change-zone-select"
        />
        <NoteField
          look="reason"
          id="change-zone-reason"
          label={t('overview.zoneReason')}
          value={reason}
          onChange={setReason}
          failure={failure}
          maxLength={500}
          placeholder={t('overview.zoneReasonPlaceholder')}
        />
      </Modal>
    </>
  )
}
