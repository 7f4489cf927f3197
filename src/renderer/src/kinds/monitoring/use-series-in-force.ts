import { useEffect, useState } from 'react'
import type { MonitoringSeriesInForce, MonitoringSeriesSummary } from '../../../../shared/types'
import { api } from '../../api'
import { useCurrentCase } from '../../state/session'

/** Every monitoring item's series in force (or one item's), fetched again when the custody log grows (a limit or basis set). */
function useInForce(itemId?: string): MonitoringSeriesInForce[] | null {
  const info = useCurrentCase()
  const [loaded, setLoaded] = useState<{ key: string; list: MonitoringSeriesInForce[] } | null>(null)
  const key = `${itemId ?? '*'}#${info.evidenceCount}#${info.custodyEventCount}`
  useEffect(() => {
    let live = true
    api.invoke('monitoring:seriesInForce', itemId ? { itemId } : {}).then(
      (list) => live && setLoaded({ key, list }),
      () => live && setLoaded({ key, list: [] }),
    )
    return () => {
      live = false
    }
  }, [itemId, key])
  return loaded?.key === key ? loaded.list : null
}

/** One item's series with the officers' limits and bases applied; null while loading. */
export function useSeriesInForce(itemId: string): MonitoringSeriesSummary[] | null {
  return useInForce(itemId)?.[0]?.series ?? null
}

/** Every monitoring item's series in force, for the timeline's exceedance lane; null while loading. */
export function useAllSeriesInForce(): MonitoringSeriesInForce[] | null {
  return useInForce()
}
