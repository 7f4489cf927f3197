import { describe, expect, it } from 'vitest'
import {
  fitView,
  MAX_SPAN_MS,
  MIN_SPAN_MS,
  offsetMinutesAt,
  spanParts,
  ticksFor,
  zoomView,
} from '../../../src/renderer/src/components/timeline/time-scale'

const H = 3_600_000
const D = 24 * H
const SH = 'Asia/Shanghai'
const NY = 'America/New_York'

/** An instant given as local wall time with its offset, as an officer reads it. */
const at = (local: string) => Date.parse(local)

/** The local wall time of an instant in a zone, "2021-05-24 04:00", for reading assertions. */
function wall(ms: number, zone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

describe('time scale: year and multi-year zoom', () => {
  it('puts a year tick at local midnight of 1 January, labelled with that year', () => {
    const view = { start: at('2015-07-01T00:00:00+08:00'), end: at('2025-07-01T00:00:00+08:00') }
    const ticks = ticksFor(view, 1000, SH)
    expect(ticks.map((t) => t.label)).toEqual([
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ])
    for (const t of ticks) expect(wall(t.ms, SH)).toBe(`${t.label}-01-01 00:00`)
    expect(ticks[0].major).toBe('2016 +08:00')
  })

  it('steps two or five years on years that divide by the step, each at 1 January', () => {
    const twenty = { start: at('2005-06-01T00:00:00+08:00'), end: at('2025-06-01T00:00:00+08:00') }
    const two = ticksFor(twenty, 1000, SH)
    expect(two.map((t) => t.label)).toEqual([
      '2006',
      '2008',
      '2010',
      '2012',
      '2014',
      '2016',
      '2018',
      '2020',
      '2022',
      '2024',
    ])
    for (const t of two) expect(wall(t.ms, SH)).toBe(`${t.label}-01-01 00:00`)

    const five = ticksFor(twenty, 500, SH)
    expect(five.map((t) => t.label)).toEqual(['2010', '2015', '2020', '2025'])
    for (const t of five) expect(wall(t.ms, SH)).toBe(`${t.label}-01-01 00:00`)
  })

  it('places the year in the case zone, not in UTC', () => {
    const view = { start: Date.UTC(2018, 5, 1), end: Date.UTC(2023, 5, 1) }
    const ticks = ticksFor(view, 600, NY)
    expect(ticks.length).toBeGreaterThan(2)
    for (const t of ticks.filter((x) => /^\d{4}$/.test(x.label))) {
      expect(wall(t.ms, NY)).toBe(`${t.label}-01-01 00:00`)
      expect(t.ms).toBe(Date.UTC(Number(t.label), 0, 1, 5)) // New York is UTC−5 in January
    }
  })

  it('starts quarters in January, April, July and October, and half years in January and July', () => {
    const view = { start: at('2020-02-10T00:00:00+08:00'), end: at('2021-02-10T00:00:00+08:00') }
    const quarters = ticksFor(view, 600, SH)
    expect(quarters.map((t) => t.label)).toEqual(['2020-04', '2020-07', '2020-10', '2021-01'])
    for (const t of quarters) expect(wall(t.ms, SH)).toBe(`${t.label}-01 00:00`)
    expect(quarters.find((t) => t.label === '2021-01')?.major).toBe('2021 +08:00')

    const halves = ticksFor({ start: view.start, end: at('2022-02-10T00:00:00+08:00') }, 600, SH)
    expect(halves.map((t) => t.label)).toEqual(['2020-07', '2021-01', '2021-07', '2022-01'])
  })

  it('steps single months from the first whole month in view', () => {
    const view = { start: at('2021-01-15T00:00:00+08:00'), end: at('2021-06-20T00:00:00+08:00') }
    const ticks = ticksFor(view, 600, SH)
    expect(ticks.map((t) => t.label)).toEqual(['2021-02', '2021-03', '2021-04', '2021-05', '2021-06'])
  })
})

describe('time scale: days, hours and seconds', () => {
  it('labels two-hour steps at local wall-clock hours, with the date and offset at the start', () => {
    const view = { start: at('2021-05-24T00:00:00+08:00'), end: at('2021-05-25T00:00:00+08:00') }
    const ticks = ticksFor(view, 1440, SH)
    expect(ticks.map((t) => t.label).slice(0, 4)).toEqual(['00:00', '02:00', '04:00', '06:00'])
    expect(ticks[0].major).toBe('2021-05-24 +08:00')
    expect(ticks[ticks.length - 1]).toMatchObject({ label: '00:00', major: '2021-05-25 +08:00' })
    for (const t of ticks) expect(wall(t.ms, SH).slice(11)).toBe(t.label)
  })

  it('labels seconds with the seconds', () => {
    const view = { start: at('2021-05-24T04:03:10+08:00'), end: at('2021-05-24T04:03:40+08:00') }
    const ticks = ticksFor(view, 1000, SH)
    expect(ticks[0].label).toBe('04:03:10')
    expect(ticks.every((t) => /^\d{2}:\d{2}:\d{2}$/.test(t.label))).toBe(true)
  })

  it('keeps day ticks on local midnights across a daylight-saving change', () => {
    const view = { start: at('2021-03-10T12:00:00-05:00'), end: at('2021-03-20T12:00:00-04:00') }
    const ticks = ticksFor(view, 1000, NY)
    expect(ticks.length).toBeGreaterThan(3)
    for (const t of ticks) expect(wall(t.ms, NY).slice(11)).toBe('00:00')
    // 14 March 2021 had 23 hours in New York: clocks went forward at 02:00
    const dstDay = ticks.find((t) => wall(t.ms, NY).startsWith('2021-03-14'))
    const nextDay = ticks.find((t) => wall(t.ms, NY).startsWith('2021-03-15'))
    expect(nextDay!.ms - dstDay!.ms).toBe(23 * H)
  })

  it('gives no ticks for an empty view or no width', () => {
    expect(ticksFor({ start: 5, end: 5 }, 800, SH)).toEqual([])
    expect(ticksFor({ start: 0, end: D }, 0, SH)).toEqual([])
  })
})

describe('time scale: zone offsets, spans and zoom', () => {
  it('reads a zone offset at an instant, daylight saving included', () => {
    expect(offsetMinutesAt(SH, Date.UTC(2021, 4, 24))).toBe(480)
    expect(offsetMinutesAt(NY, Date.UTC(2021, 0, 15))).toBe(-300)
    expect(offsetMinutesAt(NY, Date.UTC(2021, 6, 15))).toBe(-240)
    expect(offsetMinutesAt('Asia/Kolkata', Date.UTC(2021, 0, 1))).toBe(330)
    expect(offsetMinutesAt('UTC', Date.UTC(2021, 0, 1))).toBe(0)
  })

  it('names a span by its largest whole unit', () => {
    expect(spanParts(3 * D)).toEqual({ unit: 'day', count: 3 })
    expect(spanParts(2 * H)).toEqual({ unit: 'hour', count: 2 })
    expect(spanParts(90 * 60_000)).toEqual({ unit: 'minute', count: 90 })
    expect(spanParts(200)).toEqual({ unit: 'second', count: 1 })
  })

  it('zooms around the pointed instant, which stays where it was on screen', () => {
    const view = { start: 0, end: 10 * H }
    const zoomed = zoomView(view, 0.5, 8 * H)
    expect(zoomed.end - zoomed.start).toBe(5 * H)
    expect((8 * H - zoomed.start) / (zoomed.end - zoomed.start)).toBeCloseTo(0.8)
  })

  it('never zooms past the narrowest or the widest span', () => {
    expect(zoomView({ start: 0, end: 20_000 }, 0.01, 10_000)).toMatchObject({ start: 5_000, end: 15_000 })
    const wide = zoomView({ start: 0, end: MAX_SPAN_MS }, 10, 0)
    expect(wide.end - wide.start).toBe(MAX_SPAN_MS)
    expect(MIN_SPAN_MS).toBe(10_000)
  })

  it('fits a range with a margin, and a single instant in at least a minute', () => {
    const fitted = fitView(0, 10 * H)
    expect(fitted.start).toBeLessThan(0)
    expect(fitted.end).toBeGreaterThan(10 * H)
    const point = fitView(1000, 1000)
    expect(point.end - point.start).toBe(60_000)
    expect((point.start + point.end) / 2).toBe(1000)
  })
})
