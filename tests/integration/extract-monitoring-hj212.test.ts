import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import { readPacketLine } from '../../src/core/evidence/kinds/monitoring/hj212-packet'
import type { Hj212Report } from '../../src/core/evidence/kinds/monitoring/hj212-read'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { dailyPacket, hj212Packet, hourlyPacket } from '../support/hj212-log'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-hj212-')
afterAll(cleanup)

const extract = extractInCaseZone

/** The standard's own example packet (HJ 212-2017 appendix C), CRC 1C80. */
const STANDARD_EXAMPLE =
  '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80'
/**
 * An hourly data packet whose length (180) and CRC (A141) were computed outside this code, with a
 * Python function written from the standard's description of the CRC (register 0xFFFF; per byte
 * register = (register >> 8) ^ byte, then 8 × shift right, ^ 0xA001 when the bit out was 1).
 */
const PYTHON_CHECKED =
  '##0180QN=20210524030005000;ST=31;CN=2061;PW=123456;MN=88888880000001;Flag=4;CP=&&DataTime=20210524030000;a21026-Avg=60.10,a21026-ZsAvg=72.852,a21026-Flag=N;a19001-Avg=9.8,a19001-Flag=N&&A141'

const packet = hj212Packet
const hourly = hourlyPacket

describe('HJ 212-2017 CRC and length', () => {
  it('the standard example and an independently computed packet check; a changed character does not', () => {
    expect(readPacketLine(STANDARD_EXAMPLE, 1)).toMatchObject({ kind: 'packet', packet: { cn: '1062' } })
    const read = readPacketLine(`${PYTHON_CHECKED}\r`, 7)
    expect(read).toMatchObject({
      kind: 'packet',
      packet: { line: 7, cn: '2061', mn: '88888880000001', dataTime: '20210524030000' },
    })
    expect(readPacketLine(PYTHON_CHECKED.replace('72.852', '72.853'), 3)).toEqual({
      kind: 'bad',
      line: 3,
      problem: expect.stringMatching(/^its CRC is A141, the data segment gives [0-9A-F]{4}$/),
    })
  })
})

