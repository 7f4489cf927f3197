/**
 * The monitoring CSV reader off the event loop: the worker thread gives what the calling thread
 * gives, cancel ends it, and a long series is thinned for the chart without hiding an exceedance.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { readCemsStream, readCemsText } from '../../src/core/evidence/kinds/monitoring/csv-read'
import { parseOffThread } from '../../src/core/evidence/kinds/monitoring/parse-off-thread'
import { seriesPoints } from '../../src/core/evidence/kinds/monitoring/series-points'
import { summariseTable } from '../../src/core/evidence/kinds/monitoring/summarise'
import { EvidenceError } from '../../src/core/errors'
import { writeLongCemsCsv } from '../support/monitoring-csv'
import { tempDir } from '../support/temp'

const ZONE = 'Asia/Shanghai'
/** the first hour of the generated files, written without a zone and so read in the case zone (+08:00) */
const START = Date.parse('2020-01-01T00:00:00+08:00')
const { dir, cleanup } = tempDir('monitoring-off-thread-')
afterAll(cleanup)

/** Hourly SO2 折算 for `hours` hours: a wave under 35, spikes over it at the given hours, blanks and D flags here and there. */
function hourlyWide(hours: number, spikes: number[]): string {
  const lines = ['监测时间,SO2折算浓度(mg/m3),SO2数据标记']
  const start = Date.UTC(2020, 0, 1)
  for (let h = 0; h < hours; h++) {
    const d = new Date(start + h * 3_600_000).toISOString()
    const stamp = `${d.slice(0, 10)} ${d.slice(11, 16)}`
    const v = spikes.includes(h) ? 35.001 + (h % 7) : 20 + 10 * Math.sin(h / 5)
    const cell = h % 1001 === 500 ? '' : v.toFixed(3)
    lines.push(`${stamp},${cell},${h % 613 === 7 ? 'D' : 'N'}`)
  }
  return lines.join('\n')
}

describe('reading on a worker thread', () => {
  it('gives exactly what the calling thread gives: summary and points, from a GB18030 file', async () => {
    const path = join(dir, 'hourly-gb18030.csv')
    writeFileSync(path, iconv.encode(hourlyWide(3000, [10, 11, 2500]), 'gb18030'))
    const job = { source: { path }, options: { caseTimeZone: ZONE, limits: { SO2: 35 } }, points: true }
    const here = await parseOffThread(job, { size: 0 })
    const there = await parseOffThread(job, { size: 0, inWorker: true })
    expect(there).toEqual(here)
    expect(here.encoding).toBe('gb18030')
    expect(here.summary!.series[0].exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2020-01-01T10:00:00+08:00', '2020-01-01T12:00:00+08:00'],
      ['2020-04-14T04:00:00+08:00', '2020-04-14T05:00:00+08:00'],
    ])
  }, 60_000)

  it('a workbook too: the worker reads an .xlsx from its bytes as the calling thread does', async () => {
    const rows: unknown[][] = [['监测时间', 'SO2折算浓度(mg/m3)']]
    // hourly from 2020-01-01 00:00 (serial 43831), over 35 at hours 10 and 11
    for (let h = 0; h < 2000; h++)
      rows.push([{ t: 'n', v: 43831 + h / 24, z: 'yyyy-mm-dd hh:mm' }, h === 10 || h === 11 ? 50 : 20])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S')
    const bytes = new Uint8Array(
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer,
    )
    const job = { source: { bytes }, options: { caseTimeZone: ZONE, limits: { SO2: 35 } }, points: true }
    const here = await parseOffThread(job, { size: 0 })
    const there = await parseOffThread(job, { size: 0, inWorker: true })
    expect(there).toEqual(here)
    expect(here.format).toBe('xlsx')
    expect(here.summary!.series[0].exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2020-01-01T10:00:00+08:00', '2020-01-01T12:00:00+08:00'],
    ])
  }, 60_000)

  it('cancel ends the worker: the promise rejects as cancelled, with no result', async () => {
    const path = join(dir, 'long.csv')
    writeLongCemsCsv(path, 60_000)
    const abort = new AbortController()
    const reading = parseOffThread(
      { source: { path }, options: { caseTimeZone: ZONE }, points: false },
      { size: 1, inWorker: true, signal: abort.signal },
    )
    abort.abort()
    await expect(reading).rejects.toSatisfy((e) => e instanceof EvidenceError && e.code === 'cancelled')
  }, 60_000)

  it('a file that is not text, read on the worker, says so rather than failing', async () => {
    const path = join(dir, 'binary.csv')
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))
    const r = await parseOffThread(
      { source: { path }, options: { caseTimeZone: ZONE }, points: false },
      { size: 1, inWorker: true },
    )
    expect(r).toMatchObject({ encoding: null, summary: null })
  }, 60_000)
})

