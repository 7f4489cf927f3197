import { useEffect } from 'react'
import { Button, Popover, Select, Slider, Tooltip } from 'antd'
import {
  CaretRightOutlined,
  PauseOutlined,
  QuestionCircleOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatMediaTime, SPEEDS } from './playback'
import type { Player } from './use-player'

interface Props {
  player: Player
  marks: { in: number | null; out: number | null }
  /** null in review: no range can be cited, so no I/O keys, buttons or hints */
  onMarkIn: (() => void) | null
  onMarkOut: (() => void) | null
}

/** Keys an officer uses all day; they act only when the focus is not in a text field or the slider. */
export function useVideoKeys({ player, onMarkIn, onMarkOut }: Omit<Props, 'marks'>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"], .ant-select')) return
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
      // After seeking with the mouse the slider keeps the focus: it owns the arrow keys, but
      // I/O/J/K/L and Space still act on the video (they mean nothing to a slider).
      if (target?.closest('.ant-slider') && (key === 'ArrowLeft' || key === 'ArrowRight')) return
      const actions: Record<string, (() => void) | null> = {
        ' ': player.toggle,
        ArrowLeft: () => player.step(-1),
        ArrowRight: () => player.step(1),
        j: () => player.seek(player.time - 1),
        k: player.pause,
        l: player.faster,
        i: onMarkIn,
        o: onMarkOut,
      }
      const action = Object.hasOwn(actions, key) ? actions[key] : null
      if (!action) return
      // Space would also press a focused button and scroll the page.
      e.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [player, onMarkIn, onMarkOut])
}

function KeyHelp({ marking }: { marking: boolean }) {
  const { t } = useTranslation()
  const rows: Array<[string, string]> = [
    ['Space', t('mediaViewer:video.keys.space')],
    ['← →', t('mediaViewer:video.keys.arrows')],
    ['J', t('mediaViewer:video.keys.j')],
    ['K', t('mediaViewer:video.keys.k')],
    ['L', t('mediaViewer:video.keys.l')],
    ...(marking
      ? ([
          ['I', t('mediaViewer:video.keys.i')],
          ['O', t('mediaViewer:video.keys.o')],
        ] as Array<[string, string]>)
      : []),
  ]
  return (
    <dl className="video-keys" data-testid="video-key-help">
      {rows.map(([key, text]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd style={{ margin: 0 }}>{text}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Play, frame steps, the position slider with the in/out marks, speed and the shortcut help. */
export function VideoControls({ player, marks, onMarkIn, onMarkOut }: Props) {
  const { t } = useTranslation()
  useVideoKeys({ player, onMarkIn, onMarkOut })
  const sliderMarks: Record<number, string> = {}
  if (marks.in !== null) sliderMarks[marks.in] = t('mediaViewer:video.marks.in')
  if (marks.out !== null) sliderMarks[marks.out] = t('mediaViewer:video.marks.out')
  return (
    <div className="video-controls">
      <Tooltip title={player.paused ? t('mediaViewer:video.play') : t('mediaViewer:video.pause')}>
        <Button
          type="primary"
          icon={player.paused ? <CaretRightOutlined /> : <PauseOutlined />}
          onClick={player.toggle}
          aria-label={player.paused ? t('mediaViewer:video.play') : t('mediaViewer:video.pause')}
          data-testid="video-play"
        />
      </Tooltip>
      <Tooltip title={t('mediaViewer:video.prevFrame')}>
        <Button
          icon={<StepBackwardOutlined />}
          onClick={() => player.step(-1)}
          aria-label={t('mediaViewer:video.prevFrame')}
          data-testid="frame-prev"
        />
      </Tooltip>
      <Tooltip title={t('mediaViewer:video.nextFrame')}>
        <Button
          icon={<StepForwardOutlined />}
          onClick={() => player.step(1)}
          aria-label={t('mediaViewer:video.nextFrame')}
          data-testid="frame-next"
        />
      </Tooltip>
      <div className="video-seek" data-testid="video-seek">
        <Slider
          min={0}
          max={Math.max(player.duration, 0.001)}
          step={0.001}
          value={player.time}
          marks={sliderMarks}
          tooltip={{ formatter: (v) => formatMediaTime(v ?? 0) }}
          onChange={(v) => player.seek(v)}
          aria-label={t('mediaViewer:video.seek')}
        />
      </div>
      <Select
        value={player.rate}
        onChange={player.setRate}
        options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
        aria-label={t('mediaViewer:video.speed')}
        style={{ width: 84 }}
        data-testid="video-speed"
      />
      {onMarkIn && onMarkOut && (
        <>
          <Button onClick={onMarkIn} data-testid="mark-in">
            {t('mediaViewer:video.marks.setIn')}
          </Button>
          <Button onClick={onMarkOut} data-testid="mark-out">
            {t('mediaViewer:video.marks.setOut')}
          </Button>
        </>
      )}
      <Popover
        content={<KeyHelp marking={Boolean(onMarkIn && onMarkOut)} />}
        title={t('mediaViewer:video.help')}
        trigger="click"
      >
        <Button
          icon={<QuestionCircleOutlined />}
          aria-label={t('mediaViewer:video.help')}
          data-testid="video-help"
        />
      </Popover>
    </div>
  )
}