describe('an HJ 212 data logger log', () => {
  it('reads hourly and daily data as separate series with their periods; bad packets are named by line, flagged values counted', async () => {
    const cut = hourly(6, '50.0')
    const wrongLength = hourly(7, '51.0').replace(
      /^##(\d{4})/,
      (_m, n: string) => `##${String(Number(n) + 1).padStart(4, '0')}`,
    )
    const badCrc = hourly(5, '99.0').replace(/[0-9A-F]{4}$/, (crc) => (crc === '0000' ? '0001' : '0000'))
    const lines = [
      `2021-05-24 00:00:05 RECV: ${hourly(0, '25.0')}`, // 1: a logger's prefix
      hourly(1, '30.0'), // 2
      hourly(2, '40.5'), // 3: over 35
      PYTHON_CHECKED, // 4: 03:00, 72.852 over 35
      hourly(4, '80.0', 'D'), // 5: over 35 but flagged D (故障): not counted
      'connection from 10.0.0.8 closed', // 6: not a packet
      badCrc, // 7
      wrongLength, // 8
      cut.slice(0, 120), // 9: cut short
      dailyPacket('33.1'), // 10: the daily value
      packet('QN=20210524000005000;ST=91;CN=9014;PW=123456;MN=88888880000001;Flag=4;CP=&&&&'), // 11: a reply
      '',
    ]
    const path = join(dir, 'logger.log')
    writeFileSync(path, lines.join('\r\n'))
    const r = await extract(path, { 'CN 2061/SO2': 35 })
    expect(r.kind).toBe('monitoring')
    expect(r.meta.format).toBe('hj212')
    const series = r.meta.series as SeriesSummary[]
    const hourlySo2 = series.find(
      (s) => s.outlet === 'CN 2061' && s.pollutant === 'SO2' && s.basis === 'converted',
    )!
    expect(hourlySo2).toMatchObject({
      column: 'a21026-ZsAvg',
      unit: 'mg/m³',
      periodSec: 3600,
      points: 4,
      flagged: { D: 1 },
      max: 72.852,
      judged: true,
      limit: 35,
      exceedances: [
        { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 2 },
      ],
    })
    // 实测 (Avg) is a series of its own, not judged while 折算 exists
    expect(
      series.find(
        (s) => s.outlet === 'CN 2061' && s.pollutant === 'SO2' && s.basis === 'measured' && !s.statistic,
      ),
    ).toMatchObject({
      column: 'a21026-Avg',
      judged: false,
    })
    // the hour's Min and Max (实测) are series of their own (the flagged 04:00 and the 03:00 packet
    // without them aside), shown, never judged nor given a limit
    expect(
      series
        .filter((s) => s.outlet === 'CN 2061' && s.statistic)
        .map((s) => [
          s.column,
          s.statistic,
          s.basis,
          s.points,
          s.max,
          s.judged,
          s.limit,
          s.exceedances.length,
        ]),
    ).toEqual([
      ['a21026-Min', 'min', 'measured', 3, 10, false, null, 0],
      ['a21026-Max', 'max', 'measured', 3, 30, false, null, 0],
    ])
    expect(series.find((s) => s.outlet === 'CN 2061' && s.pollutant === 'O2')).toMatchObject({
      unit: '%',
      points: 5,
    })
    // the daily value: its own series, a day long, never compared with the hourly limit
    expect(series.find((s) => s.outlet === 'CN 2031' && s.basis === 'converted')).toMatchObject({
      pollutant: 'SO2',
      periodSec: 86_400,
      points: 1,
      max: 33.1,
      limit: null,
      exceedances: [],
    })
    const report = r.meta.hj212 as Hj212Report
    expect(report).toMatchObject({
      packets: 7,
      commands: { '2061': 5, '2031': 1, '9014': 1 },
      devices: ['88888880000001'],
      otherLines: 1,
      // Min and Max of hourly data are drawn as series, not counted apart
      otherFieldValues: 0,
    })
    expect(report.bad.count).toBe(3)
    expect(report.bad.lines.map((b) => b.line)).toEqual([7, 8, 9])
    expect(report.bad.lines[0].problem).toMatch(/^its CRC is 000[01], the data segment gives/)
    expect(report.bad.lines[1].problem).toMatch(/declares a data segment of \d+ characters but has \d+/)
    expect(report.bad.lines[2].problem).toMatch(/cut short/)
    const codes = r.warnings.map((w) => w.code)
    expect(codes).toContain('hj212-bad-packets')
    expect(codes).toContain('hj212-site-time')
    expect(r.warnings.find((w) => w.code === 'hj212-bad-packets')?.message).toContain('line 7')
    expect(r.warnings.find((w) => w.code === 'hj212-site-time')?.message).toContain('Asia/Shanghai')
    expect(r.meta).toMatchObject({ start: '2021-05-24T00:00:00+08:00', info: { MN: '88888880000001' } })
  })

  it('an unknown factor code is shown as its code, with no unit', async () => {
    const path = join(dir, 'unknown.txt')
    writeFileSync(
      path,
      `${packet('ST=31;CN=2061;PW=123456;MN=1;Flag=4;CP=&&DataTime=20210524010000;x99999-Avg=1.5,x99999-Flag=N&&')}\r\n`,
    )
    const r = await extract(path)
    expect(r.kind).toBe('monitoring')
    expect((r.meta.series as SeriesSummary[]).map((s) => [s.pollutant, s.unit, s.column])).toEqual([
      ['x99999', null, 'x99999-Avg'],
    ])
  })

  it('a log with no data packet that passes its checks stays a document, saying why', async () => {
    const path = join(dir, 'broken.log')
    writeFileSync(path, `${hourly(1, '30.0').replace(/[0-9A-F]{4}$/, 'ZZZZ')}\r\n`)
    const r = await extract(path)
    expect(r.kind).toBe('document')
    expect(r.warnings.map((w) => w.code)).toEqual(['hj212-bad-packets', 'monitoring-no-table'])
  })
})
