import { useEffect, useState } from 'react'
import type { TranscriptView } from '../../../../shared/types'
import { api } from '../../api'

/** The record's text, turns and header from `transcript:get`; results kept with the id they belong to. */
export function useTranscript(itemId: string): {
  view: TranscriptView | null
  failure: unknown
  loading: boolean
} {
  const [loaded, setLoaded] = useState<{ id: string; view?: TranscriptView; failure?: unknown } | null>(null)
  useEffect(() => {
    let live = true
    api.invoke('transcript:get', { itemId }).then(
      (view) => live && setLoaded({ id: itemId, view }),
      (e: unknown) => live && setLoaded({ id: itemId, failure: e }),
    )
    return () => {
      live = false
    }
  }, [itemId])
  const current = loaded?.id === itemId ? loaded : null
  return { view: current?.view ?? null, failure: current?.failure ?? null, loading: current === null }
}
