import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows } from '../../components/evidence/fact-rows'
import { formatDuration } from '../../lib/format'
import { codecName, containerName } from '../video/codec-names'
import { useAudioWords } from './audio-words'

/** A recording's container, codec, sample rate, channels, bit rate, duration and tags in words. */
export function AudioDetails({ item }: { item: EvidenceItemOf<'audio'> }) {
  const { t } = useTranslation()
  const w = useAudioWords().details
  const channels = useAudioWords().channelsValue
  const { rows, add } = factRows()
  const meta = item.meta
  add('container', w.container, containerName(meta.container ?? null, item.mime))
  add('codec', w.codec, [codecName(meta.codec ?? null), meta.codecProfile].filter(Boolean).join(' ') || null)
  add('sampleRate', w.sampleRate, meta.sampleRate ? `${meta.sampleRate} Hz` : null)
  add('channels', w.channels, meta.channels ? channels(meta.channels) : null)
  add('bitRate', w.bitRate, meta.bitRate ? `${Math.round(meta.bitRate / 1000)} kbit/s` : null)
  add('duration', w.duration, item.durationSec === null ? null : formatDuration(item.durationSec, t))
  const tags = Object.entries(meta.tags ?? {})
  add('tags', w.tags, tags.length > 0 ? tags.map(([k, v]) => `${k}: ${v}`).join('；') : null)
  return <FactList rows={rows} />
}
