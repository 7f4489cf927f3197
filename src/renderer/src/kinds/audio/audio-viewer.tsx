import { useCallback, useState } from 'react'
import { Alert, App, Spin, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { asApiError } from '../../lib/errors'
import { useReadOnly } from '../../state/read-only'
import { ErrorAlert } from '../../components/error-alert'
import { useAnnotations } from '../../components/viewers/common/use-annotations'
import { toMs } from '../video/playback'
import { MarksForm, RangeList, type Marks } from '../video/range-panel'
import { usePlayer } from '../video/use-player'
import { AudioControls } from './audio-controls'
import { AudioTimecode } from './audio-timecode'
import { useAudioWords } from './audio-words'
import { PairPanel } from './pair-panel'
import { PairedTranscript } from './paired-transcript'
import { useAudioSource, useWaveform } from './use-audio-source'
import { usePairs } from './use-pairs'
import { WaveformStrip } from './waveform-strip'
import '../../components/viewers/common/media-viewers.css'
import './audio.css'
import { AUDIO_PROXY_ARGS } from '../../../../shared/kinds/proxy-commands'
import { ProxyCommand } from '../../components/viewers/common/proxy-command'

/** A recording: its waveform (click to seek), play/pause, speed, absolute time, time ranges, and its paired record. */
export function AudioViewer({ item }: { item: EvidenceItem }) {
  // Keyed by item: marks, speed and a pending proxy poll belong to one recording, never the next.
  return <AudioViewerBody key={item.id} item={item} />
}

function AudioViewerBody({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const w = useAudioWords()
  const { message } = App.useApp()
  const readOnly = useReadOnly()
  const [originalFailed, setOriginalFailed] = useState(false)
  const source = useAudioSource(item, originalFailed)
  const waveform = useWaveform(item)
  const { attach, ...player } = usePlayer(1000, item.durationSec)
  const [marks, setMarks] = useState<Marks>({ in: null, out: null })
  const ranges = useAnnotations(item.id, 'time-range')
  const pairs = usePairs(item.id)
  const [shown, setShown] = useState<string | null>(null)
  const side = shown !== null && pairs.pairs.some((p) => p.transcriptId === shown) ? shown : null
  const duration = player.duration || item.durationSec || waveform?.decodedSec || 0

  const markIn = useCallback(() => setMarks((m) => ({ ...m, in: toMs(player.time) })), [player.time])
  const markOut = useCallback(() => setMarks((m) => ({ ...m, out: toMs(player.time) })), [player.time])
  const saveRange = async (note: string) => {
    if (marks.in === null || marks.out === null) return
    await ranges.add({ start: marks.in, end: marks.out }, note)
    setMarks({ in: null, out: null })
    void message.success(t('mediaViewer:common.saved'))
  }
  const playing = source.state === 'original' || source.state === 'proxy'
  const cited = ranges.annotations.filter((a) => !a.withdrawnAt).map((a) => a.anchor)

  return (
    <div className="media-viewer audio-viewer" data-testid="audio-viewer" data-source={source.state}>
      <div className={side ? 'media-main audio-side-by-side' : 'media-main'}>
        <div className="audio-column">
          <div className="audio-stage">
            <div className="audio-stage-head">
              <span className="secondary small">{w.waveformTitle}</span>
              {playing && (
                <Tag color={source.state === 'proxy' ? 'orange' : 'green'} data-testid="audio-source-label">
                  {w.source[source.state]}
                </Tag>
              )}
            </div>
            <WaveformStrip
              waveform={waveform}
              durationSec={duration}
              time={player.time}
              ranges={cited}
              marks={marks}
              onSeek={player.seek}
              label={w.waveformTitle}
            />
            {item.derived.waveform !== 'ready' && (
              <span className="secondary small" data-testid="waveform-missing">
                {w.waveformMissing}
              </span>
            )}
            {playing && (
              <audio
                ref={attach}
                key={source.src}
                src={source.src}
                preload="metadata"
                data-testid="audio-element"
                onError={() => source.state === 'original' && setOriginalFailed(true)}
              />
            )}
            {source.state === 'proxy' && (
              <>
                <Alert type="warning" showIcon title={w.proxyNote('AAC M4A')} data-testid="proxy-note" />
                <ProxyCommand template={AUDIO_PROXY_ARGS} number={item.number} output="proxy.m4a" />
              </>
            )}
            {source.state === 'pending' && (
              <Spin description={w.proxyPending} data-testid="proxy-pending">
                <div className="audio-pending-space" />
              </Spin>
            )}
            {source.state === 'failed' && (
              <Alert type="error" showIcon title={w.proxyFailed} data-testid="audio-unplayable" />
            )}
          </div>
          <AudioTimecode item={item} time={player.time} />
          {playing && (
            <AudioControls player={player} onMarkIn={markIn} onMarkOut={markOut} readOnly={readOnly} />
          )}
          <PairPanel pairs={pairs} shown={side} onShow={setShown} />
        </div>
        {side && (
          <div className="audio-column">
            <PairedTranscript
              transcriptId={side}
              recordingId={item.id}
              time={player.time}
              onSeek={player.seek}
            />
          </div>
        )}
      </div>
      <aside className="media-side">
        {ranges.failure !== null && <ErrorAlert error={asApiError(ranges.failure)} />}
        <MarksForm marks={marks} onClear={() => setMarks({ in: null, out: null })} onSave={saveRange} />
        <RangeList
          item={item}
          ranges={ranges.annotations}
          onSeek={player.seek}
          onWithdraw={ranges.withdraw}
        />
      </aside>
    </div>
  )
}
