import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Input, InputNumber, Modal, Radio, Select, Space, Spin, Typography } from 'antd'
import { DiffOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ComparedSeries } from '../../../../shared/kinds/monitoring-compare'
import { seriesInWords } from '../../../../shared/kinds/monitoring-words'
import type { EvidenceItem, MonitoringSeriesSummary, MonitoringView } from '../../../../shared/types'
import { api } from '../../api'
import { ErrorAlert } from '../../components/error-alert'
import { parseCaseTime } from '../../components/violations/violation-time'
import { useApi } from '../../hooks/use-api'
import { asApiError } from '../../lib/errors'
import { useCan } from '../../state/read-only'
import { itemViewer } from '../../state/viewer'
import { displayUnit } from './monitoring-facts'

/** A comparison item is stored as JSON; it is never compared again (its sources are). */
const COMPARISON_MIME = 'application/json'

const keyOf = (s: { pollutant: string; outlet?: string; column: string }): string =>
  JSON.stringify([s.outlet ?? null, s.pollutant, s.column])
const seriesOf = (s: MonitoringSeriesSummary): ComparedSeries => ({
  pollutant: s.pollutant,
  ...(s.outlet ? { outlet: s.outlet } : {}),
  column: s.column,
})

/** B's default: the same factor on the same basis (and outlet when B has it); within one item another column. */
function defaultB(a: MonitoringSeriesSummary, b: MonitoringSeriesSummary[], sameItem: boolean) {
  const candidates = b.filter((s) => s.pollutant === a.pollutant && (!sameItem || keyOf(s) !== keyOf(a)))
  return (
    candidates.find((s) => s.basis === a.basis && s.outlet === a.outlet) ??
    candidates.find((s) => s.basis === a.basis) ??
    candidates[0] ??
    null
  )
}

interface Props {
  item: EvidenceItem
  view: MonitoringView
  /** the series shown when the form opens: series A */
  current: MonitoringSeriesSummary
  timezone: string
}

/**
 * "数据比对": compares a series of this item with a series of another monitoring item (or another
 * series of this one), over a threshold and an optional range, and opens the new derived item.
 */
