import { useState } from 'react'
import { App, Button, Card, Empty, InputNumber, Input, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MonitoringSeriesSummary, MonitoringView } from '../../../../shared/types'
import { asApiError } from '../../lib/errors'
import { formatInZone } from '../../lib/time'
import { ErrorAlert } from '../../components/error-alert'
import { displayUnit, withUnit } from './monitoring-facts'
import { useReadOnly } from '../../state/read-only'

interface Props {
  summary: MonitoringSeriesSummary
  /** the factor's key in the limit history: SO2, or outlet/SO2 */
  group: string
  history: MonitoringView['limitHistory']
  timezone: string
  onSet(limit: number, reason: string): Promise<unknown>
}

/**
 * The pollutant's limit: what applies now and where it came from, a form to set or correct it
 * (a reason is required: it goes into the custody log), and who set what, when and why.
 */
export function LimitPanel({ summary, group, history, timezone, onSet }: Props) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [value, setValue] = useState<number | null>(summary.limit)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const mine = history.filter((h) => h.pollutant === group).reverse()
  const unit = displayUnit(summary.unit)

  async function save() {
    if (value === null || !reason.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      await onSet(value, reason.trim())
      setReason('')
      void message.success(t('docsViewer:monitoring.limit.saved'))
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('docsViewer:monitoring.limit.title')}
      className="docs-card"
      data-testid="limit-panel"
    >
      <div className="mon-limit-current">
        <span className="secondary">{t('docsViewer:monitoring.limit.current')}</span>
        <strong data-testid="current-limit">
          {summary.limit === null
            ? t('docsViewer:monitoring.limit.none')
            : withUnit(summary.limit, summary.unit)}
        </strong>
        {summary.limitSource === 'case' && <Tag>{t('docsViewer:monitoring.limit.fromCase')}</Tag>}
      </div>
      {summary.limitSource === 'file' && (
        <Typography.Paragraph type="secondary" className="small">
          {t('docsViewer:monitoring.limit.fromFile')}
        </Typography.Paragraph>
      )}
      <label className="docs-field">
        <span>{t('docsViewer:monitoring.limit.value')}</span>
        <InputNumber
          aria-label={t('docsViewer:monitoring.limit.value')}
          value={value}
          min={0}
          max={1e9}
          onChange={(v) => setValue(typeof v === 'number' ? v : null)}
          suffix={unit || undefined}
          style={{ width: '100%' }}
          data-testid="limit-value"
        />
      </label>
      <label className="docs-field">
        <span>{t('docsViewer:monitoring.limit.reason')}</span>
        <Input.TextArea
          aria-label={t('docsViewer:monitoring.limit.reason')}
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('docsViewer:monitoring.limit.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="docs-alert" />}
      <Button
        type="primary"
        block
        loading={busy}
        disabled={value === null || !reason.trim()}
        onClick={() => void save()}
        data-testid="save-limit"
      >
        {t('docsViewer:monitoring.limit.save')}
      </Button>
      <Typography.Title level={5} className="mon-subtitle">
        {t('docsViewer:monitoring.limit.history')}
      </Typography.Title>
      {mine.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('docsViewer:monitoring.limit.noHistory')}
        />
      ) : (
        <ol className="docs-list" data-testid="limit-history">
          {mine.map((h, i) => (
            <li key={`${h.setAt}-${i}`} className="docs-list-item" data-testid="limit-history-row">
              <div data-user-data>
                {t('docsViewer:monitoring.limit.entry', {
                  value:
                    h.limit === null
                      ? t('docsViewer:monitoring.limit.cleared')
                      : withUnit(h.limit, summary.unit),
                  name: h.setBy.name,
                  time: formatInZone(h.setAt, timezone),
                })}
              </div>
              <div className="secondary small docs-note" data-user-data>
                {h.reason}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
