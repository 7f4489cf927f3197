import { describe, expect, it } from 'vitest'
import { exceedanceRatios, formatRatio, seriesInWords } from '../../src/shared/kinds/monitoring-words'

describe('ratios as enforcement writes them', () => {
  it('72.852 over 35: 为限值的 2.08 倍, 超标 1.08 倍', () => {
    expect(exceedanceRatios(72.852, 35)).toEqual({ ofLimit: '2.08', over: '1.08' })
  })

  it('never rounds across 0, 1, 3 or 10: the unrounded value is shown near them', () => {
    expect(formatRatio(2.996)).toBe('2.996')
    expect(formatRatio(3.004)).toBe('3.004')
    expect(formatRatio(0.9999)).toBe('0.9999')
    expect(formatRatio(9.9951)).toBe('9.9951')
    expect(formatRatio(0.0003)).toBe('0.0003')
    expect(formatRatio(2.5)).toBe('2.50')
    expect(exceedanceRatios(104.86, 35)).toEqual({ ofLimit: '2.996', over: '1.996' })
  })

  it('a zero limit has no ratio', () => {
    expect(exceedanceRatios(5, 0)).toBeNull()
  })
})

describe('a series in words', () => {
  it('names outlet, factor, basis and period', () => {
    expect(
      seriesInWords({ outlet: '1号排放口', pollutant: 'SO2', basis: 'converted', periodSec: 3600 }, 'zh-CN'),
    ).toBe('1号排放口 SO2 折算浓度小时均值')
    expect(seriesInWords({ pollutant: 'NOx', basis: 'dry', periodSec: 86400 }, 'en')).toBe(
      'NOx standard-dry concentration (daily mean)',
    )
  })
})
