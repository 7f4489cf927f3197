import { useEffect, useState } from 'react'
import type { CustodyEvent, EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { useCurrentCase } from '../../state/session'

/** The backend's largest pages: 50 000 items in one call, custody 1 000 events per call. */
const ITEM_LIMIT = 50_000
const CUSTODY_PAGE = 1000

export interface TimelineData {
  items: EvidenceItem[]
  events: CustodyEvent[]
  /** more items exist than one call returns (over 50 000) */
  truncated: boolean
}

async function loadAll(): Promise<TimelineData> {
  const [list, events] = await Promise.all([
    api.invoke('evidence:list', { sort: 'captured', order: 'asc', limit: ITEM_LIMIT }),
    loadCustody(),
  ])
  return { items: list.items, events, truncated: list.total > list.items.length }
}

/** Every custody event, page by page (the channel caps a page at 1 000). */
async function loadCustody(): Promise<CustodyEvent[]> {
  const events: CustodyEvent[] = []
  for (;;) {
    const page = await api.invoke('custody:list', { offset: events.length, limit: CUSTODY_PAGE })
    events.push(...page.events)
    if (page.events.length === 0 || events.length >= page.total) return events
  }
}

/**
 * All evidence and all custody events of the open case, loaded again when the case reports new
 * items or events (an import finishing while the timeline is open).
 */
export function useTimelineData(): { data: TimelineData | null; error: unknown } {
  const info = useCurrentCase()
  const [state, setState] = useState<{ data: TimelineData | null; error: unknown }>({
    data: null,
    error: null,
  })
  useEffect(() => {
    let live = true
    loadAll().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error })),
    )
    return () => {
      live = false
    }
  }, [info.id, info.evidenceCount, info.custodyEventCount])
  return state
}
