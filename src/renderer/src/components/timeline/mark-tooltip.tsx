import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem, EvidenceKind } from '../../../../shared/types'
import type { MessageKey } from '../../i18n/keys'
import { mediaUrl } from '../../api'
import { actionLabel } from '../../lib/custody-summary'
import { formatDuration } from '../../lib/format'
import { formatCapturedAt, formatIsoWithOwnOffset } from '../../lib/item-time'
import { formatInZone } from '../../lib/time'
import { warningText } from '../../lib/warnings'
import { deviceParts, weakTimeReasons, type Cluster, type Mark } from './lanes'
import { seriesInWords } from '../../../../shared/kinds/monitoring-words'
import { formatWindow } from '../../../../shared/kinds/monitoring-facts'
import { exceedanceFacts } from '../../kinds/monitoring/monitoring-facts'
import { KIND_UI, itemLabel } from '../../kinds/registry'
import { timeSourceText } from '../../lib/message-maps'

const LIST_MAX = 8

/** What an item's time is called: a photo is taken, a recording made, an interview held, data cover a period. */
const TIME_NOUN: Record<EvidenceKind, MessageKey> = {
  video: 'timeline:tip.captured',
  image: 'timeline:tip.captured',
  thermal: 'timeline:tip.captured',
  audio: 'timeline:tip.recorded',
  transcript: 'timeline:tip.interviewed',
  monitoring: 'timeline:tip.dataPeriod',
  document: 'timeline:tip.captured',
  other: 'timeline:tip.captured',
}

/** The item's own thumbnail or video poster, only when the backend says one is ready. */
function Thumb({ item }: { item: EvidenceItem }) {
  const [broken, setBroken] = useState(false)
  const role = item.derived.thumb === 'ready' ? 'thumb' : item.derived.poster === 'ready' ? 'poster' : null
  if (!role || broken) return null
  return (
    <img
      className="tl-tip-thumb"
      src={mediaUrl(item.id, role)}
      alt=""
      data-testid="timeline-tip-thumb"
      onError={() => setBroken(true)}
    />
  )
}

function ItemTip({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const reasons = weakTimeReasons(item)
  const device = deviceParts(item.device)
  const deviceText = [device.name, device.serial, device.id].filter(Boolean).join(' · ')
  return (
    <div className="tl-tip-item">
      <Thumb item={item} />
      <div className="tl-tip-text">
        <div className="tl-tip-title">
          <span className="mono">{item.number}</span> <span data-user-data>{item.originalName}</span>
        </div>
        <div className="tl-tip-line">
          {itemLabel(t, item)}
          {deviceText && <span data-user-data>{` · ${deviceText}`}</span>}
        </div>
        {item.clock?.correctedAt ? (
          // placed at the corrected instant; the recorded one follows, kept as the device wrote it
          <>
            <div className="tl-tip-line mono" data-testid="timeline-tip-corrected">
              {`${t(TIME_NOUN[item.kind])} ${formatIsoWithOwnOffset(item.clock.correctedAt)} · ${t('clock:corrected')}`}
            </div>
            <div className="tl-tip-line mono" data-testid="timeline-tip-recorded">
              {`${t('clock:recorded')} ${formatCapturedAt(item) ?? ''}`}
            </div>
          </>
        ) : (
          <div className="tl-tip-line mono">{`${t(TIME_NOUN[item.kind])} ${formatCapturedAt(item) ?? ''}`}</div>
        )}
        <div className="tl-tip-line">
          {item.capturedAtSource
            ? t('timeline:tip.source', { source: timeSourceText(t, item) })
            : t('timeline:tip.noSource')}
        </div>
        {KIND_UI[item.kind].timelineMark === 'span' && item.durationSec ? (
          <div className="tl-tip-line">
            {t('timeline:tip.duration', { duration: formatDuration(item.durationSec, t) })}
          </div>
        ) : null}
        {reasons.length > 0 && (
          <div className="tl-tip-weak" data-testid="timeline-tip-weak">
            <div>{t('timeline:tip.weak')}</div>
            {reasons.map((code) => {
              const w = item.warnings.find((x) => x.code === code)
              return <div key={code}>{w ? warningText(w, t) : t('timeline:tip.filesystem')}</div>
            })}
          </div>
        )}
        <div className="tl-tip-hint">{t('timeline:tip.open')}</div>
      </div>
    </div>
  )
}

/** An exceedance window: the item, the series named with its basis and period, and the window's sentence as the viewer words it. */
function ExceedanceTip({ mark }: { mark: Mark }) {
  const { t, i18n } = useTranslation()
  const x = mark.exceedance
  if (!x || !mark.item) return null
  const w = x.series.exceedances[x.index]
  const fact = exceedanceFacts(x.series, i18n).find((f) => f.window?.start === w?.start)
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <div className="tl-tip-text" data-testid="timeline-exceedance-tip">
      <div className="tl-tip-title">
        <span className="mono">{mark.item.number}</span> <span data-user-data>{mark.item.originalName}</span>
      </div>
      <div className="tl-tip-line" data-user-data>
        {seriesInWords(x.series, lang)}
      </div>
      {fact && <div className="tl-tip-line">{fact.text}</div>}
      <div className="tl-tip-hint">{t('timeline:tip.open')}</div>
    </div>
  )
}

