import { useCallback, useState } from 'react'
import { Alert, App, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { mediaUrl } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../../components/error-alert'
import { useAnnotations } from '../../components/viewers/common/use-annotations'
import { ExportPanel } from './export-panel'
import { frameRate, toMs } from './playback'
import { MarksForm, RangeList, type Marks } from './range-panel'
import { Timecode } from './timecode'
import { usePlayableItem } from './use-playable-item'
import { usePlayer } from './use-player'
import { VideoControls } from './video-controls'
import '../../components/viewers/common/media-viewers.css'
import { useCan } from '../../state/read-only'
import { VIDEO_PROXY_ARGS } from '../../../../shared/kinds/proxy-commands'
import { ProxyCommand } from '../../components/viewers/common/proxy-command'

/** A video: the original when this browser decodes it, else the playback proxy; time ranges and derived items. */
export function VideoViewer({ item }: { item: EvidenceItem }) {
  // Keyed by item: marks, speed and a pending proxy poll belong to one video, never the next.
  return <VideoViewerBody key={item.id} item={item} />
}

function VideoViewerBody({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [originalFailed, setOriginalFailed] = useState(false)
  const playback = usePlayableItem(item, originalFailed)
  const { fps, assumed } = frameRate(item)
  const { attach, ...player } = usePlayer(fps, item.durationSec)
  const [marks, setMarks] = useState<Marks>({ in: null, out: null })
  const ranges = useAnnotations(item.id, 'time-range')
  // reviewer mode: no range is cited in a package under review (the read/write table decides)
  const canCite = useCan('annotation:add')

  const markIn = useCallback(() => setMarks((m) => ({ ...m, in: toMs(player.time) })), [player.time])
  const markOut = useCallback(() => setMarks((m) => ({ ...m, out: toMs(player.time) })), [player.time])
  const saveRange = async (note: string) => {
    if (marks.in === null || marks.out === null) return
    await ranges.add({ start: marks.in, end: marks.out }, note)
    setMarks({ in: null, out: null })
    void message.success(t('mediaViewer:common.saved'))
  }

  const playing = playback.state === 'original' || playback.state === 'proxy'
  return (
    <div className="media-viewer" data-testid="video-viewer" data-source={playback.state}>
      <div className="media-main">
        <div className="media-stage video-stage">
          {playing ? (
            <>
              <video
                ref={attach}
                key={playback.src}
                src={playback.src}
                poster={item.derived.poster === 'ready' ? mediaUrl(item.id, 'poster') : undefined}
                preload="metadata"
                playsInline
                data-testid="video-element"
                onClick={player.toggle}
                onError={() => playback.state === 'original' && setOriginalFailed(true)}
              />
              <span className="video-source-label" data-testid="video-source-label">
                {t(
                  playback.state === 'proxy'
                    ? 'mediaViewer:video.source.proxy'
                    : 'mediaViewer:video.source.original',
                )}
              </span>
            </>
          ) : (
            <div className="video-placeholder">
              {playback.state === 'pending' ? (
                <Spin description={t('mediaViewer:video.proxyPending')} data-testid="proxy-pending">
                  <div className="video-placeholder-space" />
                </Spin>
              ) : (
                <Alert
                  type="error"
                  showIcon
                  data-testid="video-unplayable"
                  title={
                    playback.state === 'missing'
                      ? t('mediaViewer:video.proxyMissing', { codec: playback.codec })
                      : t('mediaViewer:video.proxyFailed')
                  }
                />
              )}
            </div>
          )}
        </div>
        <Timecode item={item} time={player.time} fps={fps} fpsAssumed={assumed} />
        {playing && (
          <VideoControls
            player={player}
            marks={marks}
            onMarkIn={canCite ? markIn : null}
            onMarkOut={canCite ? markOut : null}
          />
        )}
        {playback.state === 'proxy' && (
          <ProxyCommand template={VIDEO_PROXY_ARGS} number={item.number} output="proxy.mp4" />
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
        <ExportPanel item={item} time={player.time} marks={marks} />
      </aside>
    </div>
  )
}
