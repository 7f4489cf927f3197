import { describe, expect, it } from 'vitest'
import { dataRangeFits } from '../../src/core/evidence/kinds/monitoring/citation'
import type { EvidenceItemOf } from '../../src/shared/types'

/** A comparison item as an older version imported it: its difference series keyed with Chinese words. */
function comparisonItem(differenceOutlet: string): EvidenceItemOf<'monitoring'> {
  const series = (outlet: string) => ({ pollutant: 'SO2', outlet, column: 'x', basis: 'converted' })
  return {
    number: 'E003',
    originalName: 'E001_E002_SO2_数据比对.json',
    meta: {
      series: [series('A E001'), series('B E002'), series(differenceOutlet)],
      start: '2021-05-24T00:00:00+08:00',
      end: '2021-05-25T00:00:00+08:00',
    },
  } as unknown as EvidenceItemOf<'monitoring'>
}

const range = { pollutant: 'SO2', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T05:00:00+08:00' }

describe("a data range of a comparison's difference", () => {
  it('fits an item of either key, named by either key', () => {
    for (const stored of ['差值 A−B E001−E002', 'A−B E001−E002'])
      for (const outlet of ['A−B E001−E002', '差值 A−B E001−E002'])
        expect(dataRangeFits(comparisonItem(stored), { ...range, outlet, basis: 'converted' })).toBeNull()
  })

  it('is refused for another pair of items', () => {
    expect(
      dataRangeFits(comparisonItem('差值 A−B E001−E002'), { ...range, outlet: 'A−B E001−E004' }),
    ).toMatch(/has no A−B E001−E004 SO2 series/)
  })
})
