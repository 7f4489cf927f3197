import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows, fmt } from '../../components/evidence/fact-rows'
import { formatDuration } from '../../lib/format'
import { codecName, containerName } from './codec-names'

/** A video's container, codecs, frame rate and duration in words. */
export function VideoDetails({ item }: { item: EvidenceItemOf<'video'> }) {
  const { t } = useTranslation()
  const { rows, add } = factRows()
  const meta = item.meta
  add('container', t('item.video.container'), containerName(meta.container ?? null, item.mime))
  add('videoCodec', t('item.video.videoCodec'), codecName(meta.videoCodec ?? null))
  add('audioCodec', t('item.video.audioCodec'), codecName(meta.audioCodec ?? null) ?? t('item.video.noAudio'))
  add('fps', t('item.video.fps'), fmt(meta.fps, 2))
  add(
    'duration',
    t('item.video.duration'),
    item.durationSec === null ? null : formatDuration(item.durationSec, t),
  )
  return <FactList rows={rows} />
}
