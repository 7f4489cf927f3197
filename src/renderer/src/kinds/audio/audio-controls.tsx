import { useState } from 'react'
import { Button, Input, Select, Tooltip } from 'antd'
import { CaretRightOutlined, PauseOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons'
import type { Player } from '../video/use-player'
import { formatMediaTime } from '../video/playback'
import { useAudioWords } from './audio-words'
import { parseMediaTime } from './waveform-scale'

/** 0.5× to 2×: slower to make out words, faster to skim a long interview. */
export const AUDIO_SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const

interface Props {
  player: Player
  onMarkIn(): void
  onMarkOut(): void
  readOnly: boolean
}

/** Play/pause, 5-second jumps, the position, speed, and in/out marks for a citation. */
export function AudioControls({ player, onMarkIn, onMarkOut, readOnly }: Props) {
  const w = useAudioWords()
  const [goTo, setGoTo] = useState('')
  const target = parseMediaTime(goTo)
  return (
    <div className="audio-controls">
      <Button
        type="primary"
        icon={player.paused ? <CaretRightOutlined /> : <PauseOutlined />}
        onClick={player.toggle}
        data-testid="audio-play"
        data-paused={player.paused}
      >
        {player.paused ? w.play : w.pause}
      </Button>
      <Tooltip title={w.back5}>
        <Button icon={<UndoOutlined />} aria-label={w.back5} onClick={() => player.seek(player.time - 5)} />
      </Tooltip>
      <Tooltip title={w.forward5}>
        <Button
          icon={<RedoOutlined />}
          aria-label={w.forward5}
          onClick={() => player.seek(player.time + 5)}
        />
      </Tooltip>
      <span className="mono audio-position" data-testid="audio-position">
        {formatMediaTime(player.time)} / {formatMediaTime(player.duration)}
      </span>
      <Input
        value={goTo}
        onChange={(e) => setGoTo(e.target.value)}
        onPressEnter={() => target !== null && player.seek(target)}
        status={goTo && target === null ? 'error' : undefined}
        placeholder={w.goToPlaceholder}
        prefix={w.goTo}
        aria-label={w.goTo}
        style={{ width: 150 }}
        data-testid="audio-goto"
      />
      <Select
        value={player.rate}
        onChange={player.setRate}
        options={AUDIO_SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
        aria-label={w.speed}
        style={{ width: 84 }}
        data-testid="audio-speed"
      />
      {!readOnly && (
        <>
          <Button onClick={onMarkIn} data-testid="mark-in">
            {w.markIn}
          </Button>
          <Button onClick={onMarkOut} data-testid="mark-out">
            {w.markOut}
          </Button>
        </>
      )}
    </div>
  )
}
