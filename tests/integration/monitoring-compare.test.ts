/**
 * The tamper comparison (数据比对, issue 13) end to end through the handlers: two CEMS exports
 * generated here (the DCS's and a platform copy with three hours lowered, one hour flagged and one
 * missing), compared into a derived item whose windows, words and provenance are checked, a window
 * cited and linked, the derived item carried by a package, and the comparison refused in review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Backend } from '../../src/core/api/backend'
import { objectPath } from '../../src/core/case/layout'
import type { ComparisonFile } from '../../src/shared/kinds/monitoring-compare'
import type {
  Annotation,
  CustodyEvent,
  EvidenceItem,
  ImportFileResult,
  ItemDetail,
  MonitoringView,
} from '../../src/shared/types'
import type { JobProgress } from '../../src/shared/jobs'
import type { Violation } from '../../src/shared/violation-types'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { tempDir } from '../support/temp'
import { DCS_FILE, DCS_SO2, PLATFORM_FILE, SO2_SERIES, writeComparisonPair } from '../support/comparison-csv'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
const items: Record<string, EvidenceItem> = {}

async function call<T>(b: Backend, channel: string, input: unknown = {}): Promise<T> {
  const r = await b.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

async function failure(
  b: Backend,
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const r = await b.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} succeeded where it should have been refused`)
  return r.error
}

async function job(b: Backend, taskId: string): Promise<JobProgress> {
  await b.idle()
  const p = (await call<JobProgress[]>(b, 'job:list')).find((j) => j.taskId === taskId)
  if (!p) throw new Error(`no progress for ${taskId}`)
  return p
}

const series = SO2_SERIES

beforeAll(async () => {
  tmp = tempDir()
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeComparisonPair(card)
  // minute data of the same factor: a different period, refused
  writeFileSync(
    join(card, 'DCS-SO2-分钟.csv'),
    `监测时间,SO2折算浓度(mg/m3)\r\n${Array.from({ length: 10 }, (_, m) => `2021-05-24 02:0${m}:00,30.${m}`).join('\r\n')}\r\n`,
  )
  backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test' })
  await call(backend, 'profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  await call(backend, 'case:create', { dir: join(tmp.dir, 'case'), fields: sampleCaseFields() })
  await call(backend, 'import:start', { paths: [card] })
  await backend.idle()
  for (const item of (await call<{ items: EvidenceItem[] }>(backend, 'evidence:list', {})).items)
    items[item.originalName] = item
  expect(Object.values(items).map((i) => i.kind)).toEqual(['monitoring', 'monitoring', 'monitoring'])
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
  tmp?.cleanup()
})

const dcs = () => items[DCS_FILE]
const platform = () => items[PLATFORM_FILE]
let derived: EvidenceItem

describe('monitoring tamper comparison', () => {
  it('finds exactly the lowered hours as one window, and names the flagged and the missing hour', async () => {
    const result = await call<ImportFileResult>(backend, 'monitoring:compare', {
      itemA: dcs().id,
      seriesA: series,
      itemB: platform().id,
      seriesB: series,
      threshold: { kind: 'absolute', value: 5 },
      reason: '核对平台上传数据与现场 DCS 记录',
    })
    expect(result.status).toBe('imported')
    derived = (await call<ItemDetail>(backend, 'evidence:get', { id: result.id })).item
    expect(derived.kind).toBe('monitoring')
    expect(derived.mime).toBe('application/json')

    const view = await call<MonitoringView>(backend, 'monitoring:get', { itemId: derived.id })
    const c = view.comparison!
    expect(c.windows.map((w) => [w.start, w.end, w.periods])).toEqual([
      ['2021-05-24T02:00:00+08:00', '2021-05-24T05:00:00+08:00', 3],
    ])
    // the largest difference of the window is at 04:00: 30 + 4 lower
    expect(c.windows[0]).toMatchObject({ at: '2021-05-24T04:00:00+08:00', difference: 34 })
    expect(c.counts).toMatchObject({
      periods: 24,
      compared: 22,
      over: 3,
      missingA: 0,
      missingB: 1,
      flaggedB: { D: 1 },
    })
    // both series and their difference, on one axis of 24 periods; the missing hour is a gap in B
    expect(view.series.map((s) => s.outlet)).toEqual([
      `A ${dcs().number}`,
      `B ${platform().number}`,
      // a key free of words: screens and documents name it in their own language
      `A−B ${dcs().number}−${platform().number}`,
    ])
    const [a, b, diff] = view.points
    expect(a.points).toHaveLength(24)
    expect(b.points.find((p) => p[0] === '2021-05-24T15:00:00+08:00')).toEqual([
      '2021-05-24T15:00:00+08:00',
      null,
      null,
    ])
    expect(b.points.find((p) => p[0] === '2021-05-24T10:00:00+08:00')?.[2]).toBe('D')
    expect(diff.points.filter((p) => p[1] !== null && Math.abs(p[1]) > 5).map((p) => p[0])).toEqual([
      '2021-05-24T02:00:00+08:00',
      '2021-05-24T03:00:00+08:00',
      '2021-05-24T04:00:00+08:00',
    ])
  })

  it('writes the facts in words, in both languages, into the derived file', () => {
    const f = JSON.parse(
      readFileSync(objectPath(join(tmp.dir, 'case'), derived.sha256), 'utf8'),
    ) as ComparisonFile
    const a = DCS_SO2[4].toFixed(1)
    const b = (DCS_SO2[4] - 34).toFixed(1)
    expect(f.facts['zh-CN']).toContain(
      `2021-05-24 02:00–05:00（共 3 小时，3 个时段），${dcs().number} 与 ${platform().number} 的 SO2 折算浓度小时均值每个时段相差均超过设定阈值 5 mg/m³；相差最大的是 2021-05-24 04:00：${dcs().number} 记录 ${a} mg/m³，${platform().number} 记录 ${b} mg/m³，相差 34 mg/m³。`,
    )
    expect(f.facts['zh-CN'].join('\n')).toContain('B 中1 个时段缺失、1 个标记为 D（故障）')
    expect(f.facts.en.join('\n')).toContain('in B, 1 period(s) missing, 1 flagged D (fault)')
  })

  it("records both sources' hashes, series and the parameters, and a custody event with the reason", async () => {
    const from = derived.derivedFrom!
    expect(from.operation).toBe('compare')
    if (from.operation !== 'compare') return
    expect(from.sources.map((s) => [s.id, s.sha256, s.series])).toEqual([
      [dcs().id, dcs().sha256, series],
      [platform().id, platform().sha256, series],
    ])
    // the hashes are those of the stored originals themselves
    for (const s of from.sources)
      expect(
        createHash('sha256')
          .update(readFileSync(objectPath(join(tmp.dir, 'case'), s.sha256)))
          .digest('hex'),
      ).toBe(s.sha256)
    expect(from.parameters).toEqual({ threshold: { kind: 'absolute', value: 5 }, start: null, end: null })
    const log = await call<{ events: CustodyEvent[] }>(backend, 'custody:list', { limit: 500 })
    const made = log.events.filter((e) => e.action === 'monitoring-compared')
    expect(made).toHaveLength(1)
    expect(made[0].itemId).toBe(derived.id)
    expect(made[0].details).toMatchObject({ reason: '核对平台上传数据与现场 DCS 记录', windows: 1 })
  })

  it('a window is cited as a data range of the difference and linked to a violation', async () => {
    const view = await call<MonitoringView>(backend, 'monitoring:get', { itemId: derived.id })
    const w = view.comparison!.windows[0]
    const cited = await call<Annotation>(backend, 'annotation:add', {
      itemId: derived.id,
      type: 'data-range',
      anchor: { pollutant: 'SO2', outlet: view.comparison!.differenceOutlet, start: w.start, end: w.end },
      note: '平台数据比 DCS 低 30 mg/m³ 以上',
    })
    const v = await call<Violation>(backend, 'violation:save', {
      title: '篡改自动监测数据',
      facts: '上传数据与 DCS 记录不一致',
      occurredFrom: null,
      occurredTo: null,
      place: '1号排放口',
      basis: ['water-39'],
      status: 'draft',
    })
    await call(backend, 'violation:link', {
      violationId: v.id,
      itemId: derived.id,
      annotationId: cited.id,
      note: '比对结果',
    })
    // a range outside the comparison is refused, as on any monitoring item
    const outside = await failure(backend, 'annotation:add', {
      itemId: derived.id,
      type: 'data-range',
      anchor: {
        pollutant: 'SO2',
        outlet: view.comparison!.differenceOutlet,
        start: '2021-05-25T02:00:00+08:00',
        end: '2021-05-25T03:00:00+08:00',
      },
    })
    expect(outside.message).toContain('outside')
  })

  it('refuses series of different periods, and a comparison of a comparison', async () => {
    const minute = await failure(backend, 'monitoring:compare', {
      itemA: dcs().id,
      seriesA: series,
      itemB: items['DCS-SO2-分钟.csv'].id,
      seriesB: series,
      threshold: { kind: 'percent', value: 10 },
      reason: '试比对',
    })
    expect(minute.code).toBe('invalid-input')
    expect(minute.message).toContain('3600 s period')
    const nested = await failure(backend, 'monitoring:compare', {
      itemA: derived.id,
      seriesA: series,
      itemB: platform().id,
      seriesB: series,
      threshold: { kind: 'absolute', value: 5 },
      reason: '试比对',
    })
    expect(nested.message).toContain('is itself a comparison')
  })

  it('a package carries the derived item, and a reviewer can read it but not make a comparison', async () => {
    const out = join(tmp.dir, 'out', 'package.zip')
    mkdirSync(join(tmp.dir, 'out'))
    const exported = await job(
      backend,
      (await call<{ taskId: string }>(backend, 'export:start', { target: out })).taskId,
    )
    expect(exported.state, JSON.stringify(exported.error)).toBe('done')
    expect(existsSync(out)).toBe(true)
    const reviewer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'reviewer'), version: 'test' })
    try {
      await call(reviewer, 'profile:save', { ...OFFICER_B, unit: '南京市公安局' })
      const opened = await job(
        reviewer,
        (await call<{ taskId: string }>(reviewer, 'review:open', { path: out })).taskId,
      )
      expect(opened.state, JSON.stringify(opened.error)).toBe('done')
      const { items: inPackage } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
      const carried = inPackage.find((i) => i.sha256 === derived.sha256)!
      expect(carried.derivedFrom).toEqual(derived.derivedFrom)
      const view = await call<MonitoringView>(reviewer, 'monitoring:get', { itemId: carried.id })
      expect(view.comparison?.windows).toHaveLength(1)
      const refused = await failure(reviewer, 'monitoring:compare', {
        itemA: inPackage.find((i) => i.sha256 === dcs().sha256)!.id,
        seriesA: series,
        itemB: inPackage.find((i) => i.sha256 === platform().sha256)!.id,
        seriesB: series,
        threshold: { kind: 'absolute', value: 5 },
        reason: '审查中比对',
      })
      expect(refused.code).toBe('read-only')
    } finally {
      await reviewer.dispose()
    }
  })
})
