import { useCallback, useEffect, useState } from 'react'
import type { EvidenceItem, RecordingPair } from '../../../../shared/types'
import { api } from '../../api'

export interface Pairs {
  pairs: RecordingPair[]
  /** the case's interview records, to pair with */
  transcripts: EvidenceItem[]
  failure: unknown
  pair(transcriptId: string): Promise<void>
  unpair(pairId: string, reason: string): Promise<void>
}

interface Loaded {
  key: string
  pairs: RecordingPair[]
  transcripts: EvidenceItem[]
  failure: unknown
}

/** The recording's standing pairs (from the custody log) and the records it could be paired with. */
export function usePairs(recordingId: string): Pairs {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  // bumped after each change, to read the pairs again
  const [version, setVersion] = useState(0)
  const key = `${recordingId}#${version}`
  useEffect(() => {
    let live = true
    Promise.all([
      api.invoke('pair:list', { itemId: recordingId }),
      api.invoke('evidence:list', { kinds: ['transcript'], limit: 500 }),
    ]).then(
      ([pairs, listed]) => live && setLoaded({ key, pairs, transcripts: listed.items, failure: null }),
      (e: unknown) => live && setLoaded({ key, pairs: [], transcripts: [], failure: e }),
    )
    return () => {
      live = false
    }
  }, [recordingId, key])
  const pair = useCallback(
    async (transcriptId: string) => {
      await api.invoke('pair:add', { recordingId, transcriptId })
      setVersion((v) => v + 1)
    },
    [recordingId],
  )
  const unpair = useCallback(async (pairId: string, reason: string) => {
    await api.invoke('pair:remove', { pairId, reason })
    setVersion((v) => v + 1)
  }, [])
  // the last answer stays shown while the next is read, so the panel does not flicker
  const current = loaded?.key.startsWith(`${recordingId}#`) ? loaded : null
  return {
    pairs: current?.pairs ?? [],
    transcripts: current?.transcripts ?? [],
    failure: current?.failure ?? null,
    pair,
    unpair,
  }
}
