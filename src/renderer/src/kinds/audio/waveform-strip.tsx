import { useEffect, useRef, useState } from 'react'
import type { Waveform } from '../../../../shared/kinds'
import { columnPeaks, timeAt, xAt } from './waveform-scale'

interface Props {
  waveform: Waveform | null
  durationSec: number
  time: number
  /** the cited ranges, shaded */
  ranges: Array<{ start: number; end: number }>
  marks: { in: number | null; out: number | null }
  onSeek(seconds: number): void
  label: string
}

const HEIGHT = 140
const COLOUR = { played: '#08979c', ahead: '#87c9cc', range: 'rgba(250, 173, 20, 0.28)', mark: '#d4380d' }

/** The recording's waveform over its whole length; a click seeks there. Drawn on a canvas sized to its box. */
export function WaveformStrip({ waveform, durationSec, time, ranges, marks, onSeek, label }: Props) {
  const boxRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [width, setWidth] = useState(0)

  useEffect(() => {
    const box = boxRef.current
    if (!box) return
    const observer = new ResizeObserver(() => setWidth(Math.floor(box.clientWidth)))
    observer.observe(box)
    setWidth(Math.floor(box.clientWidth))
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || width === 0) return
    const dpr = window.devicePixelRatio || 1
    canvas.width = width * dpr
    canvas.height = HEIGHT * dpr
    const g = canvas.getContext('2d')
    if (!g) return
    g.setTransform(dpr, 0, 0, dpr, 0, 0)
    g.clearRect(0, 0, width, HEIGHT)
    for (const r of ranges) {
      const x0 = xAt(r.start, width, durationSec)
      g.fillStyle = COLOUR.range
      g.fillRect(x0, 0, Math.max(1, xAt(r.end, width, durationSec) - x0), HEIGHT)
    }
    const mid = HEIGHT / 2
    const played = xAt(time, width, durationSec)
    const peaks = waveform ? columnPeaks(waveform, durationSec, width) : []
    peaks.forEach((p, x) => {
      const half = Math.max(0.5, (p / 1000) * (mid - 4))
      g.fillStyle = x < played ? COLOUR.played : COLOUR.ahead
      g.fillRect(x, mid - half, 1, half * 2)
    })
    g.fillStyle = COLOUR.mark
    for (const m of [marks.in, marks.out])
      if (m !== null) g.fillRect(xAt(m, width, durationSec) - 1, 0, 2, HEIGHT)
    g.fillStyle = '#1f1f1f'
    g.fillRect(Math.round(played) - 1, 0, 2, HEIGHT)
  }, [waveform, durationSec, time, ranges, marks, width])

  return (
    <div
      ref={boxRef}
      className="audio-waveform"
      data-testid="audio-waveform"
      data-peaks={waveform ? waveform.peaks.length : 0}
      role="slider"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={durationSec}
      aria-valuenow={time}
      tabIndex={0}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect()
        onSeek(timeAt(e.clientX - box.left, box.width, durationSec))
      }}
    >
      <canvas ref={canvasRef} style={{ width: '100%', height: HEIGHT }} />
    </div>
  )
}
