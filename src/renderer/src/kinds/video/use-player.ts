import { useCallback, useEffect, useRef, useState } from 'react'
import { SPEEDS } from './playback'

export interface Player {
  time: number
  duration: number
  paused: boolean
  rate: number
  toggle(): void
  play(): void
  pause(): void
  seek(seconds: number): void
  /** ±n frames from the frame on screen, landing on a frame's start time */
  step(frames: number): void
  setRate(rate: number): void
  faster(): void
}

/** State and commands of one <video>; time follows every frame while playing, not just timeupdate's 4 Hz. */
export function usePlayer(
  fps: number,
  knownDuration: number | null,
): Player & { attach: (el: HTMLMediaElement | null) => void } {
  const [el, setEl] = useState<HTMLMediaElement | null>(null)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(knownDuration ?? 0)
  const [paused, setPaused] = useState(true)
  const [rate, setRateState] = useState(1)
  const raf = useRef(0)

  useEffect(() => {
    if (!el) return
    const sync = () => setTime(el.currentTime)
    const onPlay = () => {
      setPaused(false)
      const tick = () => {
        setTime(el.currentTime)
        raf.current = requestAnimationFrame(tick)
      }
      raf.current = requestAnimationFrame(tick)
    }
    const onPause = () => {
      setPaused(true)
      cancelAnimationFrame(raf.current)
      setTime(el.currentTime)
    }
    const onMeta = () => {
      if (Number.isFinite(el.duration)) setDuration(el.duration)
    }
    el.addEventListener('timeupdate', sync)
    el.addEventListener('seeked', sync)
    el.addEventListener('play', onPlay)
    el.addEventListener('pause', onPause)
    el.addEventListener('ended', onPause)
    el.addEventListener('loadedmetadata', onMeta)
    el.addEventListener('durationchange', onMeta)
    return () => {
      cancelAnimationFrame(raf.current)
      el.removeEventListener('timeupdate', sync)
      el.removeEventListener('seeked', sync)
      el.removeEventListener('play', onPlay)
      el.removeEventListener('pause', onPause)
      el.removeEventListener('ended', onPause)
      el.removeEventListener('loadedmetadata', onMeta)
      el.removeEventListener('durationchange', onMeta)
    }
  }, [el])

  // play() rejects when a pause or a new source interrupts it; that is not an error worth showing.
  const play = useCallback(() => void el?.play().catch(() => undefined), [el])
  const pause = useCallback(() => el?.pause(), [el])
  const toggle = useCallback(() => (el?.paused ? play() : pause()), [el, play, pause])
  const seek = useCallback(
    (seconds: number) => {
      const v = el
      if (!v) return
      const end = Number.isFinite(v.duration) ? v.duration : seconds
      setTime(moveTo(v, Math.min(Math.max(0, seconds), end)))
    },
    [el],
  )
  const step = useCallback(
    (frames: number) => {
      const v = el
      if (!v) return
      v.pause()
      // Round, not floor: after a step the time sits exactly on a frame start, and float error must not slip a frame.
      const frame = Math.round(v.currentTime * fps)
      seek((frame + frames) / fps)
    },
    [el, fps, seek],
  )
  const setRate = useCallback(
    (r: number) => {
      setRateState(r)
      if (el) changeRate(el, r)
    },
    [el],
  )
  const faster = useCallback(() => {
    const v = el
    if (!v) return
    if (v.paused) {
      play()
      return
    }
    const next = SPEEDS.find((s) => s > v.playbackRate)
    if (next) setRate(next)
  }, [el, play, setRate])

  return { attach: setEl, time, duration, paused, rate, toggle, play, pause, seek, step, setRate, faster }
}

// Commands on the element live outside the hook: the element is React state, which the hook
// itself must treat as immutable, but the media element is meant to be driven.
function moveTo(v: HTMLMediaElement, seconds: number): number {
  v.currentTime = seconds
  return v.currentTime
}

function changeRate(v: HTMLMediaElement, rate: number): void {
  v.playbackRate = rate
}
