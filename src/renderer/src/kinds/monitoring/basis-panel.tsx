import { useState } from 'react'
import { App, Button, Card, Input, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MonitoringSeriesSummary, MonitoringView } from '../../../../shared/types'
import { basisInWords } from '../../../../shared/kinds/monitoring-words'
import { asApiError } from '../../lib/errors'
import { formatInZone } from '../../lib/time'
import { ErrorAlert } from '../../components/error-alert'
import { useReadOnly } from '../../state/read-only'

type ChosenBasis = 'measured' | 'dry' | 'converted'

interface Props {
  pollutant: string
  /** every series of this factor in the file */
  series: MonitoringSeriesSummary[]
  history: MonitoringView['basisHistory']
  timezone: string
  onSet(basis: ChosenBasis | null, reason: string): Promise<unknown>
}

/**
 * The concentration basis a factor is judged on (折算 by default, never 标干 unless chosen here):
 * what applies now, a form to choose another with a reason (a custody event), and who chose what.
 */
export function BasisPanel({ pollutant, series, history, timezone, onSet }: Props) {
  const readOnly = useReadOnly()
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const bases = [...new Set(series.map((s) => s.basis))].filter(
    (b): b is ChosenBasis => b === 'measured' || b === 'dry' || b === 'converted',
  )
  const judged = series.find((s) => s.judged)
  const [value, setValue] = useState<ChosenBasis | 'default'>('default')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const mine = history.filter((h) => h.pollutant === pollutant).reverse()

  async function save() {
    if (!reason.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      await onSet(value === 'default' ? null : value, reason.trim())
      setReason('')
      void message.success(t('docsViewer:monitoring.basis.saved'))
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  if (readOnly || bases.length === 0) return null
  return (
    <Card
      size="small"
      title={t('docsViewer:monitoring.basis.title')}
      className="docs-card"
      data-testid="basis-panel"
    >
      <div className="mon-limit-current">
        <span className="secondary">{t('docsViewer:monitoring.basis.current')}</span>
        <strong data-testid="current-basis">
          {judged ? basisInWords(judged.basis, lang) : t('docsViewer:monitoring.basis.none')}
        </strong>
      </div>
      <label className="docs-field">
        <span>{t('docsViewer:monitoring.basis.choose')}</span>
        <Select
          aria-label={t('docsViewer:monitoring.basis.choose')}
          value={value}
          onChange={(v: ChosenBasis | 'default') => setValue(v)}
          options={[
            { value: 'default', label: t('docsViewer:monitoring.basis.default') },
            ...bases.map((b) => ({ value: b, label: basisInWords(b, lang) })),
          ]}
          data-testid="basis-select"
        />
      </label>
      <label className="docs-field">
        <span>{t('docsViewer:monitoring.basis.reason')}</span>
        <Input.TextArea
          aria-label={t('docsViewer:monitoring.basis.reason')}
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('docsViewer:monitoring.basis.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="docs-alert" />}
      <Button
        block
        loading={busy}
        disabled={!reason.trim()}
        onClick={() => void save()}
        data-testid="save-basis"
      >
        {t('docsViewer:monitoring.basis.save')}
      </Button>
      {mine.length > 0 && (
        <ol className="docs-list" data-testid="basis-history">
          {mine.map((h, i) => (
            <li key={`${h.setAt}-${i}`} className="docs-list-item">
              <div data-user-data>
                {t('docsViewer:monitoring.limit.entry', {
                  value:
                    h.basis === null ? t('docsViewer:monitoring.basis.default') : basisInWords(h.basis, lang),
                  name: h.setBy.name,
                  time: formatInZone(h.setAt, timezone),
                })}
              </div>
              <Typography.Text type="secondary" className="small docs-note" data-user-data>
                {h.reason}
              </Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