describe('thinning a long series for the chart', () => {
  const spikes = [3, 4, 777, 5000, 5001, 5002, 19_998]
  const table = readCemsText(hourlyWide(20_000, spikes), ZONE)!
  const summary = summariseTable(table, { caseTimeZone: ZONE, limits: { SO2: 35 } })!
  const [drawn] = seriesPoints(table)

  it('draws a few thousand points out of 20,000, in time order, and says it thinned them', () => {
    expect(drawn.thinned).toEqual({ values: 20_000, drawn: drawn.points.length })
    expect(drawn.points.length).toBeLessThan(5000)
    const times = drawn.points.map(([iso]) => Date.parse(iso))
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true)
  })

  it('keeps the highest value of every time slice, so each exceedance window shows a point above the line', () => {
    const over = drawn.points.filter(([, v, flag]) => flag === null && v !== null && v > 35)
    const hoursOver = over.map(([iso]) => (Date.parse(iso) - START) / 3_600_000)
    // one slice is 1/1200 of the span (about 17 hours here): 3 and 4 share a slice, drawn by its highest
    const slice = 20_000 / 1200
    const sliceOf = (h: number) => Math.floor(h / slice)
    expect(new Set(hoursOver.map(sliceOf))).toEqual(new Set(spikes.map(sliceOf)))
    expect(hoursOver).toEqual(expect.arrayContaining([4, 777, 19_998]))
    const windows = summary.series[0].exceedances
    expect(windows.map((w) => [(Date.parse(w.start) - START) / 3_600_000, w.points])).toEqual([
      [3, 2],
      [777, 1],
      [5000, 3],
      [19_998, 1],
    ])
    for (const w of windows) {
      const from = sliceOf((Date.parse(w.start) - START) / 3_600_000)
      const to = sliceOf((Date.parse(w.end) - START) / 3_600_000 - 1)
      expect(hoursOver.some((h) => sliceOf(h) >= from && sliceOf(h) <= to)).toBe(true)
    }
  })

  it('keeps the lowest value, a flagged value and a gap for a blank in the slices that hold them', () => {
    const values = drawn.points.flatMap(([, v, flag]) => (flag === null && v !== null ? [v] : []))
    expect(Math.min(...values)).toBe(summary.series[0].min)
    expect(drawn.points.some(([, , flag]) => flag === 'D')).toBe(true)
    // the blank at 500 h is drawn as a gap (null), not joined
    const blank = START + 500 * 3_600_000
    expect(drawn.points.find(([iso]) => Date.parse(iso) === blank)).toEqual([expect.any(String), null, null])
  })

  it('a short series is drawn whole', () => {
    const small = readCemsText(hourlyWide(48, [3]), ZONE)!
    const [whole] = seriesPoints(small)
    expect(whole.thinned).toBeUndefined()
    expect(whole.points).toHaveLength(48)
  })
})

describe('naming a cell by its line', () => {
  it('streamed and in-memory readings name the same lines: CRLF, blank lines, a quoted field over two lines', async () => {
    const text = [
      '企业名称：某某化工有限公司',
      '',
      '监测时间,SO2折算浓度(mg/m3),备注',
      '2021-05-24 00:00,20,"两行',
      '的备注"',
      '',
      '2021-05-24 01:00,停运,x',
      '2021-05-24 02:00,坏,"y"',
      '2021-05-24 03:00,30,z',
    ].join('\r\n')
    const path = join(dir, 'lines.csv')
    writeFileSync(path, text)
    const inMemory = readCemsText(text.replace(/\r\n/g, '\n'), ZONE)!
    const streamed = (await readCemsStream({ path }, ZONE)).table!
    const named = [
      { row: 7, column: 'SO2折算浓度(mg/m3)', text: '停运' },
      { row: 8, column: 'SO2折算浓度(mg/m3)', text: '坏' },
    ]
    expect(inMemory.columns[0].unreadable).toEqual({ count: 2, cells: named })
    expect(streamed.columns[0].unreadable).toEqual({ count: 2, cells: named })
    expect(Array.from(streamed.lines)).toEqual([4, 7, 8, 9])
    expect(streamed.info).toEqual({ 企业名称: '某某化工有限公司' })
  })
})

describe('a long table with many outlets', () => {
  it('keeps each of 40 outlets × 2 factors its own series, beyond the series looked up by comparing cells', () => {
    const lines = ['监测时间,排放口名称,监测因子,折算浓度(mg/m3),排放限值(mg/m3)']
    for (let h = 0; h < 3; h++)
      for (let o = 1; o <= 40; o++)
        for (const f of ['二氧化硫', '氮氧化物'])
          lines.push(
            `2021-05-24 0${h}:00,${o}号排放口,${f},${(o * 10 + h + (f === '氮氧化物' ? 0.5 : 0)).toFixed(1)},35`,
          )
    const table = readCemsText(lines.join('\n'), ZONE)
    expect(table?.layout).toBe('long')
    expect(table?.rows).toBe(3)
    expect(table?.columns).toHaveLength(80)
    for (const o of [1, 33, 40]) {
      const so2 = table?.columns.find((c) => c.outlet === `${o}号排放口` && c.pollutant === 'SO2')
      const nox = table?.columns.find((c) => c.outlet === `${o}号排放口` && c.pollutant === 'NOx')
      expect([...(so2?.values ?? [])]).toEqual([o * 10, o * 10 + 1, o * 10 + 2])
      expect([...(nox?.values ?? [])]).toEqual([o * 10 + 0.5, o * 10 + 1.5, o * 10 + 2.5])
    }
  })
})