interface Props {
  cluster: Cluster
  zone: string
  /** evidence numbers by id, for custody events that name an item */
  numbers: Map<string, string>
}

/** What a mark stands for: the item with its thumbnail and time source, an event, or a cluster's members. */
export function MarkTooltip({ cluster, zone, numbers }: Props) {
  const { t, i18n } = useTranslation()
  const marks = cluster.marks
  if (marks.length === 1 && marks[0].exceedance) return <ExceedanceTip mark={marks[0]} />
  if (marks.length === 1 && marks[0].item) return <ItemTip item={marks[0].item} />
  return (
    <div className="tl-tip-list">
      {marks.length > 1 && (
        <div className="tl-tip-title">{t('timeline:cluster', { count: marks.length })}</div>
      )}
      {marks.slice(0, LIST_MAX).map((m) =>
        m.exceedance && m.item ? (
          <div key={m.key} className="tl-tip-line">
            <span className="mono">{m.item.number}</span>{' '}
            <span data-user-data>
              {seriesInWords(m.exceedance.series, i18n.language === 'en' ? 'en' : 'zh-CN')}
            </span>{' '}
            <span className="mono tl-tip-muted">
              {formatWindow(
                m.exceedance.series.exceedances[m.exceedance.index].start,
                m.exceedance.series.exceedances[m.exceedance.index].end,
              )}
            </span>
          </div>
        ) : m.item ? (
          <div key={m.key} className="tl-tip-line">
            <span className="mono">{m.item.number}</span> <span data-user-data>{m.item.originalName}</span>{' '}
            <span className="mono tl-tip-muted">{formatCapturedAt(m.item)}</span>
          </div>
        ) : m.event ? (
          <div key={m.key} className="tl-tip-line">
            <span className="mono tl-tip-muted">{formatInZone(m.event.at, zone)}</span>{' '}
            {actionLabel(m.event.action, i18n.language)}
            {m.event.itemId && numbers.has(m.event.itemId) && (
              <span className="mono">{` · ${t('timeline:tip.item', { number: numbers.get(m.event.itemId) })}`}</span>
            )}
            <span className="tl-tip-muted" data-user-data>
              {` · ${t('timeline:tip.actor', { name: m.event.actor.name })}`}
            </span>
          </div>
        ) : null,
      )}
      {marks.length > LIST_MAX && (
        <div className="tl-tip-muted">{t('timeline:clusterMore', { count: marks.length - LIST_MAX })}</div>
      )}
    </div>
  )
}
