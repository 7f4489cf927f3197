import { useEffect, useState } from 'react'
import type { EvidenceItem } from '../../../../shared/types'
import { api, mediaUrl } from '../../api'
import { canPlayOriginal } from './playback'

const POLL_MS = 3000

export type Playback =
  | { state: 'original'; src: string }
  | { state: 'proxy'; src: string }
  | { state: 'pending' }
  | { state: 'failed' }
  | { state: 'missing'; codec: string }

/**
 * What to play for a video item: the original when this browser decodes it, else the playback
 * proxy. While the proxy is still being made, the item is re-read every few seconds until it is
 * ready or has failed. `originalFailed` switches to the proxy when the browser claimed it could
 * play the original but could not.
 */
export function usePlayableItem(initial: EvidenceItem, originalFailed: boolean): Playback {
  const [item, setItem] = useState(initial)
  const [playable] = useState(() => canPlayOriginal(initial))
  const proxy = item.derived.proxy
  const useOriginal = playable && !originalFailed

  useEffect(() => {
    if (useOriginal || proxy !== 'pending') return
    let live = true
    const timer = window.setInterval(() => {
      api.invoke('evidence:get', { id: item.id }).then(
        (r) => live && setItem(r.item),
        // A failed poll is retried on the next tick; the pending message stays meanwhile.
        () => undefined,
      )
    }, POLL_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [useOriginal, proxy, item.id])

  if (useOriginal) return { state: 'original', src: mediaUrl(item.id, 'original') }
  if (proxy === 'ready') return { state: 'proxy', src: mediaUrl(item.id, 'proxy') }
  if (proxy === 'pending') return { state: 'pending' }
  if (proxy === 'failed' || originalFailed) return { state: 'failed' }
  return { state: 'missing', codec: typeof item.meta.videoCodec === 'string' ? item.meta.videoCodec : '?' }
}
