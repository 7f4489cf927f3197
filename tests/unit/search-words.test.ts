import { describe, expect, it } from 'vitest'
import { metaSnippetWords, metaWords } from '../../src/core/evidence/search-words'

describe('what search shows of an item’s metadata', () => {
  it('indexes the values as words, never as JSON, and leaves the dialogue to the body text', () => {
    const words = metaWords({
      enterprise: '某某化工有限公司',
      outlets: ['1号排放口'],
      series: [{ pollutant: 'SO2', unit: 'mg/m3', points: 8 }],
      dialogue: [{ q: '问', a: '答' }],
      drone: true,
    })
    expect(words).toBe('某某化工有限公司 1号排放口 SO2 mg/m3 8 true')
    expect(words).not.toMatch(/[{}"]/)
  })

  it('turns a snippet of a row written as JSON by an earlier version into words', () => {
    expect(metaSnippetWords('…{"enterprise":"某某化工有限公司","outlet":"1号排放口"}')).toBe(
      '… 某某化工有限公司 1号排放口',
    )
    expect(metaSnippetWords('某某化工有限公司 1号排放口')).toBe('某某化工有限公司 1号排放口')
  })
})
