import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../../shared/types'
import { TIME_WARNING_CODES } from '../../../lib/item-time'
import { warningText } from '../../../lib/warnings'

/**
 * An item's doubts about its capture time (assumed offset, clock mismatch…), each as an alert in
 * view rather than a tooltip: an officer quoting a moment must see that the clock was doubtful.
 * The video and audio timecodes show them under their times.
 */
export function TimeWarnings({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const warnings = item.warnings.filter((w) => (TIME_WARNING_CODES as readonly string[]).includes(w.code))
  return warnings.map((w, i) => (
    <Alert
      key={i}
      type="warning"
      showIcon
      className="media-alert"
      title={warningText(w, t)}
      data-testid="time-warning"
    />
  ))
}
