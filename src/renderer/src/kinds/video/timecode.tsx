import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { TimeWarnings } from '../../components/viewers/common/time-warnings'
import { absoluteAt, formatMediaTime } from './playback'
import { timeSourceText } from '../../lib/message-maps'
import { CorrectedMoment } from './corrected-moment'

interface Props {
  item: EvidenceItem
  time: number
  fps: number
  fpsAssumed: boolean
}

/**
 * Media time and the moment it shows (capture time + media time, with the recorded offset and
 * where the capture time came from). Warnings about that time stay in view, not in a tooltip:
 * an officer quoting the moment must see that the recorder's clock was doubtful.
 */
export function Timecode({ item, time, fps, fpsAssumed }: Props) {
  const { t } = useTranslation()
  const absolute = absoluteAt(item, time)
  return (
    <>
      <div className="video-timecode">
        <span>
          {t('mediaViewer:video.mediaTime')}{' '}
          <strong className="mono" data-testid="media-time">
            {formatMediaTime(time)}
          </strong>
        </span>
        <span>
          {t('mediaViewer:video.absoluteTime')}{' '}
          <strong className="mono" data-testid="absolute-time">
            {absolute
              ? t('mediaViewer:video.absoluteValue', {
                  time: absolute,
                  source: timeSourceText(t, item, 'media') || '?',
                })
              : t('mediaViewer:video.noAbsolute')}
          </strong>
        </span>
        <CorrectedMoment item={item} time={time} />
        <span className="secondary">
          {fpsAssumed ? t('mediaViewer:video.fpsAssumed', { fps }) : t('mediaViewer:video.fps', { fps })}
        </span>
      </div>
      <TimeWarnings item={item} />
    </>
  )
}
