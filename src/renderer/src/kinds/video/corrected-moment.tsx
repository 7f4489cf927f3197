import { useTranslation } from 'react-i18next'
import { offsetInWords } from '../../../../shared/clock-offset'
import type { EvidenceItem } from '../../../../shared/types'
import { asLanguage } from '../../i18n'
import { absoluteAt } from './playback'

/**
 * Beside a recording's capture moment: the same moment corrected by the device's recorded clock
 * offset ("校正后 04:00:01 +08:00（设备快 3分12秒）"), so an officer quoting a moment sees which time it is.
 * Nothing when no offset is recorded for the device.
 */
export function CorrectedMoment({ item, time }: { item: EvidenceItem; time: number }) {
  const { t, i18n } = useTranslation()
  const corrected = item.clock?.correctedAt
  if (!corrected) return null
  const at = absoluteAt({ ...item, capturedAt: corrected }, time)
  if (!at) return null
  return (
    <span>
      {t('clock:corrected')}{' '}
      <strong className="mono" data-testid="corrected-absolute-time">
        {at}
      </strong>{' '}
      <span className="secondary">
        {t('clock:short', { offset: offsetInWords(item.clock!.offset.offsetMs, asLanguage(i18n.language)) })}
      </span>
    </span>
  )
}
