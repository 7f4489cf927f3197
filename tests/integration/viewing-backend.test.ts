import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Backend } from '../../src/core/api/backend'
import { objectPath } from '../../src/core/case/layout'
import { ffmpegPath } from '../../src/core/evidence/media-tools'
import { MARK_END, MARK_START } from '../../src/core/evidence/search'
import type { EvidenceItem } from '../../src/shared/types'
import { makeBodycamMp4, makeCemsCsv, makeTranscriptGb18030 } from '../support/media'
import { tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let caseDir: string
const items: Record<string, EvidenceItem> = {}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  tmp = tempDir()
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  makeBodycamMp4(card, { durationSec: 4 })
  makeTranscriptGb18030(card)
  makeCemsCsv(card)
  backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test' })
  await call('profile:save', { ...OFFICER_A, unit: '单位' })
  caseDir = join(tmp.dir, 'case')
  await call('case:create', { dir: caseDir, fields: sampleCaseFields() })
  await call('import:start', { paths: [card] })
  await backend.idle()
  for (const item of (await call<{ items: EvidenceItem[] }>('evidence:list', {})).items)
    items[item.kind] = item
}, 120_000)

afterAll(async () => {
  await backend.dispose()
  tmp.cleanup()
})

describe('search across the case', () => {
  it('finds transcript full text (trigram) and two-character terms (LIKE), with the match marked', async () => {
    const long = await call<{ hits: Array<{ item: EvidenceItem; field: string; snippet: string }> }>(
      'search:query',
      { text: '循环泵故障' },
    )
    expect(long.hits.map((h) => h.item.number)).toEqual([items.transcript.number])
    expect(long.hits[0].field).toBe('body')
    expect(long.hits[0].snippet).toContain(`${MARK_START}循环泵故障${MARK_END}`)
    const short = await call<{ hits: Array<{ item: EvidenceItem }> }>('search:query', { text: '属实' })
    expect(short.hits.map((h) => h.item.number)).toEqual([items.transcript.number])
    expect((await call<{ total: number }>('search:query', { text: '不存在的词语' })).total).toBe(0)
  })

  it("finds an item by an officer's note on a citation or a link, until the citation is withdrawn", async () => {
    type Hits = { hits: Array<{ item: EvidenceItem; field: string; snippet: string }> }
    const cited = await call<{ id: string }>('annotation:add', {
      itemId: items.video.id,
      type: 'time-range',
      anchor: { start: 0.5, end: 2 },
      note: '排气筒冒黄烟',
    })
    const v = await call<{ id: string }>('violation:save', {
      title: '超标排放大气污染物',
      facts: '二氧化硫超标',
      occurredFrom: null,
      occurredTo: null,
      place: '1号排放口',
      basis: ['water-39'],
      status: 'draft',
    })
    await call('violation:link', {
      violationId: v.id,
      itemId: items.monitoring.id,
      note: '超标时段的在线监测记录',
    })

    const smoke = await call<Hits>('search:query', { text: '冒黄烟' })
    expect(smoke.hits.map((h) => [h.item.number, h.field])).toEqual([[items.video.number, 'note']])
    expect(smoke.hits[0].snippet).toContain(`${MARK_START}冒黄烟${MARK_END}`)
    const linked = await call<Hits>('search:query', { text: '超标时段' })
    expect(linked.hits.map((h) => [h.item.number, h.field])).toEqual([[items.monitoring.number, 'note']])

    await call('annotation:withdraw', { id: cited.id, reason: '片段选错' })
    expect((await call<Hits>('search:query', { text: '冒黄烟' })).hits).toEqual([])
  })
})

describe('transcript view', () => {
  it('gives the text and turns whose offsets point at the quoted words', async () => {
    const view = await call<{
      text: string
      turns: Array<{ q: string; a: string; qStart: number; aStart: number }>
      header: Record<string, string>
    }>('transcript:get', { itemId: items.transcript.id })
    expect(view.header['被询问人']).toMatch(/赵六/)
    const turn = view.turns.find((t) => t.q.includes('脱硫设施'))!
    expect(view.text.slice(turn.aStart, turn.aStart + turn.a.length)).toBe(turn.a)
    expect(turn.a).toMatch(/循环泵故障停运/)
  })
})

describe('times of interview records and monitoring data', () => {
  it('a transcript takes the 询问时间 span of its header, monitoring data the period it covers, each with its source', () => {
    // the record's header says 时间：2021年5月24日9时30分至10时15分 (case zone Asia/Shanghai)
    expect(items.transcript).toMatchObject({
      capturedAt: '2021-05-24T09:30:00+08:00',
      capturedAtSource: 'header',
      utcOffset: '+08:00',
      durationSec: 45 * 60,
    })
    // eight hourly rows from 00:00: the data covers 00:00–08:00
    expect(items.monitoring).toMatchObject({
      capturedAt: '2021-05-24T00:00:00+08:00',
      capturedAtSource: 'data',
      durationSec: 8 * 3600,
    })
  })
})

