import { useCallback, useEffect, useState } from 'react'
import type { MonitoringView } from '../../../../shared/types'
import { api } from '../../api'

/** The item's series, exceedances and limit history from `monitoring:get`; setLimit replaces them. */
export function useMonitoring(itemId: string) {
  const [loaded, setLoaded] = useState<{ id: string; view?: MonitoringView; failure?: unknown } | null>(null)
  useEffect(() => {
    let live = true
    api.invoke('monitoring:get', { itemId }).then(
      (view) => live && setLoaded({ id: itemId, view }),
      (e: unknown) => live && setLoaded({ id: itemId, failure: e }),
    )
    return () => {
      live = false
    }
  }, [itemId])
  const setLimit = useCallback(
    async (pollutant: string, limit: number | null, reason: string) => {
      const view = await api.invoke('monitoring:setLimit', { itemId, pollutant, limit, reason })
      setLoaded({ id: itemId, view })
      return view
    },
    [itemId],
  )
  const setBasis = useCallback(
    async (pollutant: string, basis: 'measured' | 'dry' | 'converted' | null, reason: string) => {
      const view = await api.invoke('monitoring:setBasis', { itemId, pollutant, basis, reason })
      setLoaded({ id: itemId, view })
      return view
    },
    [itemId],
  )
  const current = loaded?.id === itemId ? loaded : null
  return {
    view: current?.view ?? null,
    failure: current?.failure ?? null,
    loading: current === null,
    setLimit,
    setBasis,
  }
}
