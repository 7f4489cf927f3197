import { describe, expect, it } from 'vitest'
import { parseLocalTime } from '../../src/core/evidence/kinds/monitoring/time-cell'

const ZONE = 'Asia/Shanghai'

describe('monitoring time cells', () => {
  it('the common layout read without the pattern gives what the pattern gives (a leading space takes the pattern)', () => {
    for (const cell of [
      '2021-05-24 02:00',
      '2021-05-24 02:00:30',
      '2021-05-24T23:59:59',
      '2021-05-24 24:00',
      '2021-03-14 02:30',
      '2021-02-29 01:00',
      '2021-05-24 25:00',
    ]) {
      const viaPattern = parseLocalTime(` ${cell}`, ZONE)
      expect(parseLocalTime(cell, ZONE), cell).toEqual(viaPattern)
    }
    expect(parseLocalTime('2021-05-24 02:00', ZONE)).toEqual({
      ms: Date.parse('2021-05-24T02:00:00+08:00'),
      offsetMinutes: 480,
      zoneAssumed: true,
    })
    expect(parseLocalTime('2021-05-24 24:00', ZONE)?.ms).toBe(Date.parse('2021-05-25T00:00:00+08:00'))
    expect(parseLocalTime('2021-02-29 01:00', ZONE)).toBeNull()
    expect(parseLocalTime('2021-05-24T02:00:00Z', ZONE)).toEqual({
      ms: Date.parse('2021-05-24T02:00:00Z'),
      offsetMinutes: 0,
      zoneAssumed: false,
    })
  })
})
