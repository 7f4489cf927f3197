import { describe, expect, it } from 'vitest'
import {
  exceedanceRatios,
  formatRatio,
  outletInWords,
  seriesInWords,
} from '../../src/shared/kinds/monitoring-words'
import { COMPARISON_SERIES, differenceOf, sameOutlet } from '../../src/shared/kinds/monitoring-compare'

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

describe("a comparison's difference series", () => {
  const f = { a: { number: 'E001' }, b: { number: 'E002' } } as Parameters<
    typeof COMPARISON_SERIES.difference
  >[0]
  const key = COMPARISON_SERIES.difference(f)
  // comparisons imported before the key was language-free stored this one
  const old = '差值 A−B E001−E002'

  it('is keyed without words of any language', () => {
    expect(key).toBe('A−B E001−E002')
    expect(differenceOf(key)).toEqual({ a: 'E001', b: 'E002' })
    expect(differenceOf(old)).toEqual({ a: 'E001', b: 'E002' })
    expect(differenceOf('1号排放口')).toBeNull()
    expect(differenceOf(undefined)).toBeNull()
  })

  it("is named in the reader's language, whichever key an item or a citation holds", () => {
    for (const outlet of [key, old]) {
      expect(outletInWords(outlet, 'zh-CN')).toBe('差值 A−B E001−E002')
      expect(outletInWords(outlet, 'en')).toBe('Difference A−B E001−E002')
      expect(seriesInWords({ outlet, pollutant: 'SO2', basis: 'converted', periodSec: 3600 }, 'en')).toBe(
        'Difference A−B E001−E002 SO2 converted (reference O₂) concentration (hourly mean)',
      )
    }
    expect(outletInWords('1号排放口', 'en')).toBe('1号排放口')
  })

  it('the old key and the new one are the same series; other outlets stay apart', () => {
    expect(sameOutlet(old, key)).toBe(true)
    expect(sameOutlet(undefined, undefined)).toBe(true)
    expect(sameOutlet(key, 'A−B E001−E003')).toBe(false)
    expect(sameOutlet('1号排放口', '2号排放口')).toBe(false)
    expect(sameOutlet('1号排放口', undefined)).toBe(false)
  })
})
