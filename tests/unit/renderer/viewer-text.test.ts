import { describe, expect, it } from 'vitest'
import {
  compassPoint,
  decimalCoords,
  dms,
  dmsCoords,
  droneSentence,
  pitchWords,
  readDrone,
  signed,
} from '../../../src/renderer/src/kinds/image/meta-text'
import {
  displayUnit,
  exceedanceFacts,
  formatWindow,
  withUnit,
} from '../../../src/shared/kinds/monitoring-facts'
import { shapeText } from '../../../src/renderer/src/kinds/thermal/measurement-text'
import type { MonitoringSeriesSummary } from '../../../src/shared/types'
import { translator } from './support/i18n'

const zh = translator('zh-CN')
const en = translator('en')

describe('image facts in words', () => {
  it('writes coordinates in decimal degrees and in DMS without 60″ from rounding', () => {
    expect(decimalCoords(31.2304166, 121.4737)).toBe('31.230417, 121.473700')
    expect(dmsCoords(31.2304, 121.4737)).toBe('31°13′49.44″N 121°28′25.32″E')
    expect(dms(-33.8688, 'N', 'S')).toBe('33°52′07.68″S')
    expect(dms(10.9999999, 'N', 'S')).toBe('11°00′00.00″N')
  })

  it('signs numbers with a real minus and never writes −0', () => {
    expect(signed(-90)).toBe('\u221290')
    expect(signed(12.25, 1)).toBe('12.3')
    expect(signed(-0.01)).toBe('0')
  })

  it('names the nearest of eight compass points, for any heading', () => {
    expect([0, 44, 46, 90, 180, 270, 359, -90, 720].map(compassPoint)).toEqual([
      'n',
      'ne',
      'ne',
      'e',
      's',
      'w',
      'n',
      'w',
      'n',
    ])
  })

  it('describes a DJI attitude as an officer would write it, in either language', () => {
    expect(pitchWords(-90, zh)).not.toBe(pitchWords(0, zh))
    const drone = readDrone({ relativeAltitude: 30.1, gimbalPitch: -90, gimbalYaw: 92, flightYaw: 'bad' })
    expect(drone).toEqual({ relativeAltitude: 30.1, gimbalPitch: -90, gimbalYaw: 92 })
    const zhText = droneSentence(drone!, zh)
    expect(zhText).toContain('30.1')
    expect(zhText).toContain('东')
    expect(droneSentence(drone!, en)).toMatch(/\bE\b|east/i)
    expect(readDrone(null)).toBeNull()
    expect(readDrone({ make: 'DJI' })).toBeNull()
  })
})

describe('monitoring facts in words', () => {
  const so2: MonitoringSeriesSummary = {
    pollutant: 'SO2',
    column: 'SO2折算浓度',
    unit: 'mg/m3',
    basis: 'converted',
    points: 24,
    min: 5,
    max: 72.852,
    mean: 20,
    limit: 35,
    limitSource: 'file',
    exceedances: [
      { start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00', max: 72.852, points: 3 },
    ],
  }

  it('states each exceedance with its window, duration, maximum and exceedance multiple', () => {
    const [fact] = exceedanceFacts(so2, 'zh-CN')
    expect(fact.window).toEqual({ start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00' })
    expect(fact.text).toContain('2021-05-24 02:00–04:00')
    expect(fact.text).toContain('72.852 mg/m³')
    expect(fact.text).toContain('2.08') // max / limit
    expect(fact.text).toContain('1.08') // (max − limit) / limit, the glossary's 超标倍数
    expect(exceedanceFacts(so2, 'en')[0].text).not.toMatch(/\p{Script=Han}/u)
  })

  it('says so when there is no limit or no exceedance, and never divides by a zero limit', () => {
    expect(exceedanceFacts({ ...so2, limit: null }, 'zh-CN')[0].key).toBe('no-limit')
    expect(exceedanceFacts({ ...so2, exceedances: [] }, 'zh-CN')[0].key).toBe('none')
    const zero = exceedanceFacts({ ...so2, limit: 0 }, 'zh-CN')[0].text
    expect(zero).not.toMatch(/Infinity|NaN/)
  })

  it('writes units and windows as reports print them', () => {
    expect(displayUnit('mg/m3')).toBe('mg/m³')
    expect(withUnit(35.0, null)).toBe('35')
    expect(formatWindow('2021-05-24T23:00:00+08:00', '2021-05-25T01:00:00+08:00')).toBe(
      '2021-05-24 23:00–2021-05-25 01:00',
    )
  })
})

// anchors in words are shared with the documents and the report: tests/unit/citations.test.ts
describe('thermal measurements in words', () => {
  it('names a thermal measurement by its shape and place', () => {
    expect(shapeText({ type: 'box', x: 4, y: 5, w: 7, h: 16 }, zh)).toBe('框 (4, 5) 7×16')
    expect(shapeText({ type: 'line', x1: 1, y1: 2, x2: 3, y2: 4 }, en)).not.toMatch(/\p{Script=Han}/u)
  })
})
