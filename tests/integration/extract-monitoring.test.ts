import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { summariseCems, type SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { exceedanceFacts } from '../../src/shared/kinds/monitoring-facts'
import { makeCemsCsv } from '../support/media'
import { CASE_ZONE, extractInCaseZone } from '../support/extract-in-case-zone'
import { tempDir } from '../support/temp'

const ZONE = CASE_ZONE
const { dir, cleanup } = tempDir('extract-monitoring-')
afterAll(cleanup)

const extract = extractInCaseZone
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
    // the times carry no zone (read in the case zone, flagged); the file has 实测 only: each
    // flue-gas factor says that its limit is compared with 实测 values
    expect(r.warnings.map((w) => w.code)).toEqual([
      'monitoring-zone-assumed',
      'monitoring-measured-only',
      'monitoring-measured-only',
      'monitoring-measured-only',
    ])
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

describe('the concentration basis', () => {
  const both = [
    '监测时间,SO2标干浓度(mg/m3),SO2折算浓度(mg/m3),氧含量(%)',
    '2021-05-24 00:00,30,32,9',
    '2021-05-24 01:00,31,34.9,9',
    '2021-05-24 02:00,33,72.852,9',
    '2021-05-24 03:00,34,60.1,9',
    '2021-05-24 04:00,20,30,9',
  ].join('\n')

  it('标干 + 折算 with a 35 limit: the limit is compared with 折算 and finds 02:00–04:00; 标干 is never judged', () => {
    const s = summariseCems(both, { caseTimeZone: ZONE, limits: { SO2: 35 } })!
    const dry = s.series.find((x) => x.basis === 'dry')!
    const converted = s.series.find((x) => x.basis === 'converted')!
    expect(dry).toMatchObject({ column: 'SO2标干浓度(mg/m3)', judged: false, limit: null, exceedances: [] })
    expect(converted).toMatchObject({ judged: true, limit: 35, basisNote: null, periodSec: 3600 })
    expect(converted.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 2 },
    ])
    const facts = exceedanceFacts(converted, 'zh-CN').map((f) => f.text)
    expect(facts[0]).toBe(
      '2021-05-24 02:00–04:00，SO2 折算浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
    )
    expect(facts.join('')).toContain('02:00 的小时值代表 02:00–03:00')
    expect(exceedanceFacts(dry, 'zh-CN')[0].text).toContain('SO2 标干浓度小时均值不是与限值比较的数据')
  })

  it('标干 alone is not compared (dry-only); 实测 alone is compared with a warning naming it', async () => {
    const dryOnly = summariseCems(
      ['监测时间,SO2标干浓度(mg/m3)', '2021-05-24 00:00,80', '2021-05-24 01:00,90'].join('\n'),
      { caseTimeZone: ZONE, limits: { SO2: 35 } },
    )!
    expect(dryOnly.series[0]).toMatchObject({
      judged: false,
      basisNote: 'dry-only',
      limit: null,
      exceedances: [],
    })
    expect(exceedanceFacts(dryOnly.series[0], 'zh-CN')[0].text).toMatch(/只有标干浓度，未折算到基准氧含量/)
    const r = await extract(makeCemsCsv(dir, { fileName: 'measured-only.csv' }), { SO2: 35 })
    expect(r.warnings.map((w) => w.code)).toContain('monitoring-measured-only')
    const so2 = seriesOf(r.meta, 'SO2')
    expect(so2).toMatchObject({ basis: 'measured', judged: true, basisNote: 'measured-only' })
    expect(exceedanceFacts(so2, 'zh-CN').map((f) => f.text)).toContain(
      '文件中只有 SO2 实测浓度，没有折算浓度；按折算浓度规定的限值在此与实测浓度比较。',
    )
    expect(exceedanceFacts(so2, 'zh-CN')[0].text).toMatch(/^2021-05-24 02:00–04:00，SO2 实测浓度小时均值超过/)
  })

  it('an officer choice of 标干 makes it the judged series, said in the facts', () => {
    const s = summariseCems(both, { caseTimeZone: ZONE, limits: { SO2: 35 }, bases: { SO2: 'dry' } })!
    expect(s.series.find((x) => x.basis === 'dry')).toMatchObject({
      judged: true,
      basisNote: 'officer',
      limit: 35,
    })
    expect(s.series.find((x) => x.basis === 'converted')).toMatchObject({ judged: false, limit: null })
  })
})

