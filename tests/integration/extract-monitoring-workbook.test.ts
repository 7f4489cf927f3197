import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import type { EvidenceItem } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { excelSerialToWallTime } from '../../src/core/evidence/kinds/monitoring/excel-date'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-workbook-')
afterAll(cleanup)

const extract = extractInCaseZone
const series = (meta: Record<string, unknown>) => meta.series as SeriesSummary[]

/** 2021-05-24 00:00 as an Excel serial in the 1900 date system (44340), plus hours. */
const serial1900 = (hour: number) => 44340 + hour / 24
/** The same wall time in the 1904 date system: 1,462 days fewer. */
const serial1904 = (hour: number) => serial1900(hour) - 1462
const dateCell = (v: number): XLSX.CellObject => ({ t: 'n', v, z: 'yyyy-mm-dd hh:mm' })

function writeBook(
  name: string,
  sheets: Array<{ name: string; rows: unknown[][]; merges?: XLSX.Range[] }>,
  opts: { bookType?: XLSX.BookType; date1904?: boolean } = {},
): string {
  const wb = XLSX.utils.book_new()
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows)
    if (s.merges) ws['!merges'] = s.merges
    XLSX.utils.book_append_sheet(wb, ws, s.name)
  }
  if (opts.date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { date1904: true } }
  const path = join(dir, name)
  writeFileSync(
    path,
    XLSX.write(wb, { type: 'buffer', bookType: opts.bookType ?? 'xlsx', compression: true }) as Buffer,
  )
  return path
}

/** Hourly 标干 and 折算 SO2: 折算 is over 35 at 02:00 and 03:00 (the formula cell), 标干 never. */
const wideRows = (serial: (h: number) => number) => [
  ['企业名称：某某热电有限公司'],
  ['监测时间', 'SO2标干浓度(mg/m3)', 'SO2折算浓度(mg/m3)', '氧含量(%)'],
  ...[20, 25, 33, 34, 28].map((dry, h) => [
    dateCell(serial(h)),
    dry,
    h === 3 ? { t: 'n', v: 48.5, f: 'B5*1.47' } : h === 2 ? 72.852 : dry * 1.2,
    9.5,
  ]),
]