describe('monitoring view and limits', () => {
  it('shows the 02:00–04:00 SO2 exceedance against a limit the officer sets, recorded in the custody log', async () => {
    type InForce = Array<{
      itemId: string
      series: Array<{ pollutant: string; limit: number | null; exceedances: unknown[] }>
    }>
    const inForceBefore = await call<InForce>('monitoring:seriesInForce', {})
    expect(inForceBefore.map((x) => x.itemId)).toEqual([items.monitoring.id])
    expect(inForceBefore[0].series.find((s) => s.pollutant === 'SO2')).toMatchObject({
      limit: null,
      exceedances: [],
    })
    const so2 = (v: { series: Array<{ pollutant: string; exceedances: unknown[]; limit: number | null }> }) =>
      v.series.find((s) => s.pollutant === 'SO2')!
    const before = await call<{
      series: Array<{ pollutant: string; exceedances: unknown[]; limit: number | null }>
      points: Array<{ pollutant: string; points: unknown[] }>
    }>('monitoring:get', { itemId: items.monitoring.id })
    expect(so2(before).limit).toBeNull()
    expect(before.points.find((p) => p.pollutant === 'SO2')!.points).toHaveLength(8)
    const after = await call<typeof before>('monitoring:setLimit', {
      itemId: items.monitoring.id,
      pollutant: 'SO2',
      limit: 35,
      reason: 'GB 13223-2011 表1',
    })
    expect(so2(after)).toMatchObject({
      limit: 35,
      exceedances: [{ start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852 }],
    })
    const log = await call<{ events: Array<{ action: string; details: Record<string, unknown> }> }>(
      'custody:list',
      { limit: 1000 },
    )
    expect(log.events.at(-1)).toMatchObject({
      action: 'monitoring-limit-set',
      details: { pollutant: 'SO2', limit: 35 },
    })
    // the details panel and the timeline read the series in force: the officer's limit and its window, as the viewer has them
    const inForce = await call<InForce>('monitoring:seriesInForce', { itemId: items.monitoring.id })
    expect(inForce[0].series).toEqual(after.series)
    expect(inForce[0].series.find((s) => s.pollutant === 'SO2')).toMatchObject({
      limit: 35,
      exceedances: [{ start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852 }],
    })
  })
})

describe('monitoring basis chosen by an officer', () => {
  it('the file has only SO2 实测: judged on it with the measured-only note; choosing a basis the file lacks is refused; a choice is a custody event', async () => {
    type View = {
      series: Array<{ pollutant: string; basis: string; judged: boolean; basisNote: string | null }>
      basisHistory: Array<{ pollutant: string; basis: string | null; reason: string }>
    }
    const before = await call<View>('monitoring:get', { itemId: items.monitoring.id })
    expect(before.series.find((s) => s.pollutant === 'SO2')).toMatchObject({
      basis: 'measured',
      judged: true,
      basisNote: 'measured-only',
    })
    await expect(
      call('monitoring:setBasis', {
        itemId: items.monitoring.id,
        pollutant: 'SO2',
        basis: 'converted',
        reason: 'x',
      }),
    ).rejects.toThrow(/no SO2 series on the converted basis/)
    const after = await call<View>('monitoring:setBasis', {
      itemId: items.monitoring.id,
      pollutant: 'SO2',
      basis: 'measured',
      reason: '排污许可证载明按实测浓度执行',
    })
    expect(after.series.find((s) => s.pollutant === 'SO2')).toMatchObject({
      judged: true,
      basisNote: 'officer',
    })
    expect(after.basisHistory).toEqual([
      expect.objectContaining({
        pollutant: 'SO2',
        basis: 'measured',
        reason: '排污许可证载明按实测浓度执行',
      }),
    ])
    const log = await call<{ events: Array<{ action: string; details: Record<string, unknown> }> }>(
      'custody:list',
      { limit: 1000 },
    )
    expect(log.events.at(-1)).toMatchObject({
      action: 'monitoring-basis-set',
      details: { pollutant: 'SO2', basis: 'measured', reason: '排污许可证载明按实测浓度执行' },
    })
  })
})

describe('video: viewed events and derived items', () => {
  it('records "viewed" once per item per session', async () => {
    await call('evidence:open', { id: items.video.id })
    await call('evidence:open', { id: items.video.id })
    const log = await call<{ events: Array<{ action: string; itemId: string }> }>('custody:list', {
      limit: 1000,
    })
    expect(log.events.filter((e) => e.action === 'viewed' && e.itemId === items.video.id)).toHaveLength(1)
  })

  it('a still frame becomes a new item that names its source hash and the exact command, and the command reproduces it', async () => {
    const result = await call<{ id: string; number: string; status: string }>('video:derive', {
      itemId: items.video.id,
      operation: 'still',
      start: 1.5,
    })
    expect(result.status).toBe('imported')
    const still = (await call<{ item: EvidenceItem }>('evidence:get', { id: result.id })).item
    expect(still).toMatchObject({
      kind: 'image',
      derivedFrom: {
        sourceSha256: items.video.sha256,
        sourceNumber: items.video.number,
        operation: 'still',
        start: 1.5,
      },
    })
    expect(still.sourcePath).toContain(items.video.sha256)
    // A reviewer re-runs the recorded command on the original and gets the same bytes.
    const again = join(tmp.dir, 'again.jpg')
    const from = still.derivedFrom!
    if (from.operation === 'compare') throw new Error('a still is not a comparison')
    const args = from.command
      .slice(1)
      .map((a) => (a === '{source}' ? objectPath(caseDir, items.video.sha256) : a === '{output}' ? again : a))
    execFileSync(ffmpegPath(), args)
    const sha = createHash('sha256').update(readFileSync(again)).digest('hex')
    expect(sha).toBe(still.sha256)
  })

  it('a clip covers the marked range; a range outside the video is refused', async () => {
    const result = await call<{ id: string }>('video:derive', {
      itemId: items.video.id,
      operation: 'clip',
      start: 1,
      end: 3,
    })
    const clip = (await call<{ item: EvidenceItem }>('evidence:get', { id: result.id })).item
    expect(clip.kind).toBe('video')
    expect(clip.durationSec).toBeGreaterThan(1.8)
    expect(clip.durationSec).toBeLessThan(2.3)
    const bad = await backend.dispatch('video:derive', {
      itemId: items.video.id,
      operation: 'clip',
      start: 3,
      end: 99,
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
