import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ItemQueryInput } from '../../../shared/api'
import type { ApiError } from '../../../shared/errors'
import type { EvidenceItem } from '../../../shared/types'
import { api } from '../api'
import { asApiError } from '../lib/errors'

export const PAGE_SIZE = 200

export type LibraryQuery = Omit<ItemQueryInput, 'offset' | 'limit'>

interface Snapshot {
  /** null until the first page has answered */
  total: number | null
  failure: ApiError | null
  /** grows with every page that arrives, so views that read items re-render */
  version: number
}

/**
 * The items of one library query, fetched in pages of PAGE_SIZE as the view asks for ranges
 * (a virtual window over 20,000 items needs only the pages it shows). A refresh keeps showing
 * the old rows until their new versions arrive, so an import in the background does not blank
 * the grid. Answers to an older query or refresh are dropped.
 */
export class EvidencePager {
  private pages = new Map<number, EvidenceItem[]>()
  private stale = new Map<number, EvidenceItem[]>()
  private inflight = new Set<number>()
  private epoch = 0
  private range: [number, number] = [0, 0]
  private listeners = new Set<() => void>()
  private snapshot: Snapshot = { total: null, failure: null, version: 0 }

  constructor(private readonly query: LibraryQuery) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): Snapshot => this.snapshot

  itemAt(index: number): EvidenceItem | undefined {
    const page = Math.floor(index / PAGE_SIZE)
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE]
  }

  /** Makes sure the items from `first` to `last` (inclusive) are loaded or on their way. */
  ensure(first: number, last: number): void {
    this.range = [Math.max(0, first), Math.max(0, last)]
    const from = Math.floor(this.range[0] / PAGE_SIZE)
    const to = Math.floor(this.range[1] / PAGE_SIZE)
    for (let page = from; page <= to; page++) {
      if (!this.pages.has(page) && !this.inflight.has(page)) this.fetch(page)
    }
  }

  /** Refetches what is on screen; everything else is dropped and fetched again when needed. */
  refresh(): void {
    this.epoch++
    const from = Math.floor(this.range[0] / PAGE_SIZE)
    const to = Math.floor(this.range[1] / PAGE_SIZE)
    const keep = new Map<number, EvidenceItem[]>()
    for (const [page, items] of [...this.stale, ...this.pages])
      if (page >= from && page <= to) keep.set(page, items)
    this.stale = keep
    this.pages = new Map()
    this.inflight.clear()
    this.ensure(...this.range)
  }

  private fetch(page: number): void {
    const epoch = this.epoch
    this.inflight.add(page)
    api.invoke('evidence:list', { ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (res) => {
        if (epoch !== this.epoch) return
        this.inflight.delete(page)
        this.pages.set(page, res.items)
        this.stale.delete(page)
        this.emit({ total: res.total, failure: null })
      },
      (err) => {
        if (epoch !== this.epoch) return
        this.inflight.delete(page)
        this.emit({ failure: asApiError(err) })
      },
    )
  }

  private emit(change: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 }
    for (const l of this.listeners) l()
  }
}

/** A pager for `query`, refreshed whenever `refreshKey` changes (the case's evidence changed). */
export function useEvidencePages(
  query: LibraryQuery,
  refreshKey: number,
): { pager: EvidencePager } & Snapshot {
  const key = JSON.stringify(query)
  const pager = useMemo(() => new EvidencePager(JSON.parse(key) as LibraryQuery), [key])
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot)
  // A fresh pager fetches its first page here too (a refresh of nothing is a first load).
  useEffect(() => {
    pager.refresh()
  }, [pager, refreshKey])
  return { pager, ...snapshot }
}
