import { statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../src/core/evidence/extract/index'
import { summariseCems, type SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { makeCemsCsv } from '../support/media'
import { tempDir } from '../support/temp'

const ZONE = 'Asia/Shanghai'
const { dir, cleanup } = tempDir('extract-monitoring-')
afterAll(cleanup)

const extract = (path: string, limits?: Record<string, number>) =>
  extractFile(path, {
    caseTimeZone: ZONE,
    fileName: basename(path),
    sourceMtimeMs: statSync(path).mtimeMs,
    limits,
  })
const seriesOf = (meta: Record<string, unknown>, pollutant: string) =>
  (meta.series as SeriesSummary[]).find((s) => s.pollutant === pollutant)!

describe('CEMS hourly export', () => {
  it('GB18030, limit from the case: SO2 72.852 / 60.1 over 35 → one window 02:00–04:00, max 72.852; 35.0 is not an exceedance', async () => {
    const r = await extract(makeCemsCsv(dir), { SO2: 35 })
    expect(r.kind).toBe('monitoring')
    expect(r.mime).toBe('text/csv')
    expect(r.meta.encoding).toBe('gb18030')
    const so2 = seriesOf(r.meta, 'SO2')
    expect(so2).toMatchObject({
      unit: 'mg/m3',
      points: 7,
      min: 20.5,
      max: 72.852,
      limit: 35,
      limitSource: 'case',
    })
    expect(so2.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 2 },
    ])
    expect(so2.mean).toBeCloseTo((20.5 + 30.25 + 72.852 + 60.1 + 33 + 35 + 28.7) / 7, 6)
    expect(seriesOf(r.meta, 'NOx')).toMatchObject({
      unit: 'mg/m³',
      points: 8,
      max: 90,
      limit: null,
      exceedances: [],
    })
    expect(seriesOf(r.meta, 'PM')).toMatchObject({ points: 8, max: 6.1 })
    expect(r.meta).toMatchObject({
      rows: 8,
      intervalSec: 3600,
      start: '2021-05-24T00:00:00+08:00',
      end: '2021-05-24T08:00:00+08:00',
      timeColumn: '监测时间',
    })
    expect(r.meta.info).toEqual({ 企业名称: '某某化工有限公司', 排放口: '1号排放口' })
    expect(r.warnings).toEqual([])
  })

  it('a limit column in the file wins over the case limit', async () => {
    const r = await extract(
      makeCemsCsv(dir, { fileName: 'with-limit.csv', withLimitColumn: true, encoding: 'utf-8' }),
      { SO2: 100 },
    )
    expect(r.meta.encoding).toBe('utf-8')
    const so2 = seriesOf(r.meta, 'SO2')
    expect(so2).toMatchObject({ limit: 35, limitSource: 'file' })
    expect(so2.exceedances).toHaveLength(1)
  })

  it('no limit anywhere: stats only', async () => {
    const r = await extract(makeCemsCsv(dir, { fileName: 'nolimit.csv' }))
    expect(seriesOf(r.meta, 'SO2')).toMatchObject({ limit: null, limitSource: null, exceedances: [] })
  })
})

describe('layout variants', () => {
  it('tab-separated, separate unit row, limit row, converted column preferred, 24:00 and gaps', () => {
    const text = [
      '时间\tSO2实测浓度\tSO2折算浓度\tNOx折算浓度',
      '单位\tmg/m3\tmg/m3\tmg/m3',
      '标准限值\t\t35\t50',
      '2021/5/24 1:00\t40\t30\t49',
      '2021/5/24 2:00\t41\t35.5\t50',
      '2021/5/24 3:00\t42\t36\t51',
      // 04:00 missing: the window must break
      '2021/5/24 5:00\t42\t37\t52.5',
      '2021/5/24 24:00\t10\t10\t10',
    ].join('\n')
    const s = summariseCems(text, { caseTimeZone: ZONE, limits: { SO2: 1 } })!
    expect(s.delimiter).toBe('tab')
    const measured = s.series.find((x) => x.column === 'SO2实测浓度')!
    const converted = s.series.find((x) => x.column === 'SO2折算浓度')!
    expect(measured).toMatchObject({ basis: 'measured', unit: 'mg/m3', limit: null, exceedances: [] })
    expect(converted).toMatchObject({ basis: 'converted', limit: 35, limitSource: 'file' })
    expect(converted.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 36, points: 2 },
      { start: '2021-05-24T05:00:00+08:00', end: '2021-05-24T06:00:00+08:00', max: 37, points: 1 },
    ])
    const nox = s.series.find((x) => x.pollutant === 'NOx')!
    expect(nox.exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2021-05-24T03:00:00+08:00', '2021-05-24T04:00:00+08:00'],
      ['2021-05-24T05:00:00+08:00', '2021-05-24T06:00:00+08:00'],
    ])
    expect(s.end).toBe('2021-05-25T01:00:00+08:00') // 24:00 is the next day's 00:00, plus one interval
  })

  it('semicolons, Chinese date stamps, flagged values, units in full-width parentheses', () => {
    const text = [
      '数据时间;二氧化硫（mg/m3）;烟尘（mg/m3）',
      '2021年05月24日 02时;72.852N;3',
      '2021年05月24日 03时;停运;3',
    ].join('\n')
    const s = summariseCems(text, { caseTimeZone: ZONE, limits: { SO2: 35 } })!
    const so2 = s.series.find((x) => x.pollutant === 'SO2')!
    expect(so2).toMatchObject({ unit: 'mg/m3', points: 1, max: 72.852 })
    expect(so2.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T03:00:00+08:00', max: 72.852, points: 1 },
    ])
  })

  it('a file without a pollutant column is not monitoring data', async () => {
    const path = join(dir, 'other.csv')
    writeFileSync(path, iconv.encode('时间,温度(℃),流速(m/s)\n2021-05-24 00:00,120,8\n', 'gb18030'))
    const r = await extract(path)
    expect(r.kind).toBe('document')
  })
})
