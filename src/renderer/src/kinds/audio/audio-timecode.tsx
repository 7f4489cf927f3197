import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { TimeWarnings } from '../../components/viewers/common/time-warnings'
import { timeSourceText } from '../../lib/message-maps'
import { absoluteAt, formatMediaTime } from '../video/playback'
import { useAudioWords } from './audio-words'
import { CorrectedMoment } from '../video/corrected-moment'

/**
 * Recording time and the moment it is (recording start + position, with the offset recorded and
 * where the start came from). Doubts about that start stay in view: an officer quoting the moment
 * must see that the recorder's clock was only assumed.
 */
export function AudioTimecode({ item, time }: { item: EvidenceItem; time: number }) {
  const { t } = useTranslation()
  const w = useAudioWords()
  const absolute = absoluteAt(item, time)
  return (
    <>
      <div className="audio-timecode">
        <span>
          {w.mediaTime}{' '}
          <strong className="mono" data-testid="media-time">
            {formatMediaTime(time)}
          </strong>
        </span>
        <span>
          {w.absoluteTime}{' '}
          <strong className="mono" data-testid="absolute-time">
            {absolute ? w.absoluteValue(absolute, timeSourceText(t, item, 'media') || '?') : w.noAbsolute}
          </strong>
        </span>
        <CorrectedMoment item={item} time={time} />
      </div>
      <TimeWarnings item={item} />
    </>
  )
}
