import {
  ITEM_CATEGORIES,
  type CustodyEvent,
  type EvidenceItem,
  type EvidenceKind,
  type MonitoringSeriesInForce,
  type MonitoringSeriesSummary,
  type ItemCategory,
} from '../../../../shared/types'
import { TIME_WARNING_CODES } from '../../lib/item-time'
import { deviceKey } from '../../../../shared/clock-offset'

/** One thing on the axis: an evidence item (a point, or a bar over a video's duration) or a custody event. */
export interface Mark {
  key: string
  start: number
  /** equal to start for points */
  end: number
  weak: boolean
  item?: EvidenceItem
  event?: CustodyEvent
  /** on the exceedance lane: the series and which of its windows this mark is */
  exceedance?: { series: MonitoringSeriesSummary; index: number }
}

export interface Lane {
  key: string
  kind: EvidenceKind | 'custody' | 'exceedance'
  /** what its items are called (现场照片, 无人机照片, …); null for the custody and exceedance lanes */
  category: ItemCategory | null
  device: EvidenceItem['device']
  /** sorted by start */
  marks: Mark[]
  /** the longest mark (ms), so a view query knows how far back a bar can start and still show */
  maxDuration: number
}

/**
 * Why an item's capture time is weak: the file-system clock, an assumed offset or a disagreeing
 * clock. Empty when the time is as good as the source can give.
 */
export function weakTimeReasons(item: EvidenceItem): string[] {
  const codes = item.warnings
    .map((w) => w.code)
    .filter((c) => (TIME_WARNING_CODES as readonly string[]).includes(c))
  if (item.capturedAtSource === 'filesystem' && !codes.includes('time-from-filesystem'))
    codes.unshift('filesystem')
  return codes
}

/** "DJI FC6310" and the serial / id, for a lane label. */
export function deviceParts(d: EvidenceItem['device']): {
  name: string | null
  serial: string | null
  id: string | null
} {
  if (!d) return { name: null, serial: null, id: null }
  const name = [d.make, d.model].filter(Boolean).join(' ') || null
  return { name, serial: d.serial, id: d.id && d.id !== d.serial ? d.id : null }
}

/**
 * Evidence with a capture time in lanes by category and device (in the glossary's order), and
 * the rest apart; each lane's marks sorted by time. Items of kinds that `spans` says are shown
 * over their duration (recordings) get a bar from capture time to its end.
 */
export function buildLanes(
  items: EvidenceItem[],
  spans: (kind: EvidenceKind) => boolean,
): { lanes: Lane[]; undated: EvidenceItem[] } {
  const byKey = new Map<string, Lane>()
  const undated: EvidenceItem[] = []
  for (const item of items) {
    // at the corrected instant where the device's clock offset is recorded (the tooltip shows both)
    const at = item.clock?.correctedAt ?? item.capturedAt
    const start = at ? Date.parse(at) : NaN
    if (Number.isNaN(start)) {
      undated.push(item)
      continue
    }
    const key = `${item.category}#${deviceKey(item.device) ?? ''}`
    let lane = byKey.get(key)
    if (!lane) {
      lane = { key, kind: item.kind, category: item.category, device: item.device, marks: [], maxDuration: 0 }
      byKey.set(key, lane)
    }
    const duration = spans(item.kind) && item.durationSec ? item.durationSec * 1000 : 0
    lane.marks.push({
      key: item.id,
      start,
      end: start + duration,
      weak: weakTimeReasons(item).length > 0,
      item,
    })
  }
  const lanes = [...byKey.values()]
  for (const lane of lanes) {
    lane.marks.sort((a, b) => a.start - b.start)
    lane.maxDuration = lane.marks.reduce((m, k) => Math.max(m, k.end - k.start), 0)
  }
  const order = (c: Lane['category']) => (c ? ITEM_CATEGORIES.indexOf(c) : -1)
  lanes.sort((a, b) => order(a.category) - order(b.category) || a.key.localeCompare(b.key))
  return { lanes, undated }
}

export function custodyLane(events: CustodyEvent[]): Lane {
  const marks = events
    .map((event) => {
      const at = Date.parse(event.at)
      return { key: `c${event.seq}`, start: at, end: at, weak: false, event }
    })
    .filter((m) => !Number.isNaN(m.start))
    .sort((a, b) => a.start - b.start)
  return { key: 'custody', kind: 'custody', category: null, device: null, marks, maxDuration: 0 }
}

/**
 * Every window in which monitoring data exceeded its limit (as the officers' limits and bases stand),
 * one bar per window from its first period's start to its last period's end, so an SO2 exceedance
 * 02:00–04:00 lines up with the body-cam video and drone photos of the same night. Null when no
 * monitoring item has one.
 */
export function exceedanceLane(items: EvidenceItem[], inForce: MonitoringSeriesInForce[]): Lane | null {
  const byId = new Map(items.map((i) => [i.id, i]))
  const marks: Mark[] = []
  for (const { itemId, series } of inForce) {
    const item = byId.get(itemId)
    if (!item) continue
    series.forEach((s, si) => {
      if (s.limit === null || s.judged === false) return
      s.exceedances.forEach((w, index) => {
        const start = Date.parse(w.start)
        const end = Date.parse(w.end)
        if (Number.isNaN(start) || Number.isNaN(end)) return
        marks.push({
          key: `x${itemId}#${si}#${index}`,
          start,
          end,
          weak: false,
          item,
          exceedance: { series: s, index },
        })
      })
    })
  }
  if (marks.length === 0) return null
  marks.sort((a, b) => a.start - b.start)
  const maxDuration = marks.reduce((m, k) => Math.max(m, k.end - k.start), 0)
  return { key: 'exceedance', kind: 'exceedance', category: null, device: null, marks, maxDuration }
}

/** The first index in sorted marks whose end is at or after `ms` (binary search). */
function firstEndingAfter(marks: Mark[], ms: number, maxDuration: number): number {
  // marks are sorted by start; a mark that ends after ms starts after ms - maxDuration
  let lo = 0
  let hi = marks.length
  const from = ms - maxDuration
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (marks[mid].start < from) lo = mid + 1
    else hi = mid
  }
  while (lo < marks.length && marks[lo].end < ms) lo++
  return lo
}

export interface Cluster {
  key: string
  marks: Mark[]
  x0: number
  x1: number
}

/**
 * The marks of a lane inside the view, merged where they would overlap on screen (closer than
 * `gapPx`), so the number of drawn shapes stays bounded by the width however many items there
 * are. Also counts what lies outside on either side.
 */
export function visibleClusters(
  lane: Lane,
  toX: (ms: number) => number,
  view: { start: number; end: number },
  gapPx: number,
): { clusters: Cluster[]; before: number; after: number } {
  const { marks } = lane
  const first = firstEndingAfter(marks, view.start, lane.maxDuration)
  const clusters: Cluster[] = []
  let i = first
  // everything before `first` ends before the view
  let before = first
  let prevX0 = -Infinity
  for (; i < marks.length && marks[i].start <= view.end; i++) {
    const m = marks[i]
    if (m.end < view.start) {
      before++
      continue
    }
    const x0 = toX(m.start)
    const x1 = toX(m.end)
    const last = clusters[clusters.length - 1]
    // chained on start positions, so a point during a long video bar is not swallowed by it
    if (last && x0 - prevX0 < gapPx) {
      last.marks.push(m)
      last.x1 = Math.max(last.x1, x1)
    } else clusters.push({ key: m.key, marks: [m], x0, x1 })
    prevX0 = x0
  }
  return { clusters, before, after: marks.length - i }
}
