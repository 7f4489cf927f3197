/**
 * HJ 212 messages split over several packets (PNUM 总包数 / PNO 包号, same QN): joined before their
 * CP is read; a message with a part missing is named by line and kept out of the series.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import type { Hj212Report } from '../../src/core/evidence/kinds/monitoring/hj212-read'
import { WARNING_WORDS } from '../../src/shared/warning-words'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { hj212Packet, hourlyPacket } from '../support/hj212-log'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-hj212-split-')
afterAll(cleanup)

/** One part of an hourly (CN 2061) message at 2021-05-24 `hour`:00, QN of that hour; Flag 7 = bit D set (packet numbers). */
const part = (hour: number, no: number, total: number, cp: string): string => {
  const hh = String(hour).padStart(2, '0')
  return hj212Packet(
    `QN=20210524${hh}0005000;ST=31;CN=2061;PW=123456;MN=88888880000001;Flag=7;PNUM=${total};PNO=${no};CP=&&DataTime=20210524${hh}0000;${cp}&&`,
  )
}

const series = (meta: Record<string, unknown>) => meta.series as SeriesSummary[]

describe('HJ 212 split packets (PNUM/PNO)', () => {
  it('joins the parts of one message (interleaved with other packets); a message missing a part is named by line and left out', async () => {
    const path = join(dir, 'split.log')
    const lines = [
      hourlyPacket(1, '30.0'), // 1
      part(2, 1, 2, 'a21026-ZsAvg=72.852,a21026-Flag=N'), // 2: 02:00 part 1 of 2 (SO2)
      hourlyPacket(4, '20.0'), // 3: another message between the parts
      part(2, 2, 2, 'a21002-ZsAvg=120.5,a21002-Flag=N'), // 4: 02:00 part 2 of 2 (NOx)
      part(3, 2, 3, 'a21002-ZsAvg=99.0,a21002-Flag=N'), // 5: 03:00 part 2 of 3
      part(3, 1, 3, 'a21026-ZsAvg=80.0,a21026-Flag=N'), // 6: 03:00 part 1 of 3; part 3 never comes
    ]
    writeFileSync(path, lines.join('\r\n') + '\r\n')
    const r = await extractInCaseZone(path, { SO2: 35 })
    expect(r.kind).toBe('monitoring')
    const report = r.meta.hj212 as Hj212Report
    expect(report.split).toEqual({
      joined: 1,
      kept: {
        count: 1,
        messages: [
          {
            qn: '20210524030005000',
            cn: '2061',
            lines: [5, 6],
            problem: 'part(s) 3 of 3 missing (parts 1, 2 came)',
          },
        ],
      },
    })
    const so2 = series(r.meta).find((s) => s.pollutant === 'SO2' && s.column.endsWith('ZsAvg'))!
    const nox = series(r.meta).find((s) => s.pollutant === 'NOx')!
    // 01:00 (25…), 02:00 joined, 04:00; the incomplete 03:00 (80.0) is in no series
    expect(so2.points).toBe(3)
    expect(so2.max).toBe(72.852)
    expect(so2.exceedances.map((w) => [w.start, w.end])).toEqual([
      ['2021-05-24T02:00:00+08:00', '2021-05-24T03:00:00+08:00'],
    ])
    expect(nox).toMatchObject({ points: 1, max: 120.5 })
    const warning = r.warnings.find((w) => w.code === 'hj212-split-incomplete')
    expect(warning?.message).toBe(
      '1 HJ 212 message(s) split over several packets (PNUM/PNO) could not be joined and were left out of the series: QN 20210524030005000 CN 2061 at line(s) 5, 6 (part(s) 3 of 3 missing (parts 1, 2 came)).',
    )
    expect(WARNING_WORDS['zh-CN']['hj212-split-incomplete']).toContain('PNUM/PNO')
    expect(WARNING_WORDS.en['hj212-split-incomplete']).toContain('split over several packets')
  })

  it('a part sent twice with other content, or parts that disagree on DataTime, keep the message out; a resent identical part is harmless', async () => {
    const path = join(dir, 'split-conflict.log')
    const lines = [
      part(1, 1, 2, 'a21026-ZsAvg=30.0,a21026-Flag=N'), // 1
      part(1, 1, 2, 'a21026-ZsAvg=30.0,a21026-Flag=N'), // 2: the same part again
      part(1, 2, 2, 'a21002-ZsAvg=50.0,a21002-Flag=N'), // 3: 01:00 joined
      part(2, 1, 2, 'a21026-ZsAvg=40.0,a21026-Flag=N'), // 4
      part(2, 1, 2, 'a21026-ZsAvg=10.0,a21026-Flag=N'), // 5: part 1 again, other value
      part(2, 2, 2, 'a21002-ZsAvg=60.0,a21002-Flag=N'), // 6
      part(3, 1, 2, 'a21026-ZsAvg=40.0,a21026-Flag=N'), // 7
      part(3, 2, 2, 'a21002-ZsAvg=60.0,a21002-Flag=N').replace(
        // a second part whose DataTime is another hour: the packet is rebuilt so its CRC still checks
        /^##\d{4}(.*)[0-9A-F]{4}$/,
        (_m, seg: string) => hj212Packet(seg.replace('DataTime=20210524030000', 'DataTime=20210524040000')),
      ), // 8
    ]
    writeFileSync(path, lines.join('\r\n') + '\r\n')
    const r = await extractInCaseZone(path)
    const report = r.meta.hj212 as Hj212Report
    expect(report.bad.count).toBe(0)
    expect(report.split?.joined).toBe(1)
    expect(report.split?.kept.messages).toEqual([
      {
        qn: '20210524030005000',
        cn: '2061',
        lines: [7, 8],
        problem: 'its parts give different DataTime (20210524030000, 20210524040000)',
      },
      {
        qn: '20210524020005000',
        cn: '2061',
        lines: [4, 6],
        problem: 'part 1 was sent twice with different content (lines 4 and 5)',
      },
    ])
    expect(series(r.meta).find((s) => s.pollutant === 'SO2')).toMatchObject({ points: 1, max: 30 })
  })
})