describe('monitoring workbooks (.xlsx, .xls)', () => {
  it('an .xlsx with date serials and a formula cell: the limit is compared with 折算, times are the wall times shown, in the case zone', async () => {
    const r = await extract(writeBook('wide.xlsx', [{ name: '小时数据', rows: wideRows(serial1900) }]), {
      SO2: 35,
    })
    expect(r.kind).toBe('monitoring')
    expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(r.meta).toMatchObject({
      format: 'xlsx',
      rows: 5,
      intervalSec: 3600,
      start: '2021-05-24T00:00:00+08:00',
      end: '2021-05-24T05:00:00+08:00',
      info: { 企业名称: '某某热电有限公司' },
      sheets: { read: ['小时数据'], skipped: [] },
    })
    const converted = series(r.meta).find((s) => s.basis === 'converted')!
    expect(converted).toMatchObject({ pollutant: 'SO2', judged: true, limit: 35, max: 72.852, points: 5 })
    // the formula's saved value (48.5) is read, not its text
    expect(converted.exceedances).toEqual([
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 2 },
    ])
    expect(series(r.meta).find((s) => s.basis === 'dry')).toMatchObject({ judged: false, exceedances: [] })
  })

  it('the 1904 date system gives the same wall times', async () => {
    const r = await extract(
      writeBook('wide-1904.xlsx', [{ name: 'S', rows: wideRows(serial1904) }], { date1904: true }),
      { SO2: 35 },
    )
    expect(r.meta).toMatchObject({ start: '2021-05-24T00:00:00+08:00', end: '2021-05-24T05:00:00+08:00' })
    expect(series(r.meta).find((s) => s.judged)!.exceedances[0].start).toBe('2021-05-24T02:00:00+08:00')
  })

  it('a legacy .xls (BIFF8) is read by content the same way, whatever its name', async () => {
    const path = writeBook('export.dat', [{ name: 'S', rows: wideRows(serial1900) }], { bookType: 'biff8' })
    const r = await extract(path, { SO2: 35 })
    expect(r.kind).toBe('monitoring')
    expect(r.mime).toBe('application/vnd.ms-excel')
    expect(r.meta.format).toBe('xls')
    expect(series(r.meta).find((s) => s.judged)!.exceedances).toHaveLength(1)
  })

  it('a merged two-row header (SO2 over 实测浓度 | 折算浓度, 监测时间 over both rows) names each column', async () => {
    const path = writeBook('merged.xlsx', [
      {
        name: 'S',
        rows: [
          ['监测时间', 'SO2', null, 'NOx', null],
          [null, '实测浓度(mg/m3)', '折算浓度(mg/m3)', '实测浓度(mg/m3)', '折算浓度(mg/m3)'],
          [dateCell(serial1900(0)), 10, 12, 50, 60],
          [dateCell(serial1900(1)), 30, 40, 55, 66],
        ],
        merges: [
          { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
          { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
          { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } },
        ],
      },
    ])
    const r = await extract(path, { SO2: 35 })
    expect(series(r.meta).map((s) => [s.pollutant, s.basis, s.max])).toEqual([
      ['SO2', 'measured', 30],
      ['SO2', 'converted', 40],
      ['NOx', 'measured', 55],
      ['NOx', 'converted', 66],
    ])
    expect(r.meta.rows).toBe(2)
    expect(series(r.meta)[1].exceedances).toEqual([
      { start: '2021-05-24T01:00:00+08:00', end: '2021-05-24T02:00:00+08:00', max: 40, points: 1 },
    ])
  })

  it('several sheets: each outlet sheet is read and its series named by the sheet; a notes sheet is skipped and named', async () => {
    const outlet = (so2: number[]) => [
      ['监测时间', 'SO2折算浓度(mg/m3)'],
      ...so2.map((v, h) => [dateCell(serial1900(h)), v]),
    ]
    const path = writeBook('outlets.xlsx', [
      { name: '说明', rows: [['本表由平台导出'], ['单位：mg/m3']] },
      { name: '1号排放口', rows: outlet([10, 50, 10]) },
      { name: '2号排放口', rows: outlet([10, 10, 10]) },
    ])
    const r = await extract(path)
    expect(series(r.meta).map((s) => [s.outlet, s.pollutant, s.max])).toEqual([
      ['1号排放口', 'SO2', 50],
      ['2号排放口', 'SO2', 10],
    ])
    expect(r.meta.sheets).toEqual({
      read: ['1号排放口', '2号排放口'],
      skipped: [{ sheet: '说明', reason: expect.stringContaining('no header row with a time column') }],
    })
    expect(r.warnings.find((w) => w.code === 'monitoring-sheets-skipped')?.message).toContain('"说明"')
  })

  it('a workbook that is not a monitoring table stays a document; the warning names the expected headers', async () => {
    const path = writeBook('budget.xlsx', [
      {
        name: '预算',
        rows: [
          ['项目', '金额'],
          ['设备', 1200],
        ],
      },
    ])
    const r = await extract(path)
    expect(r.kind).toBe('document')
    const w = r.warnings.find((x) => x.code === 'monitoring-no-table')
    expect(w?.message).toContain('budget.xlsx')
    expect(w?.message).toContain('监测时间')
    expect(w?.message).toContain('监测因子')
  })

  it('an .xlsx declaring a huge inflated size is refused, naming the file and the cap, and kept as a document', async () => {
    const path = writeBook('bomb.xlsx', [{ name: 'S', rows: wideRows(serial1900) }])
    const bytes = Buffer.from(readBytes(path))
    // every central directory entry declares 0x7FFFFFFF bytes inflated (2 GiB each)
    for (let i = bytes.indexOf(CENTRAL); i !== -1; i = bytes.indexOf(CENTRAL, i + 4))
      bytes.writeUInt32LE(0x7fffffff, i + 24)
    writeFileSync(path, bytes)
    const r = await extract(path)
    expect(r.kind).toBe('document')
    const w = r.warnings.find((x) => x.code === 'monitoring-workbook-refused')
    expect(w?.message).toContain('"bomb.xlsx"')
    expect(w?.message).toContain('over the cap of 256.0 MiB')
  })

  it('an .xlsx whose entry inflates beyond the size it declares is refused', async () => {
    const path = writeBook('liar.xlsx', [{ name: 'S', rows: wideRows(serial1900) }])
    const bytes = Buffer.from(readBytes(path))
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    let patched = 0
    for (let i = bytes.indexOf(CENTRAL); i !== -1; i = bytes.indexOf(CENTRAL, i + 4)) {
      if (bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(16, i + 24)
        patched++
      }
    }
    expect(patched).toBe(1)
    writeFileSync(path, bytes)
    const r = await extract(path)
    expect(r.kind).toBe('document')
    expect(r.warnings.find((x) => x.code === 'monitoring-workbook-refused')?.message).toContain(
      'xl/worksheets/sheet1.xml inflates beyond the 16 bytes it declares',
    )
  })
})

