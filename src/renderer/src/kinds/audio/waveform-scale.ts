/**
 * Pure geometry of the waveform strip: which stored peaks fall under each pixel column, and the
 * media time at a pixel (for click-to-seek) and back (for the playhead, marks and cited ranges).
 */
import type { Waveform } from '../../../../shared/kinds'

/** The loudest stored peak (0–1000) under each of `columns` equal columns spanning `durationSec`. */
export function columnPeaks(w: Waveform, durationSec: number, columns: number): number[] {
  const out = new Array<number>(Math.max(0, columns)).fill(0)
  if (columns <= 0 || durationSec <= 0 || w.peaks.length === 0) return out
  const perColumn = durationSec / columns
  for (let x = 0; x < columns; x++) {
    const from = Math.floor((x * perColumn) / w.secondsPerPeak)
    const to = Math.max(from + 1, Math.floor(((x + 1) * perColumn) / w.secondsPerPeak))
    let peak = 0
    for (let i = from; i < to && i < w.peaks.length; i++) if (w.peaks[i] > peak) peak = w.peaks[i]
    out[x] = peak
  }
  return out
}

/** Media seconds at pixel `x` of a strip `width` px wide showing `durationSec`, clamped to the recording. */
export function timeAt(x: number, width: number, durationSec: number): number {
  if (width <= 0 || durationSec <= 0) return 0
  return Math.min(durationSec, Math.max(0, (x / width) * durationSec))
}

/** The pixel of media time `seconds` on the strip. */
export function xAt(seconds: number, width: number, durationSec: number): number {
  if (durationSec <= 0) return 0
  return Math.min(width, Math.max(0, (seconds / durationSec) * width))
}

/** "1:02:03.5", "02:03", "75" or "75.25" as media seconds; null for anything else. */
export function parseMediaTime(text: string): number | null {
  const m = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d{1,3})?)\s*$/.exec(text)
  if (!m) return null
  const [h, min, sec] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3])]
  if ((m[2] !== undefined && sec >= 60) || min >= 60) return null
  return h * 3600 + min * 60 + sec
}
