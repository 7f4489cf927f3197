import { describe, expect, it } from 'vitest'
import type { CustodyEvent, EvidenceItem, EvidenceKind } from '../../../src/shared/types'
import { KIND_UI } from '../../../src/renderer/src/kinds/registry'
import { deriveCategory } from '../../../src/shared/kinds/category'
import {
  buildLanes,
  custodyLane,
  deviceParts,
  visibleClusters,
  weakTimeReasons,
  type Lane,
} from '../../../src/renderer/src/components/timeline/lanes'

const OFFICER = { name: '张三', certNo: '32010001' }
const BODY_CAM = { make: null, model: null, serial: null, id: 'DSJ-A8-00123' }
const DRONE = { make: 'DJI', model: 'FC6310', serial: '0K8TH9', id: null }
let n = 0
/** as the timeline view asks: each kind's module says whether it is shown over its duration */
const spansByKind = (kind: EvidenceKind) => KIND_UI[kind].timelineMark === 'span'

function item(over: Partial<EvidenceItem>): EvidenceItem {
  n++
  const base = {
    id: `i${n}`,
    number: `E${String(n).padStart(3, '0')}`,
    sha256: 'a'.repeat(64),
    size: 1,
    originalName: `file${n}`,
    sourcePath: `/media/file${n}`,
    kind: 'image',
    mime: 'image/jpeg',
    importedAt: '2021-05-25T01:00:00Z',
    importedBy: OFFICER,
    capturedAt: '2021-05-24T04:03:12+08:00',
    capturedAtSource: 'exif',
    utcOffset: '+08:00',
    gps: null,
    device: null,
    width: null,
    height: null,
    durationSec: null,
    warnings: [],
    meta: {},
    sourceMtime: null,
    derived: {},
    derivedFrom: null,
    ...over,
  } as Omit<EvidenceItem, 'category'>
  // what import stores: the category by the one shared rule
  return { ...base, category: over.category ?? deriveCategory(base) } as EvidenceItem
}

function event(seq: number, at: string): CustodyEvent {
  return { seq, at, actor: OFFICER, action: 'viewed', itemId: null, details: {}, prevHash: '', hash: '' }
}

describe('timeline lanes', () => {
  it('puts items in lanes by kind (in the glossary order) and device, each lane sorted by time', () => {
    const { lanes, undated } = buildLanes(
      [
        item({ kind: 'image', device: DRONE, capturedAt: '2021-05-24T04:10:00+08:00' }),
        item({ kind: 'video', device: BODY_CAM, capturedAt: '2021-05-24T04:03:12+08:00', durationSec: 60 }),
        item({ kind: 'image', device: DRONE, capturedAt: '2021-05-24T04:09:00+08:00' }),
        item({ kind: 'image', device: null, capturedAt: '2021-05-24T05:00:00+08:00' }),
        item({ kind: 'transcript', capturedAt: null, capturedAtSource: null }),
      ],
      spansByKind,
    )
    expect(lanes.map((l) => [l.kind, l.device?.model ?? l.device?.id ?? null, l.marks.length])).toEqual([
      ['video', 'DSJ-A8-00123', 1],
      ['image', null, 1],
      ['image', 'FC6310', 2],
    ])
    const drone = lanes[2]
    expect(drone.marks.map((m) => new Date(m.start).toISOString())).toEqual([
      '2021-05-23T20:09:00.000Z',
      '2021-05-23T20:10:00.000Z',
    ])
    expect(undated.map((i) => i.kind)).toEqual(['transcript'])
  })

  it('spans a video over its duration; other kinds are points', () => {
    const { lanes } = buildLanes(
      [
        item({ kind: 'video', capturedAt: '2021-05-24T04:00:00+08:00', durationSec: 90.5 }),
        item({ kind: 'image', capturedAt: '2021-05-24T04:00:00+08:00', durationSec: 12 }),
      ],
      spansByKind,
    )
    const [video, image] = lanes
    expect(video.marks[0].end - video.marks[0].start).toBe(90_500)
    expect(video.maxDuration).toBe(90_500)
    expect(image.marks[0].end).toBe(image.marks[0].start)
    expect(image.maxDuration).toBe(0)
  })

  it('marks a capture time weak when it came from the file system or carries a time warning', () => {
    const fs = item({ capturedAtSource: 'filesystem' })
    expect(weakTimeReasons(fs)).toEqual(['filesystem'])
    const assumed = item({
      warnings: [
        { code: 'offset-assumed', message: '' },
        { code: 'truncated', message: '' },
      ],
    })
    expect(weakTimeReasons(assumed)).toEqual(['offset-assumed'])
    const both = item({
      capturedAtSource: 'filesystem',
      warnings: [{ code: 'time-from-filesystem', message: '' }],
    })
    expect(weakTimeReasons(both)).toEqual(['time-from-filesystem'])
    expect(weakTimeReasons(item({}))).toEqual([])
    const { lanes } = buildLanes([fs], spansByKind)
    expect(lanes[0].marks[0].weak).toBe(true)
  })

  it('names a device by make and model, with the serial and an id that differs from it', () => {
    expect(deviceParts(DRONE)).toEqual({ name: 'DJI FC6310', serial: '0K8TH9', id: null })
    expect(deviceParts(BODY_CAM)).toEqual({ name: null, serial: null, id: 'DSJ-A8-00123' })
    expect(deviceParts({ make: null, model: null, serial: 'S1', id: 'S1' })).toEqual({
      name: null,
      serial: 'S1',
      id: null,
    })
    expect(deviceParts(null)).toEqual({ name: null, serial: null, id: null })
  })

  it('puts custody events in their own lane, in time order, leaving out unreadable times', () => {
    const lane = custodyLane([
      event(2, '2021-05-25T02:00:00Z'),
      event(1, '2021-05-25T01:00:00Z'),
      event(3, 'not a time'),
    ])
    expect(lane.kind).toBe('custody')
    expect(lane.marks.map((m) => m.key)).toEqual(['c1', 'c2'])
  })
})