describe('data flags and unreadable cells', () => {
  it('D/M flags (inside values and in a flag column) are left out, counted and named; words are kept and named by line and column', () => {
    const text = [
      '监测时间,SO2折算浓度(mg/m3),SO2数据标记,NOx折算浓度(mg/m3)',
      '2021-05-24 00:00,20,N,40',
      '2021-05-24 01:00,90,D,41',
      '2021-05-24 02:00,91(D),,42',
      '2021-05-24 03:00,72.8N,N,停运',
      '2021-05-24 04:00,80M,,43',
      '2021-05-24 05:00,,N,44',
    ].join('\n')
    const s = summariseCems(text, { caseTimeZone: ZONE, limits: { SO2: 35, NOx: 100 } })!
    const so2 = s.series.find((x) => x.pollutant === 'SO2')!
    expect(so2).toMatchObject({ points: 2, flagged: { D: 2, M: 1 }, max: 72.8 })
    expect(so2.exceedances).toEqual([
      { start: '2021-05-24T03:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.8, points: 1 },
    ])
    expect(exceedanceFacts(so2, 'zh-CN').map((f) => f.text)).toContain(
      '其中 2 个小时数据标记为 D（故障）、1 个标记为 M（维护），未计入。',
    )
    const nox = s.series.find((x) => x.pollutant === 'NOx')!
    expect(nox.unreadable).toEqual({
      count: 1,
      cells: [{ row: 5, column: 'NOx折算浓度(mg/m3)', text: '停运' }],
    })
    expect(exceedanceFacts(nox, 'zh-CN').map((f) => f.text)).toContain(
      '另有 1 个单元格不是数值（如第 5 行“NOx折算浓度(mg/m3)”列的“停运”），按原样保留，未计入。',
    )
  })
})

describe('long tables (one row per time × factor)', () => {
  /** A platform export: two outlets × three factors, 实测 and 折算, the platform's limit and data flag per row. */
  function platformExport(): string {
    const lines = [
      '监测时间,排放口名称,监测因子,实测浓度(mg/m3),折算浓度(mg/m3),排放限值(mg/m3),是否超标,数据标记',
    ]
    const outlets = ['1号排放口', '2号排放口']
    const factors: Array<[string, number]> = [
      ['二氧化硫', 35],
      ['氮氧化物', 50],
      ['颗粒物', 10],
    ]
    for (let h = 0; h < 6; h++)
      for (const outlet of outlets)
        for (const [factor, limit] of factors) {
          // 2号排放口 SO2 折算 exceeds 02:00–04:00; 1号排放口 NOx has a D-flagged 90 at 03:00
          let converted = limit * 0.5
          if (outlet === '2号排放口' && factor === '二氧化硫' && (h === 2 || h === 3)) converted = 72.852
          const flag = outlet === '1号排放口' && factor === '氮氧化物' && h === 3 ? 'D' : 'N'
          if (flag === 'D') converted = 90
          lines.push(
            `2021-05-24 0${h}:00,${outlet},${factor},${converted * 0.8},${converted},${limit},${converted > limit ? '是' : '否'},${flag}`,
          )
        }
    return lines.join('\n')
  }

  it('two outlets × three factors become named series; each judged on 折算 against its row limit; flags counted', async () => {
    const path = join(dir, 'platform-long.csv')
    writeFileSync(path, iconv.encode(platformExport(), 'gb18030'))
    const r = await extract(path)
    expect(r.kind).toBe('monitoring')
    const series = r.meta.series as SeriesSummary[]
    expect(series).toHaveLength(12) // 2 outlets × 3 factors × (实测, 折算)
    const judged = series.filter((s) => s.judged)
    expect(judged.map((s) => `${s.outlet} ${s.pollutant} ${s.basis}`).sort()).toEqual([
      '1号排放口 NOx converted',
      '1号排放口 PM converted',
      '1号排放口 SO2 converted',
      '2号排放口 NOx converted',
      '2号排放口 PM converted',
      '2号排放口 SO2 converted',
    ])
    const so2b = judged.find((s) => s.outlet === '2号排放口' && s.pollutant === 'SO2')!
    expect(so2b).toMatchObject({ limit: 35, limitSource: 'file', periodSec: 3600, points: 6 })
    expect(so2b.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 2 },
    ])
    expect(exceedanceFacts(so2b, 'zh-CN')[0].text).toMatch(
      /^2021-05-24 02:00–04:00，2号排放口 SO2 折算浓度小时均值超过 35 mg\/m³ 共 2 小时/,
    )
    const so2a = judged.find((s) => s.outlet === '1号排放口' && s.pollutant === 'SO2')!
    expect(so2a.exceedances).toEqual([])
    const noxA = judged.find((s) => s.outlet === '1号排放口' && s.pollutant === 'NOx')!
    expect(noxA).toMatchObject({ points: 5, flagged: { D: 1 }, exceedances: [] })
    expect(r.meta).toMatchObject({ rows: 6, intervalSec: 3600 })
  })

  it('a case limit for one outlet applies to that outlet only (key outlet/factor)', () => {
    const s = summariseCems(platformExport().replace(/,35,/g, ',,'), {
      caseTimeZone: ZONE,
      limits: { '1号排放口/SO2': 10 },
    })!
    const so2 = s.series.filter((x) => x.pollutant === 'SO2' && x.judged)
    expect(so2.find((x) => x.outlet === '1号排放口')).toMatchObject({ limit: 10, limitSource: 'case' })
    expect(so2.find((x) => x.outlet === '2号排放口')).toMatchObject({ limit: null })
  })
})
