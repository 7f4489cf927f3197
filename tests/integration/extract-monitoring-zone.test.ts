import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { WARNING_WORDS } from '../../src/shared/warning-words'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-zone-')
afterAll(cleanup)

function csv(name: string, lines: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\r\n') + '\r\n')
  return path
}

const zoneWarning = (r: { warnings: Array<{ code: string; message: string }> }) =>
  r.warnings.find((w) => w.code === 'monitoring-zone-assumed')

describe('times without a zone are read in the case zone and flagged on the item', () => {
  it('a wide CSV with zone-less times: every time flagged, the case zone named, words in both languages', async () => {
    const r = await extractInCaseZone(
      csv('wide.csv', [
        '监测时间,SO2折算浓度(mg/m3)',
        '2021-05-24 00:00,20',
        '2021-05-24 01:00,40',
        '2021-05-24 02:00,30',
      ]),
    )
    expect(r.kind).toBe('monitoring')
    expect(r.meta).toMatchObject({ start: '2021-05-24T00:00:00+08:00', zoneAssumedRows: 3 })
    expect(zoneWarning(r)?.message).toBe(
      'All 3 time stamp(s) of the monitoring data carry no time zone or UTC offset; they were read in the case zone Asia/Shanghai.',
    )
    expect(WARNING_WORDS['zh-CN']['monitoring-zone-assumed']).toContain('已按案件时区理解')
    expect(WARNING_WORDS.en['monitoring-zone-assumed']).toContain("case's time zone")
  })

  it('times with their own offset (+08:00, Z) are not flagged; a file mixing both counts the zone-less ones', async () => {
    const zoned = await extractInCaseZone(
      csv('zoned.csv', [
        '监测时间,SO2折算浓度(mg/m3)',
        '2021-05-24T00:00:00+08:00,20',
        '2021-05-23T17:00:00Z,40',
      ]),
    )
    expect(zoned.kind).toBe('monitoring')
    expect(zoneWarning(zoned)).toBeUndefined()
    expect(zoned.meta.zoneAssumedRows).toBeUndefined()
    // 17:00 Z is 01:00 the next day in +08:00: the second row is an hour after the first
    expect(zoned.meta).toMatchObject({ intervalSec: 3600, start: '2021-05-24T00:00:00+08:00' })

    const mixed = await extractInCaseZone(
      csv('mixed.csv', [
        '监测时间,SO2折算浓度(mg/m3)',
        '2021-05-24T00:00:00+08:00,20',
        '2021-05-24 01:00,40',
      ]),
    )
    expect(zoneWarning(mixed)?.message).toMatch(/^1 of 2 time stamp\(s\)/)
  })

  it('a long TXT table (tab-separated) and an .xlsx whose dates are Excel serials are flagged too', async () => {
    const long = await extractInCaseZone(
      csv('long.txt', [
        ['监测时间', '排放口名称', '监测因子', '折算浓度(mg/m3)'].join('\t'),
        ['2021-05-24 00:00', '1号排放口', 'SO2', '20'].join('\t'),
        ['2021-05-24 00:00', '1号排放口', 'NOx', '30'].join('\t'),
        ['2021-05-24 01:00', '1号排放口', 'SO2', '25'].join('\t'),
      ]),
    )
    expect(long.kind).toBe('monitoring')
    // a long table counts time stamps (rows of the pivoted table), not lines
    expect(zoneWarning(long)?.message).toMatch(/^All 2 time stamp\(s\)/)

    const wb = XLSX.utils.book_new()
    const ws = XLSX.utils.aoa_to_sheet([
      ['监测时间', 'SO2折算浓度(mg/m3)'],
      [{ t: 'n', v: 44340, z: 'yyyy-mm-dd hh:mm' }, 20],
      [{ t: 'n', v: 44340 + 1 / 24, z: 'yyyy-mm-dd hh:mm' }, 40],
    ])
    XLSX.utils.book_append_sheet(wb, ws, '小时数据')
    const path = join(dir, 'book.xlsx')
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const book = await extractInCaseZone(path)
    expect(book.kind).toBe('monitoring')
    expect(book.meta).toMatchObject({ start: '2021-05-24T00:00:00+08:00' })
    expect(zoneWarning(book)?.message).toMatch(/^All 2 time stamp\(s\).*Asia\/Shanghai\.$/)
  })
})
