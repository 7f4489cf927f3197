import { Tooltip } from 'antd'
import { ExclamationCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { formatCapturedAt, formatIsoWithOwnOffset, TIME_WARNING_CODES } from '../../lib/item-time'
import { warningText } from '../../lib/warnings'
import { timeSourceText } from '../../lib/message-maps'

/**
 * The capture time as local time with the recorded offset; hovering says where it came from
 * (EXIF, container, file name, file system) and any warning about it (UI.md "Dates and times").
 */
export function CapturedTime({ item, className }: { item: EvidenceItem; className?: string }) {
  const { t } = useTranslation()
  const text = formatCapturedAt(item)
  // where the device's clock offset is recorded, the corrected time goes beside the recorded one
  const corrected = item.clock?.correctedAt ? formatIsoWithOwnOffset(item.clock.correctedAt) : null
  const timeWarnings = item.warnings.filter((w) => (TIME_WARNING_CODES as readonly string[]).includes(w.code))
  const tip = (
    <div className="time-tip">
      <div>
        {item.capturedAtSource
          ? t('item.timeSourceLine', { source: timeSourceText(t, item) })
          : t('item.noCaptureTime')}
      </div>
      {corrected && <div>{`${t('clock:corrected')} ${corrected}`}</div>}
      {timeWarnings.map((w, i) => (
        <div key={i} className="time-tip-warning">
          {warningText(w, t)}
        </div>
      ))}
    </div>
  )
  return (
    <Tooltip title={tip}>
      <span
        className={`${text ? 'mono ' : ''}nowrap captured-time ${className ?? ''}`}
        data-testid="captured-time"
        tabIndex={0}
      >
        {text ?? t('item.noTime')}
        {timeWarnings.length > 0 && <ExclamationCircleOutlined className="time-warning-icon" />}
        {/* a tile or a table row puts the corrected time on a line of its own (evidence.css): the marker is never cut */}
        {corrected && (
          <span className="captured-corrected" data-testid="captured-corrected">
            <span className="captured-sep"> · </span>
            <span className="nowrap">{`${t('clock:corrected')} ${corrected.slice(11, 19)}`}</span>
          </span>
        )}
      </span>
    </Tooltip>
  )
}
