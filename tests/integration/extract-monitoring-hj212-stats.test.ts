/**
 * HJ 212 -Min/-Max/-Cou of minute, hourly and daily data: drawn as series of their own (a min–max
 * band around the mean in the viewer), -Cou as 累计量 without a unit the packet does not state,
 * and never compared with a concentration limit.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SeriesSummary } from '../../src/core/evidence/kinds/monitoring/extract'
import type { Hj212Report } from '../../src/core/evidence/kinds/monitoring/hj212-read'
import { exceedanceFacts } from '../../src/shared/kinds/monitoring-facts'
import { seriesInWords } from '../../src/shared/kinds/monitoring-words'
import { extractInCaseZone } from '../support/extract-in-case-zone'
import { hj212Packet } from '../support/hj212-log'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-hj212-stats-')
afterAll(cleanup)

const hourly = (hour: number, min: string, avg: string, max: string, cou: string): string => {
  const hh = String(hour).padStart(2, '0')
  return hj212Packet(
    `QN=20210524${hh}0005000;ST=31;CN=2061;PW=123456;MN=88888880000001;Flag=4;CP=&&DataTime=20210524${hh}0000;` +
      `a21026-ZsMin=${min},a21026-ZsAvg=${avg},a21026-ZsMax=${max},a21026-Cou=${cou},a21026-Flag=N&&`,
  )
}

describe('HJ 212 -Min/-Max/-Cou', () => {
  it('are their own series, named in words, never judged against the limit even when the maximum is over it', async () => {
    const path = join(dir, 'stats.log')
    const realTime = hj212Packet(
      'QN=20210524000030000;ST=31;CN=2011;PW=123456;MN=88888880000001;Flag=4;CP=&&DataTime=20210524000030;a21026-Rtd=20.0,a21026-Min=19.0,a21026-Max=21.0,a21026-Flag=N&&',
    )
    writeFileSync(
      path,
      [
        hourly(0, '10.0', '20.0', '30.0', '1.25'),
        hourly(1, '15.0', '25.0', '48.0', '1.50'), // the hour's maximum is over 35, its mean is not
        hourly(2, '12.0', '22.0', '33.0', '1.40'),
        realTime,
      ].join('\r\n') + '\r\n',
    )
    const r = await extractInCaseZone(path, { 'CN 2061/SO2': 35 })
    expect(r.kind).toBe('monitoring')
    const series = (r.meta.series as SeriesSummary[]).filter((s) => s.outlet === 'CN 2061')
    const by = (column: string) => series.find((s) => s.column === column)!
    expect(by('a21026-ZsAvg')).toMatchObject({ judged: true, limit: 35, exceedances: [] })
    expect(by('a21026-ZsMax')).toMatchObject({
      statistic: 'max',
      basis: 'converted',
      unit: 'mg/m³',
      max: 48,
      judged: false,
      limit: null,
      exceedances: [],
    })
    expect(by('a21026-ZsMin')).toMatchObject({ statistic: 'min', min: 10, judged: false, limit: null })
    expect(by('a21026-Cou')).toMatchObject({
      statistic: 'cumulative',
      unit: null,
      points: 3,
      max: 1.5,
      limit: null,
    })
    expect(seriesInWords(by('a21026-ZsMax'), 'zh-CN')).toBe('CN 2061 SO2 折算浓度小时最大值')
    expect(seriesInWords(by('a21026-ZsMin'), 'en')).toBe(
      'CN 2061 SO2 converted (reference O₂) concentration (hourly minimum)',
    )
    expect(seriesInWords(by('a21026-Cou'), 'zh-CN')).toBe('CN 2061 SO2 小时累计量')
    expect(exceedanceFacts(by('a21026-ZsMax'), 'zh-CN')[0].text).toBe(
      'CN 2061 SO2 折算浓度小时最大值是时段内的最大值，只显示，不与浓度限值比较。',
    )
    expect(exceedanceFacts(by('a21026-Cou'), 'en')[0].text).toBe(
      "The CN 2061 SO2 hourly cumulative amount is the period's cumulative amount (the packets do not state its unit); it is shown, never compared with a concentration limit.",
    )
    // a real-time packet's Min/Max are not a period's statistics: counted, not drawn
    const realTimeSeries = (r.meta.series as SeriesSummary[]).filter((s) => s.outlet === 'CN 2011')
    expect(realTimeSeries.map((s) => s.column)).toEqual(['a21026-Rtd'])
    expect((r.meta.hj212 as Hj212Report).otherFieldValues).toBe(2)
  })
})