describe('a workbook in a case', () => {
  it('imports as monitoring data; the chart view reads the stored original with its points and the officer limit per sheet', async () => {
    const card = join(dir, 'card')
    mkdirSync(card)
    const outlet = (so2: number[]) => [
      ['监测时间', 'SO2折算浓度(mg/m3)'],
      ...so2.map((v, h) => [dateCell(serial1900(h)), v]),
    ]
    writeBook('card/outlets.xlsx', [
      { name: '1号排放口', rows: outlet([10, 50, 10]) },
      { name: '2号排放口', rows: outlet([10, 10, 10]) },
    ])
    const backend = new Backend({ mode: 'browser', dataDir: join(dir, 'data'), version: 'test' })
    try {
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const r = await backend.dispatch(channel, input)
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
        return r.value as T
      }
      await call('profile:save', { ...OFFICER_A, unit: '单位' })
      await call('case:create', { dir: join(dir, 'case'), fields: sampleCaseFields() })
      await call('import:start', { paths: [card] })
      await backend.idle()
      const [item] = (await call<{ items: EvidenceItem[] }>('evidence:list', {})).items
      expect(item.kind).toBe('monitoring')
      type View = { series: SeriesSummary[]; points: Array<{ outlet?: string; points: unknown[][] }> }
      const view = await call<View>('monitoring:setLimit', {
        itemId: item.id,
        pollutant: '1号排放口/SO2',
        limit: 35,
        reason: '排放标准 35 mg/m³',
      })
      expect(view.points.map((p) => [p.outlet, p.points.length])).toEqual([
        ['1号排放口', 3],
        ['2号排放口', 3],
      ])
      expect(view.points[0].points[1]).toEqual(['2021-05-24T01:00:00+08:00', 50, null])
      expect(view.series.map((s) => [s.outlet, s.limit, s.exceedances.length])).toEqual([
        ['1号排放口', 35, 1],
        ['2号排放口', null, 0],
      ])
    } finally {
      await backend.dispose()
    }
  }, 60_000)
})

describe('Excel date serials', () => {
  it('1900 system with its phantom 29 February 1900; 1904 system; day and time-of-day serials', () => {
    expect(excelSerialToWallTime(1, false)).toBe('1900-01-01')
    expect(excelSerialToWallTime(59, false)).toBe('1900-02-28')
    expect(excelSerialToWallTime(60, false)).toBeNull()
    expect(excelSerialToWallTime(61, false)).toBe('1900-03-01')
    expect(excelSerialToWallTime(44340 + 2 / 24, false)).toBe('2021-05-24 02:00:00')
    expect(excelSerialToWallTime(42878 + 2 / 24, true)).toBe('2021-05-24 02:00:00')
    expect(excelSerialToWallTime(0.75, false)).toBe('18:00:00')
    // float noise one millisecond short of the hour is the hour
    expect(excelSerialToWallTime(44340 + 3 / 24 - 1e-8, false)).toBe('2021-05-24 03:00:00')
  })
})

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02])
function readBytes(path: string): Buffer {
  return readFileSync(path)
}
