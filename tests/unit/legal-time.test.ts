import { describe, expect, it } from 'vitest'
import { dayInZone, inForceOn, lawChanges } from '../../src/shared/legal-time'
import { builtinCatalogue } from '../../src/core/violations'

const entries = builtinCatalogue().entries
const byId = new Map(entries.map((e) => [e.id, e]))
const lookup = (id: string) => byId.get(id)
const inForce = (day: string) => entries.filter((e) => inForceOn(e, day)).map((e) => e.id)

describe('the law in force on a day', () => {
  it('is the 大气污染防治法 for an act on 2021-05-24 and the 法典 for one on 2026-09-01', () => {
    const old = inForce('2021-05-24')
    // before 法释〔2023〕7号 took effect (2023-08-15) the 2016 interpretation applied
    expect(old).toEqual(
      expect.arrayContaining(['air-20-2', 'air-99-3', 'env-42-4', 'crim-338', 'judicial-2016-1-7']),
    )
    expect(old).not.toContain('judicial-2023-1-7')
    expect(old.filter((id) => id.startsWith('code-'))).toEqual([])
    const now = inForce('2026-09-01')
    expect(now).toEqual(
      expect.arrayContaining(['code-164', 'code-1108', 'crim-338', 'judicial-2023-1-7', 'punish-37']),
    )
    expect(now).not.toContain('air-20-2')
    expect(now).not.toContain('air-99-3')
  })

  it('changes on the day the 法典 takes effect, both ends inclusive', () => {
    expect(inForceOn(byId.get('air-99-3')!, '2026-08-14')).toBe(true)
    expect(inForceOn(byId.get('air-99-3')!, '2026-08-15')).toBe(false)
    expect(inForceOn(byId.get('code-1108')!, '2026-08-14')).toBe(false)
    expect(inForceOn(byId.get('code-1108')!, '2026-08-15')).toBe(true)
    // 法释〔2023〕7号 takes effect 2023-08-15; the 2016 interpretation it replaced is not in the catalogue
    expect(inForceOn(byId.get('judicial-2023-1-7')!, '2023-08-14')).toBe(false)
  })

  it('takes the day in the case zone, not in UTC', () => {
    expect(dayInZone('2026-08-14T16:30:00Z', 'Asia/Shanghai')).toBe('2026-08-15')
    expect(dayInZone('2026-08-14T16:30:00Z', 'UTC')).toBe('2026-08-14')
  })

  it('finds where the act and the decision straddle the change, with the counterparts in force at the decision', () => {
    const cited = ['air-20-2', 'air-99-3', 'crim-338'].map((id) => byId.get(id)!)
    const changes = lawChanges(cited, lookup, '2021-05-24', '2026-12-03')
    expect(changes.map((c) => [c.old.id, c.replacements.map((r) => r.id)])).toEqual([
      ['air-20-2', ['code-164']],
      ['air-99-3', ['code-1108']],
    ])
    // before the change nothing is to decide, nor when both days are after it
    expect(lawChanges(cited, lookup, '2021-05-24', '2026-08-14')).toEqual([])
    expect(lawChanges([byId.get('code-1108')!], lookup, '2026-09-01', '2026-12-03')).toEqual([])
  })
})
