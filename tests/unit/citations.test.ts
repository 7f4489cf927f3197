import { describe, expect, it } from 'vitest'
import { citationInWords, citationSchema, readCitation } from '../../src/shared/citations'
import { newAnnotationSchema } from '../../src/shared/api'

const ZONE = 'Asia/Shanghai'
const zh = { lang: 'zh-CN' as const, timezone: ZONE }
const en = { lang: 'en' as const, timezone: ZONE }

describe('the citation contract (shared schemas)', () => {
  const good = [
    { type: 'time-range', anchor: { start: 12, end: 20 } },
    { type: 'region', anchor: { x: 10, y: 20, w: 30, h: 40 } },
    { type: 'quote', anchor: { start: 3, end: 7, text: '旁路软管' } },
    {
      type: 'quote',
      anchor: { start: 3, end: 7, text: '旁路软管', saidAt: { itemId: 'rec-1', start: 61.5 } },
    },
    {
      type: 'data-range',
      anchor: { pollutant: 'SO2', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00' },
    },
    { type: 'measurement', anchor: { shape: { type: 'spot', x: 5, y: 6, r: 2 } } },
    { type: 'measurement', anchor: { shape: { type: 'line', x1: 0, y1: 0, x2: 9, y2: 9 } } },
  ]
  for (const c of good)
    it(`accepts a well-formed ${c.type} anchor`, () => {
      expect(citationSchema.safeParse(c).success).toBe(true)
    })

  const bad: Array<[string, unknown]> = [
    ['a time range ending before it starts', { type: 'time-range', anchor: { start: 20, end: 12 } }],
    ['a time range of zero length', { type: 'time-range', anchor: { start: 12, end: 12 } }],
    ['a negative time', { type: 'time-range', anchor: { start: -1, end: 2 } }],
    ['a time given as text', { type: 'time-range', anchor: { start: '1', end: 2 } }],
    [
      'an unknown field (it would reach the custody log unchecked)',
      { type: 'time-range', anchor: { start: 1, end: 2, evil: '<script>' } },
    ],
    ['an empty region', { type: 'region', anchor: { x: 1, y: 1, w: 0, h: 5 } }],
    ['a region missing its height', { type: 'region', anchor: { x: 1, y: 1, w: 5 } }],
    ['a quote without words', { type: 'quote', anchor: { start: 0, end: 1, text: '' } }],
    ['a quote with fractional offsets', { type: 'quote', anchor: { start: 0.5, end: 2, text: 'ab' } }],
    [
      'a data range with a local time without offset',
      {
        type: 'data-range',
        anchor: { pollutant: 'SO2', start: '2021-05-24 02:00', end: '2021-05-24T04:00:00+08:00' },
      },
    ],
    [
      'a data range ending before it starts',
      {
        type: 'data-range',
        anchor: { pollutant: 'SO2', start: '2021-05-24T04:00:00+08:00', end: '2021-05-24T02:00:00+08:00' },
      },
    ],
    [
      'a measurement of an unknown shape',
      { type: 'measurement', anchor: { shape: { type: 'circle', x: 1, y: 1 } } },
    ],
    ['an anchor of another type', { type: 'region', anchor: { start: 1, end: 2 } }],
    ['an unknown type', { type: 'polygon', anchor: { points: [] } }],
    ['no anchor at all', { type: 'region', anchor: null }],
  ]
  for (const [what, c] of bad)
    it(`refuses ${what}`, () => {
      expect(citationSchema.safeParse(c).success).toBe(false)
    })

  it('is the API contract of annotation:add: the anchor is checked before any handler runs', () => {
    expect(
      newAnnotationSchema.safeParse({ itemId: 'i', type: 'time-range', anchor: { start: 1, end: 2 } })
        .success,
    ).toBe(true)
    expect(
      newAnnotationSchema.safeParse({ itemId: 'i', type: 'time-range', anchor: { start: 2, end: 1 } })
        .success,
    ).toBe(false)
    expect(newAnnotationSchema.safeParse({ itemId: 'i', type: 'region', anchor: {} }).success).toBe(false)
  })

  it('reads back a stored anchor that does not fit as a problem, never as a typed citation', () => {
    expect(readCitation('time-range', { start: 1, end: 2 })).toEqual({
      citation: { type: 'time-range', anchor: { start: 1, end: 2 } },
      problem: null,
    })
    const old = readCitation('time-range', { start: 5 })
    expect(old.citation).toBeNull()
    expect(old.problem).toMatch(/end/)
  })
})

describe('citations in words: one wording for the screen, the documents and the reports', () => {
  it('a time range as media time to the millisecond, with the kind’s own noun', () => {
    expect(citationInWords('time-range', { start: 12, end: 20 }, { ...zh, kind: 'video' })).toEqual({
      noun: '片段',
      where: '00:00:12.000–00:00:20.000',
      full: '片段 00:00:12.000–00:00:20.000',
    })
    expect(citationInWords('time-range', { start: 3725.5, end: 3730 }, en).full).toBe(
      'Time range 01:02:05.500–01:02:10.000',
    )
  })

  it('a region in displayed pixels, rounded', () => {
    expect(citationInWords('region', { x: 10.4, y: 20, w: 30, h: 40.6 }, zh).where).toBe(
      '左上角 (10, 20)，宽 30 × 高 41 像素',
    )
    expect(citationInWords('region', { x: 10, y: 20, w: 30, h: 40 }, en).where).toBe(
      'top left (10, 20), 30 × 40 px',
    )
  })

  it('a quote as its words, and where it was said in the paired recording', () => {
    expect(citationInWords('quote', { start: 0, end: 2, text: '停运' }, zh).full).toBe('摘录 “停运”')
    const said = { start: 0, end: 2, text: '停运', saidAt: { itemId: 'rec', start: 61.5, end: 64 } }
    const numberOf = (id: string) => (id === 'rec' ? 'E005' : null)
    expect(citationInWords('quote', said, { ...zh, numberOf }).where).toBe(
      '“停运”（见 E005 00:01:01.500–00:01:04.000）',
    )
    expect(citationInWords('quote', said, { ...en, numberOf }).where).toBe(
      '“停运” (E005 at 00:01:01.500–00:01:04.000)',
    )
  })

  it('a data range names its series and basis, as instants in the case’s zone, with the offset', () => {
    const anchor = { pollutant: 'SO2', start: '2021-05-23T18:00:00Z', end: '2021-05-23T20:00:00Z' }
    expect(citationInWords('data-range', anchor, zh).full).toBe(
      '数据区间 SO2 2021年5月24日2时–4时（UTC+08:00）',
    )
    const converted = { ...anchor, outlet: '1号排放口', basis: 'converted' }
    expect(citationInWords('data-range', converted, zh).where).toBe(
      '1号排放口 SO2 折算浓度 2021年5月24日2时–4时（UTC+08:00）',
    )
    expect(citationInWords('data-range', converted, en).where).toMatch(
      /^1号排放口 SO2 converted .* 2021-05-24 02:00–04:00 \+08:00$/,
    )
    // a comparison's difference in the reader's words, also where an old citation stored the Chinese ones
    for (const outlet of ['A−B E003−E002', '差值 A−B E003−E002']) {
      const diff = { ...anchor, outlet }
      expect(citationInWords('data-range', diff, en).where).toBe(
        'Difference A−B E003−E002 SO2 2021-05-24 02:00–04:00 +08:00',
      )
      expect(citationInWords('data-range', diff, zh).where).toBe(
        '差值 A−B E003−E002 SO2 2021年5月24日2时–4时（UTC+08:00）',
      )
    }
    // across midnight, with seconds: both days, nothing rounded away
    const night = { pollutant: 'SO2', start: '2021-05-24T15:30:15Z', end: '2021-05-24T17:00:00Z' }
    expect(citationInWords('data-range', night, zh).where).toBe(
      'SO2 2021年5月24日23时30分15秒–2021年5月25日1时（UTC+08:00）',
    )
    expect(citationInWords('data-range', night, en).where).toBe(
      'SO2 2021-05-24 23:30:15–2021-05-25 01:00 +08:00',
    )
  })

  it('a measurement by its shape, in raw thermal pixels', () => {
    expect(citationInWords('measurement', { shape: { type: 'box', x: 1, y: 2, w: 3, h: 4 } }, zh).full).toBe(
      '测温 矩形 左上角 (1, 2)，宽 3 × 高 4 像素',
    )
    expect(citationInWords('measurement', { shape: { type: 'spot', x: 5, y: 6, r: 2 } }, en).where).toBe(
      'spot (5, 6), radius 2 px',
    )
  })

  it('the whole item, and an anchor this version cannot read shown raw, never hidden', () => {
    expect(citationInWords(null, null, zh)).toEqual({ noun: '整件证据', where: null, full: '整件证据' })
    expect(citationInWords('time-range', { begin: 4 }, zh).where).toBe('（位置无法识别） {"begin":4}')
  })
})
