/**
 * The same period sent twice (篡改 cases turn on it): a different value is flagged, counted and
 * named with both values and lines, never silently resolved; identical repeats are counted only.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { exceedanceFacts } from '../../src/shared/kinds/monitoring-facts'
import type { EvidenceItem, MonitoringView } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { hourlyPacket } from '../support/hj212-log'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-repeats-')
afterAll(cleanup)

function write(name: string, lines: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\r\n') + '\r\n')
  return path
}

const so2Of = (meta: Record<string, unknown>, column = /折算/) =>
  (meta.series as SeriesSummary[]).find((s) => s.pollutant === 'SO2' && column.test(s.column))!

/** Hourly SO2 折算: 02:00 sent twice (72.8 on line 4, then 30.1 on line 9), 05:00 twice with the same 28. */
const WIDE = [
  '监测时间,SO2折算浓度(mg/m3)', // 1
  '2021-05-24 00:00,20', // 2
  '2021-05-24 01:00,40', // 3: over 35
  '2021-05-24 02:00,72.8', // 4: over 35, sent again below
  '2021-05-24 03:00,50', // 5: over 35
  '2021-05-24 04:00,20', // 6
  '2021-05-24 05:00,28', // 7
  '2021-05-24 05:00,28', // 8: the same again
  '2021-05-24 02:00,30.1', // 9: 02:00 again, lower
]

