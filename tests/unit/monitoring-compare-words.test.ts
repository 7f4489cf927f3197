import { describe, expect, it } from 'vitest'
import { type ComparisonForWords, windowInWords } from '../../src/shared/kinds/monitoring-compare-words'

const source = (number: string, originalName: string): ComparisonForWords['a'] => ({
  itemId: number,
  number,
  sha256: '0'.repeat(64),
  originalName,
  series: { pollutant: 'SO2', column: 'SO2折算' },
  basis: 'converted',
  unit: 'mg/m³',
})

const comparison = (periods: number): ComparisonForWords => ({
  a: source('E001', 'DCS.csv'),
  b: source('E002', 'platform.csv'),
  periodSec: 3600,
  unit: 'mg/m³',
  parameters: { threshold: { kind: 'absolute', value: 5 } },
  windows: [],
  counts: {
    periods: 3,
    compared: 3,
    over: periods,
    missingA: 0,
    missingB: 0,
    blankA: 0,
    blankB: 0,
    flaggedA: {},
    flaggedB: {},
  },
})

const window = (periods: number): ComparisonForWords['windows'][number] => ({
  start: '2021-05-24T02:00:00+08:00',
  end: `2021-05-24T0${2 + periods}:00:00+08:00`,
  periods,
  at: '2021-05-24T02:00:00+08:00',
  a: 72.9,
  b: 28.1,
  difference: 44.8,
})

describe('a comparison window in words', () => {
  for (const periods of [1, 2]) {
    it(`names the series with a space in English and none in Chinese (${periods} period(s))`, () => {
      const en = windowInWords(comparison(periods), window(periods), 'en')
      expect(en).toContain('SO2 converted (reference O₂) concentration (hourly mean)')
      expect(en).not.toMatch(/concentration\S*hourly/)
      const zh = windowInWords(comparison(periods), window(periods), 'zh-CN')
      expect(zh).toContain('SO2 折算浓度小时均值')
    })
  }
})