export function CompareButton({ item, view, current, timezone }: Props) {
  const can = useCan('monitoring:compare')
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  if (!can) return null
  return (
    <>
      <Button icon={<DiffOutlined />} onClick={() => setOpen(true)} data-testid="compare-open">
        {t('docsViewer:monitoring.compare.action')}
      </Button>
      {open && (
        <CompareModal
          item={item}
          view={view}
          current={current}
          timezone={timezone}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}

function CompareModal({ item, view, current, timezone, onClose }: Props & { onClose(): void }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const monitoring = useApi('evidence:list', {
    kinds: ['monitoring'],
    sort: 'number',
    order: 'asc',
    limit: 500,
  })
  const others = useMemo(
    () => (monitoring.data?.items ?? []).filter((i) => i.mime !== COMPARISON_MIME),
    [monitoring.data],
  )
  const [keyA, setKeyA] = useState(keyOf(current))
  const [itemB, setItemB] = useState<string | null>(null)
  const [viewB, setViewB] = useState<{ id: string; view?: MonitoringView; failure?: unknown } | null>(null)
  const [keyB, setKeyB] = useState<string | null>(null)
  const [kind, setKind] = useState<'absolute' | 'percent'>('absolute')
  const [value, setValue] = useState<number | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const seriesA = view.series.find((s) => keyOf(s) === keyA) ?? current
  // B starts on another monitoring item when the case has one, else on this item's other series
  const chosenB = itemB ?? others.find((i) => i.id !== item.id)?.id ?? item.id
  useEffect(() => {
    if (chosenB === item.id) return
    let live = true
    api.invoke('monitoring:get', { itemId: chosenB }).then(
      (v) => live && setViewB({ id: chosenB, view: v }),
      (e: unknown) => live && setViewB({ id: chosenB, failure: e }),
    )
    return () => {
      live = false
    }
  }, [chosenB, item.id])
  const bView = chosenB === item.id ? view : viewB?.id === chosenB ? viewB.view : undefined
  const bFailure = chosenB !== item.id && viewB?.id === chosenB ? viewB.failure : null
  const seriesB =
    (keyB && bView?.series.find((s) => keyOf(s) === keyB)) ||
    (bView ? defaultB(seriesA, bView.series, chosenB === item.id) : null)

  const start = parseCaseTime(from, timezone)
  const end = parseCaseTime(to, timezone)
  const same = chosenB === item.id && seriesB !== null && keyOf(seriesB) === keyOf(seriesA)
  const ready =
    seriesB !== null &&
    !same &&
    value !== null &&
    value > 0 &&
    reason.trim() !== '' &&
    start !== 'invalid' &&
    end !== 'invalid'
  const unit = displayUnit(seriesA.unit)

  async function submit() {
    if (!ready || !seriesB) return
    setBusy(true)
    setFailure(null)
    try {
      const result = await api.invoke('monitoring:compare', {
        itemA: item.id,
        seriesA: seriesOf(seriesA),
        itemB: chosenB,
        seriesB: seriesOf(seriesB),
        threshold: { kind, value: value! },
        start: start as string | null,
        end: end as string | null,
        reason: reason.trim(),
      })
      void message.success(t('docsViewer:monitoring.compare.done', { number: result.number ?? '' }))
      onClose()
      if (result.id) itemViewer.open(result.id)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const seriesOption = (s: MonitoringSeriesSummary) => ({
    value: keyOf(s),
    label: (
      <>
        {seriesInWords(s, lang)}
        <span data-user-data>{lang === 'en' ? ` (${s.column})` : `（${s.column}）`}</span>
      </>
    ),
  })

  return (
    <Modal
      open
      title={t('docsViewer:monitoring.compare.title')}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('docsViewer:common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          disabled={!ready}
          onClick={() => void submit()}
          data-testid="compare-submit"
        >
          {t('docsViewer:monitoring.compare.submit')}
        </Button>,
      ]}
      data-testid="compare-form"
    >
      <Typography.Paragraph type="secondary" className="small">
        {t('docsViewer:monitoring.compare.intro')}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <label className="mon-field">
          <span>{t('docsViewer:monitoring.compare.seriesA')}</span>
          <Select
            value={keyOf(seriesA)}
            onChange={(v: string) => {
              setKeyA(v)
              setKeyB(null)
            }}
            options={view.series.map(seriesOption)}
            data-testid="compare-series-a"
          />
        </label>
        <label className="mon-field">
          <span>{t('docsViewer:monitoring.compare.itemB')}</span>
          <Select
            value={chosenB}
            loading={monitoring.loading}
            onChange={(v: string) => {
              setItemB(v)
              setKeyB(null)
            }}
            options={(others.some((o) => o.id === item.id) ? others : [item, ...others]).map((o) => ({
              value: o.id,
              label: (
                <>
                  {o.number} <span data-user-data>{o.originalName}</span>
                </>
              ),
            }))}
            data-testid="compare-item-b"
          />
        </label>
        <label className="mon-field">
          <span>{t('docsViewer:monitoring.compare.seriesB')}</span>
          {bView ? (
            <Select
              value={seriesB ? keyOf(seriesB) : undefined}
              onChange={(v: string) => setKeyB(v)}
              options={bView.series.map(seriesOption)}
              data-testid="compare-series-b"
            />
          ) : bFailure ? (
            <ErrorAlert error={asApiError(bFailure)} />
          ) : (
            <Spin size="small" tip={t('docsViewer:monitoring.compare.loadingSeries')} />
          )}
        </label>
        {same && <Alert type="warning" showIcon title={t('docsViewer:monitoring.compare.sameSeries')} />}
        <div className="mon-field">
          <span>{t('docsViewer:monitoring.compare.threshold')}</span>
          <Space wrap>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'absolute' | 'percent')}>
              <Radio value="absolute">
                {unit
                  ? t('docsViewer:monitoring.compare.absolute', { unit })
                  : t('docsViewer:monitoring.compare.absoluteNoUnit')}
              </Radio>
              <Radio value="percent">{t('docsViewer:monitoring.compare.percent')}</Radio>
            </Radio.Group>
            <InputNumber
              min={0}
              value={value}
              onChange={(v) => setValue(typeof v === 'number' ? v : null)}
              addonAfter={kind === 'percent' ? '%' : unit || undefined}
              aria-label={t('docsViewer:monitoring.compare.threshold')}
              data-testid="compare-threshold"
            />
          </Space>
        </div>
        <div className="mon-field">
          <span>{t('docsViewer:monitoring.compare.range', { zone: timezone })}</span>
          <Space wrap>
            <Input
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              placeholder="2021-05-24 00:00"
              status={start === 'invalid' ? 'error' : undefined}
              style={{ width: 180 }}
              data-testid="compare-from"
            />
            —
            <Input
              value={to}
              onChange={(e) => setTo(e.target.value)}
              placeholder="2021-05-25 00:00"
              status={end === 'invalid' ? 'error' : undefined}
              style={{ width: 180 }}
              data-testid="compare-to"
            />
          </Space>
          <Typography.Text type="secondary" className="small">
            {t('docsViewer:monitoring.compare.rangeHint')}
          </Typography.Text>
        </div>
        <label className="mon-field">
          <span>{t('docsViewer:monitoring.compare.reason')}</span>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('docsViewer:monitoring.compare.reasonPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            data-testid="compare-reason"
          />
        </label>
        {busy && (
          <Typography.Text type="secondary" data-testid="compare-running">
            <Spin size="small" /> {t('docsViewer:monitoring.compare.running')}
          </Typography.Text>
        )}
        {failure !== null && <ErrorAlert error={asApiError(failure)} />}
      </Space>
    </Modal>
  )
}
