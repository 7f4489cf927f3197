import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { exactFactor } from '../../src/core/evidence/kinds/monitoring/units'
import { extractInCaseZone as extract } from '../support/extract-in-case-zone'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-units-')
afterAll(cleanup)

describe('mixed units in a monitoring file', () => {
  it('exact factors exist only between mass-per-volume units', () => {
    expect(exactFactor('mg/m3', 'μg/m³')).toBe(1000)
    expect(exactFactor('ug/m3', 'mg/m³')).toBe(0.001)
    expect(exactFactor('毫克/立方米', 'mg/m3')).toBe(1)
    expect(exactFactor('mg/L', 'mg/m³')).toBe(1000)
    expect(exactFactor('ppm', 'mg/m³')).toBeNull()
    expect(exactFactor('%', 'mg/m³')).toBeNull()
  })

  it('a long table whose unit column changes: μg/m³ converted exactly to the series unit, ppm left out and never compared', async () => {
    const path = join(dir, 'units-long.csv')
    const rows = [
      '监测时间,监测因子,监测值,计量单位,排放限值',
      '2021-05-24 00:00,二氧化硫,20.5,mg/m3,35',
      '2021-05-24 01:00,二氧化硫,72852,μg/m3,35000',
      '2021-05-24 02:00,二氧化硫,30,mg/m3,35',
      '2021-05-24 03:00,二氧化硫,99,ppm,35',
      '2021-05-24 04:00,二氧化硫,36,mg/m3,35',
    ]
    writeFileSync(path, rows.join('\n') + '\n')
    const r = await extract(path)
    const [so2] = r.meta.series as SeriesSummary[]
    expect(so2).toMatchObject({
      unit: 'mg/m3',
      points: 4,
      max: 72.852,
      units: { converted: { 'μg/m3': 1 }, refused: { ppm: 1 } },
    })
    // the ppm hour is a gap, not a value under or over the limit: 01:00 and 04:00 are separate windows
    expect(so2.exceedances.map((w) => [w.start, w.end, w.max])).toEqual([
      ['2021-05-24T01:00:00+08:00', '2021-05-24T02:00:00+08:00', 72.852],
      ['2021-05-24T04:00:00+08:00', '2021-05-24T05:00:00+08:00', 36],
    ])
    expect(r.warnings.find((w) => w.code === 'monitoring-unit-converted')?.message).toContain(
      '1 value(s) in μg/m3',
    )
    expect(r.warnings.find((w) => w.code === 'monitoring-unit-refused')?.message).toContain(
      '1 value(s) in ppm',
    )
  })

  it("a wide table's limit column in μg/m³ is converted to the values' mg/m³; a limit in ppm is not applied", async () => {
    const write = (name: string, limitHeader: string, limit: string) => {
      const path = join(dir, name)
      const rows = [`监测时间,SO2折算浓度(mg/m3),${limitHeader}`]
      ;[20, 40, 20].forEach((v, h) => rows.push(`2021-05-24 0${h}:00,${v},${limit}`))
      writeFileSync(path, rows.join('\n') + '\n')
      return path
    }
    const ug = (await extract(write('limit-ug.csv', 'SO2排放限值(μg/m3)', '35000'))).meta
      .series as SeriesSummary[]
    expect(ug[0]).toMatchObject({ limit: 35, limitSource: 'file' })
    expect(ug[0].exceedances).toHaveLength(1)
    const ppm = await extract(write('limit-ppm.csv', 'SO2排放限值(ppm)', '12'))
    expect((ppm.meta.series as SeriesSummary[])[0]).toMatchObject({
      limit: null,
      limitUnitRefused: 'ppm',
      exceedances: [],
    })
    expect(ppm.warnings.find((w) => w.code === 'monitoring-unit-refused')?.message).toContain(
      "the file's limit is written in ppm",
    )
  })
})