describe('a period sent twice', () => {
  it('a wide CSV: 02:00 with 72.8 and 30.1 is named with both lines, drawn with the first, left out of the windows; the identical 05:00 counts once', async () => {
    const r = await extractInCaseZone(write('wide.csv', WIDE), { SO2: 35 })
    expect(r.kind).toBe('monitoring')
    const so2 = so2Of(r.meta)
    expect(so2.repeated).toEqual({
      identical: 1,
      differing: 1,
      overLimit: 1,
      named: [
        {
          time: '2021-05-24T02:00:00+08:00',
          first: { line: 4, text: '72.8' },
          others: [{ line: 9, text: '30.1' }],
        },
      ],
    })
    // six periods, one in doubt: five valid values; 01:00 and 03:00 are not joined across 02:00
    expect(so2).toMatchObject({ points: 5, max: 50 })
    expect(so2.exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2021-05-24T01:00:00+08:00', '2021-05-24T02:00:00+08:00'],
      ['2021-05-24T03:00:00+08:00', '2021-05-24T04:00:00+08:00'],
    ])
    const warning = r.warnings.find((w) => w.code === 'monitoring-period-repeated')
    expect(warning?.message).toContain('2021-05-24T02:00:00+08:00: line 4 72.8, line 9 30.1')
    const zh = exceedanceFacts(so2, 'zh-CN').map((f) => f.text)
    expect(zh).toContain(
      '有 1 个时段的小时数据在同一时间报送了不同的数值（2021-05-24 02:00：第 4 行 72.8，第 9 行 30.1）。图中画的是文件中先出现的数值并单独标出；哪一个数值属实无法从数据本身判断，这些时段未计入统计和超标判断。其中 1 个时段至少有一个有效数值超过限值。',
    )
    expect(zh).toContain('另有 1 个数值是同一时段重复报送的相同数值，只计一次。')
    const en = exceedanceFacts(so2, 'en').map((f) => f.text)
    expect(
      en.some((t) =>
        t.startsWith(
          '1 hourly period(s) were sent with different values for the same time (2021-05-24 02:00: line 4 72.8, line 9 30.1).',
        ),
      ),
    ).toBe(true)
  })

  it('only identical repeats: counted in the facts, no warning', async () => {
    const r = await extractInCaseZone(write('identical.csv', WIDE.slice(0, 8)))
    expect(so2Of(r.meta).repeated).toEqual({ identical: 1, differing: 0, overLimit: 0, named: [] })
    expect(r.warnings.map((w) => w.code)).not.toContain('monitoring-period-repeated')
  })

  it('a long table: SO2 03:00 sent again with another value, NOx 03:00 again with the same', async () => {
    const r = await extractInCaseZone(
      write('long.csv', [
        '监测时间,排放口名称,监测因子,折算浓度(mg/m3)', // 1
        '2021-05-24 02:00,1号排放口,SO2,20', // 2
        '2021-05-24 02:00,1号排放口,NOx,30', // 3
        '2021-05-24 03:00,1号排放口,SO2,48.5', // 4
        '2021-05-24 03:00,1号排放口,NOx,31', // 5
        '2021-05-24 04:00,1号排放口,SO2,22', // 6
        '2021-05-24 03:00,1号排放口,SO2,18.2', // 7: 03:00 again, lower
        '2021-05-24 03:00,1号排放口,NOx,31', // 8: the same again
      ]),
      { '1号排放口/SO2': 35 },
    )
    const series = r.meta.series as SeriesSummary[]
    const so2 = series.find((s) => s.pollutant === 'SO2')!
    const nox = series.find((s) => s.pollutant === 'NOx')!
    expect(so2.repeated).toMatchObject({
      differing: 1,
      overLimit: 1,
      named: [
        {
          time: '2021-05-24T03:00:00+08:00',
          first: { line: 4, text: '48.5' },
          others: [{ line: 7, text: '18.2' }],
        },
      ],
    })
    expect(so2).toMatchObject({ points: 2, exceedances: [] })
    expect(nox.repeated).toEqual({ identical: 1, differing: 0, overLimit: 0, named: [] })
    expect(nox.points).toBe(2)
  })

  it('an HJ 212 log: the 03:00 hourly packet sent again with a lower 折算 value, named by line; in a case the chart point carries both', async () => {
    const card = join(dir, 'card')
    mkdirSync(card)
    const lines = [
      hourlyPacket(1, '30.0'), // 1
      hourlyPacket(2, '40.5'), // 2
      hourlyPacket(3, '72.852'), // 3
      hourlyPacket(4, '20.0'), // 4
      hourlyPacket(3, '33.0'), // 5: 03:00 again, under the limit
    ]
    writeFileSync(join(card, 'datalogger.log'), lines.join('\r\n') + '\r\n')
    const r = await extractInCaseZone(join(card, 'datalogger.log'), { SO2: 35 })
    const so2 = so2Of(r.meta, /ZsAvg/)
    expect(so2.repeated).toMatchObject({
      differing: 1,
      overLimit: 1,
      named: [
        {
          time: '2021-05-24T03:00:00+08:00',
          first: { line: 3, text: '72.852' },
          others: [{ line: 5, text: '33' }],
        },
      ],
    })
    // the same Avg (20.5) in both packets: an identical repeat of the 实测 series
    expect(so2Of(r.meta, /-Avg/).repeated).toMatchObject({ identical: 1, differing: 0 })
    expect(so2.exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2021-05-24T02:00:00+08:00', '2021-05-24T03:00:00+08:00'],
    ])

    const backend = new Backend({ mode: 'browser', dataDir: join(dir, 'data'), version: 'test' })
    try {
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const res = await backend.dispatch(channel, input)
        if (!res.ok) throw new Error(`${channel}: ${res.error.message}`)
        return res.value as T
      }
      await call('profile:save', { ...OFFICER_A, unit: '单位' })
      await call('case:create', { dir: join(dir, 'case'), fields: sampleCaseFields() })
      await call('import:start', { paths: [card] })
      await backend.idle()
      const [item] = (await call<{ items: EvidenceItem[] }>('evidence:list', {})).items
      expect(item.kind).toBe('monitoring')
      expect(item.warnings.map((w) => w.code)).toContain('monitoring-period-repeated')
      const view = await call<MonitoringView>('monitoring:get', { itemId: item.id })
      const drawn = view.points.find((p) => p.column.endsWith('ZsAvg'))!
      // one point per period: 03:00 drawn with the first value, the other one carried for the chart
      expect(drawn.points.map((p) => p[0])).toHaveLength(4)
      expect(drawn.points[2]).toEqual(['2021-05-24T03:00:00+08:00', 72.852, null, '33'])
    } finally {
      await backend.dispose()
    }
  }, 60_000)
})