describe('visible clusters', () => {
  const toX = (ms: number) => ms / 1000 // one pixel per second

  function laneOf(spans: Array<[number, number]>): Lane {
    const marks = spans
      .map(([s, e], i) => ({ key: `m${i}`, start: s * 1000, end: e * 1000, weak: false }))
      .sort((a, b) => a.start - b.start)
    return {
      key: 'l',
      kind: 'image',
      category: 'scene-photo',
      device: null,
      marks,
      maxDuration: Math.max(0, ...marks.map((m) => m.end - m.start)),
    }
  }

  it('merges marks closer than the gap and counts what lies outside the view', () => {
    const lane = laneOf([
      [0, 0],
      [100, 100],
      [103, 103],
      [106, 106],
      [200, 200],
      [500, 500],
    ])
    const { clusters, before, after } = visibleClusters(lane, toX, { start: 50_000, end: 300_000 }, 10)
    expect(clusters.map((c) => c.marks.map((m) => m.key))).toEqual([['m1', 'm2', 'm3'], ['m4']])
    expect(clusters[0]).toMatchObject({ x0: 100, x1: 106 })
    expect({ before, after }).toEqual({ before: 1, after: 1 })
  })

  it('shows a long video that began before the view, and keeps a point during it apart', () => {
    const lane = laneOf([
      [0, 1000],
      [400, 400],
    ])
    const { clusters, before } = visibleClusters(lane, toX, { start: 300_000, end: 600_000 }, 10)
    expect(before).toBe(0)
    expect(clusters.map((c) => c.marks.map((m) => m.key))).toEqual([['m0'], ['m1']])
    expect(clusters[0]).toMatchObject({ x0: 0, x1: 1000 })
  })

  it('agrees with a plain scan on many random lanes', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 200; round++) {
      const spans: Array<[number, number]> = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const s = Math.floor(random() * 1000)
        return [s, random() < 0.3 ? s + Math.floor(random() * 200) : s]
      })
      const lane = laneOf(spans)
      const view = { start: Math.floor(random() * 1000) * 1000, end: 0 }
      view.end = view.start + Math.floor(random() * 400) * 1000
      const { clusters, before, after } = visibleClusters(lane, toX, view, 5)
      const inView = lane.marks.filter((m) => m.end >= view.start && m.start <= view.end)
      expect(clusters.flatMap((c) => c.marks)).toEqual(inView)
      expect(before).toBe(lane.marks.filter((m) => m.end < view.start).length)
      expect(after).toBe(lane.marks.filter((m) => m.start > view.end).length)
    }
  })
})
