import { useEffect, useState } from 'react'
import { waveformSchema, type Waveform } from '../../../../shared/kinds/audio'
import type { EvidenceItem } from '../../../../shared/types'
import { api, mediaUrl } from '../../api'

const POLL_MS = 3000

export type AudioSource =
  | { state: 'original'; src: string }
  | { state: 'proxy'; src: string }
  | { state: 'pending' }
  | { state: 'failed' }

/**
 * What to play: the original when the import found Chromium plays it (no proxy was asked for),
 * else the playback proxy, polled while it is being made. `originalFailed` falls back to the
 * proxy state when the browser could not play an original after all.
 */
export function useAudioSource(initial: EvidenceItem, originalFailed: boolean): AudioSource {
  const [item, setItem] = useState(initial)
  const proxy = item.derived.proxy
  useEffect(() => {
    if (proxy !== 'pending') return
    let live = true
    const timer = window.setInterval(() => {
      api.invoke('evidence:get', { id: item.id }).then(
        (r) => live && setItem(r.item),
        () => undefined, // retried on the next tick
      )
    }, POLL_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [proxy, item.id])
  if (proxy === 'ready') return { state: 'proxy', src: mediaUrl(item.id, 'proxy') }
  if (proxy === 'pending') return { state: 'pending' }
  if (proxy === 'failed' || originalFailed) return { state: 'failed' }
  return { state: 'original', src: mediaUrl(item.id, 'original') }
}

/** The stored waveform peaks of an item, or null while loading or when there are none. */
export function useWaveform(item: EvidenceItem): Waveform | null {
  const [loaded, setLoaded] = useState<{ id: string; waveform: Waveform | null } | null>(null)
  const ready = item.derived.waveform === 'ready'
  useEffect(() => {
    if (!ready) return
    let live = true
    fetch(mediaUrl(item.id, 'waveform'), { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then(
        (json: unknown) => {
          const parsed = waveformSchema.safeParse(json)
          if (live) setLoaded({ id: item.id, waveform: parsed.success ? parsed.data : null })
        },
        () => live && setLoaded({ id: item.id, waveform: null }),
      )
    return () => {
      live = false
    }
  }, [item.id, ready])
  return loaded?.id === item.id ? loaded.waveform : null
}
