import { describe, expect, it } from 'vitest'
import { interviewSpan } from '../../src/core/evidence/kinds/transcript/interview-time'

const ZONE = 'Asia/Shanghai'
const at = (iso: string) => Date.parse(iso)

describe('the interview time written in a record header', () => {
  it.each([
    ['2021年5月24日9时30分至10时15分', '2021-05-24T09:30:00+08:00', '2021-05-24T10:15:00+08:00'],
    ['2021年5月24日9时30分至2021年5月24日10时45分', '2021-05-24T09:30:00+08:00', '2021-05-24T10:45:00+08:00'],
    ['自2021年05月24日09时30分起至10时45分止', '2021-05-24T09:30:00+08:00', '2021-05-24T10:45:00+08:00'],
    ['2021-05-24 09:30-10:45', '2021-05-24T09:30:00+08:00', '2021-05-24T10:45:00+08:00'],
    ['2021.5.24 9:30:15 ～ 10:00:05', '2021-05-24T09:30:15+08:00', '2021-05-24T10:00:05+08:00'],
    ['２０２１年５月２４日下午３点至４点', '2021-05-24T15:00:00+08:00', '2021-05-24T16:00:00+08:00'],
    // past midnight: an end without a date before the start is on the next day
    ['2021年5月24日23时40分至0时20分', '2021-05-24T23:40:00+08:00', '2021-05-25T00:20:00+08:00'],
  ])('%s', (value, start, end) => {
    const span = interviewSpan({ 询问时间: value }, ZONE)
    expect(span).toEqual({ start: at(start), end: at(end), offsetMinutes: 480, key: '询问时间' })
  })

  it('a start alone is a point; an impossible end or one past a day is not trusted', () => {
    expect(interviewSpan({ 时间: '2021年5月24日9时30分' }, ZONE)?.end).toBeNull()
    expect(interviewSpan({ 时间: '2021年5月24日9时30分至2021年5月27日10时' }, ZONE)?.end).toBeNull()
    expect(interviewSpan({ 时间: '2021年5月24日9时30分至25时' }, ZONE)?.end).toBeNull()
  })

  it('no time of day, no date, or no real date gives nothing (a date alone is not placed at midnight)', () => {
    expect(interviewSpan({ 时间: '2021年5月24日' }, ZONE)).toBeNull()
    expect(interviewSpan({ 时间: '9时30分至10时' }, ZONE)).toBeNull()
    expect(interviewSpan({ 时间: '2021年2月30日9时' }, ZONE)).toBeNull()
    expect(interviewSpan({ 地点: '2021年5月24日9时' }, ZONE)).toBeNull()
  })

  it('询问时间 wins over a bare 时间, and the zone decides the instant', () => {
    const span = interviewSpan({ 时间: '2020年1月1日8时', 询问时间: '2021年5月24日9时' }, 'Europe/Berlin')
    expect(span).toMatchObject({
      start: at('2021-05-24T09:00:00+02:00'),
      offsetMinutes: 120,
      key: '询问时间',
    })
  })
})
