import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinCatalogue, parseCatalogue } from '../../src/core/violations'
import { EvidenceError } from '../../src/core/errors'

const DIR = join(__dirname, '..', '..', 'resources', 'legal-basis')
const raw = () =>
  JSON.parse(readFileSync(join(DIR, 'catalogue.json'), 'utf8')) as {
    version: string
    entries: Array<Record<string, unknown> & { id: string; pairsWith: string[] }>
  }

function refusal(value: unknown): string {
  try {
    parseCatalogue(value)
  } catch (err) {
    expect(err).toBeInstanceOf(EvidenceError)
    expect((err as EvidenceError).code).toBe('invalid-input')
    return (err as EvidenceError).message
  }
  throw new Error('the catalogue was accepted')
}

describe('the built-in legal-basis catalogue', () => {
  const { version, entries } = builtinCatalogue()
  const byId = new Map(entries.map((e) => [e.id, e]))

  it('has a version, unique ids, and every entry complete in both languages, with its source and check status', () => {
    expect(version).toMatch(/^\d{4}\.\d+$/)
    expect(byId.size).toBe(entries.length)
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      for (const field of ['law', 'lawEn', 'article', 'act', 'actEn'] as const)
        expect(e[field].trim(), `${e.id}.${field}`).not.toBe('')
      expect(e.law, e.id).toMatch(/^《.+》/)
      expect(e.article, e.id).toMatch(/^第.+条/)
      // the English summary is English, the statute text Chinese
      expect(e.actEn, e.id).not.toMatch(/[\u4e00-\u9fff]/)
      expect(['verbatim', 'summary', 'unverified']).toContain(e.textStatus)
      // an entry quotes a text only when one was compared; an unverified one quotes none
      if (e.textStatus === 'unverified') expect(e.text, e.id).toBe('')
      else expect(e.text, e.id).toMatch(/[\u4e00-\u9fff]/)
      expect(e.source?.title, e.id).toBeTruthy()
      expect(e.source?.ref, e.id).toBeTruthy()
      expect(e.source?.checkedOn, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(e.effectiveFrom, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['criminal', 'detention', 'none']).toContain(e.transferKind)
      if (e.transferKind === 'criminal') expect(e.crime, e.id).toMatch(/罪$/)
      expect(e).toMatchObject({ origin: 'builtin', catalogueVersion: version })
    }
  })

  it('marks every text it could compare as verbatim, and the 法典 articles, whose text was not found, as unverified', () => {
    for (const e of entries) {
      if (e.law.includes('生态环境法典')) expect(e.textStatus, e.id).toBe('unverified')
      else expect(e.textStatus, e.id).toBe('verbatim')
    }
  })

  it('pairs provisions both ways and links each repealed provision to its 法典 counterpart and back', () => {
    for (const e of entries) {
      if (e.role === 'prohibition') expect(e.pairsWith.length, e.id).toBeGreaterThan(0)
      for (const p of e.pairsWith) {
        expect(byId.has(p), `${e.id} → ${p}`).toBe(true)
        expect(byId.get(p)!.pairsWith, `${p} → ${e.id}`).toContain(e.id)
      }
      for (const r of e.replacedBy ?? [])
        expect(byId.get(r)!.replaces, `${r} replaces ${e.id}`).toContain(e.id)
    }
    expect(byId.get('env-42-4')!.pairsWith).toEqual(['env-63-3'])
    expect(byId.get('air-20-2')!.pairsWith).toEqual(['air-99-3'])
    expect(byId.get('air-20-2')!.replacedBy).toEqual(['code-164'])
    expect(byId.get('air-99-3')!.replacedBy).toEqual(['code-1108'])
    expect(byId.get('code-1108')!.replaces).toEqual(['env-63-3', 'water-83-3', 'air-99-3'])
    expect(byId.get('solid-120-3')!.replacedBy).toEqual(['code-1179'])
  })

  it('dates each provision: the single laws end the day before the 法典 takes effect on 2026-08-15; 刑法 and 法释〔2023〕7号 go on', () => {
    for (const e of entries) {
      if (/环境保护法|大气污染防治法|水污染防治法|固体废物污染环境防治法|土壤污染防治法/.test(e.law))
        expect(e.effectiveTo, e.id).toBe('2026-08-14')
      if (e.law.includes('生态环境法典'))
        expect([e.effectiveFrom, e.effectiveTo], e.id).toEqual(['2026-08-15', null])
      if (/刑法|法释〔2023〕7号|行政处罚法|排污许可管理条例/.test(e.law))
        expect(e.effectiveTo, e.id).toBeNull()
    }
    expect(byId.get('judicial-2023-1-7')!.effectiveFrom).toBe('2023-08-15')
  })

  it('tells criminal grounds from detention grounds: 环保法 63 and 固废法 120 are "尚不构成犯罪的"', () => {
    const kind = (id: string) => byId.get(id)!.transferKind
    for (const id of [
      'env-63-1',
      'env-63-2',
      'env-63-3',
      'env-63-4',
      'solid-120-3',
      'solid-120-4',
      'permit-44',
      'soil-94-2',
      'code-1108',
      'code-1179',
    ])
      expect(kind(id), id).toBe('detention')
    for (const id of [
      'crim-338',
      'crim-286',
      'crim-229',
      'judicial-2023-1-2',
      'judicial-2023-1-7',
      'judicial-2023-8',
      'judicial-2023-11',
    ])
      expect(kind(id), id).toBe('criminal')
    for (const id of [
      'water-83-2',
      'air-99-2',
      'air-99-3',
      'env-42-4',
      'water-39',
      'punish-37',
      'judicial-2023-17',
    ])
      expect(kind(id), id).toBe('none')
    for (const e of entries) {
      if (e.transferKind === 'detention') expect(e.text || e.act, e.id).toMatch(/拘留/)
      if (e.role === 'criminal-threshold') expect(e.transferKind, e.id).toBe('criminal')
    }
    expect(byId.get('crim-338')!.crime).toBe('污染环境罪')
    expect(byId.get('judicial-2023-11')!.crime).toBe('破坏计算机信息系统罪')
  })

  it('quotes the texts as published (spot checks against the reproductions named in the README)', () => {
    expect(byId.get('env-42-4')!.text).toContain('逃避监管的方式违法排放污染物')
    expect(byId.get('air-99-3')!.text).toContain('（三）通过逃避监管的方式排放大气污染物的')
    expect(byId.get('air-99-3')!.text).toContain(
      '由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治',
    )
    expect(byId.get('water-83-3')!.text).toContain(
      '由县级以上人民政府环境保护主管部门责令改正或者责令限制生产、停产整治',
    )
    expect(byId.get('crim-338')!.text).toContain('自然保护地核心保护区')
    expect(byId.get('judicial-2023-1-5')!.text).toContain('非紧急情况下开启大气应急排放通道')
    expect(byId.get('punish-37')!.text).toContain('新的规定处罚较轻或者不认为是违法的，适用新的规定')
    expect(byId.get('permit-34')!.text).toContain('处20万元以上100万元以下的罚款')
  })

  it('names in its README every entry and how it was checked, and the open provisions', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8')
    expect(readme).toContain(version)
    for (const e of entries) expect(readme, e.id).toContain(e.id)
    expect(readme).toContain('Open')
  })

  it('gives out copies, so a caller cannot change the catalogue for everyone', () => {
    const a = builtinCatalogue()
    a.entries[0].pairsWith.push('tampered')
    a.entries[0].text = 'tampered'
    expect(builtinCatalogue().entries[0].text).not.toBe('tampered')
    expect(builtinCatalogue().entries[0].pairsWith).not.toContain('tampered')
  })
})

describe('catalogue validation', () => {
  it('accepts the shipped file', () => {
    expect(parseCatalogue(raw()).entries.length).toBe(builtinCatalogue().entries.length)
  })

  it('refuses duplicated ids, naming the id', () => {
    const c = raw()
    c.entries.push({ ...c.entries[0] })
    expect(refusal(c)).toMatch(new RegExp(`"${c.entries[0].id}" twice`))
  })

  it('refuses a pair with an entry the catalogue does not hold, and a pair that does not point back', () => {
    const missing = raw()
    missing.entries[0].pairsWith = ['water-404']
    expect(refusal(missing)).toMatch(/pairs with "water-404", which the catalogue does not hold/)
    const oneWay = raw()
    const a = oneWay.entries.find((e) => e.id === 'env-42-4')!
    a.pairsWith = ['env-63-3', 'water-39']
    expect(refusal(oneWay)).toMatch(/"water-39" does not pair back with "env-42-4"/)
  })

  it('refuses entries with missing fields or a malformed id, naming where', () => {
    const noAct = raw()
    delete noAct.entries[2].actEn
    expect(refusal(noAct)).toMatch(/entries\.2\.actEn/)
    const textless = raw()
    textless.entries[0].text = ''
    expect(refusal(textless)).toMatch(/entries\.0\.text: text-status-mismatch/)
    const noCrime = raw()
    const crim = noCrime.entries.find((e) => e.id === 'crim-338')!
    delete crim.crime
    expect(refusal(noCrime)).toMatch(/crime: criminal-without-crime/)
    const oneWayReplace = raw()
    oneWayReplace.entries.find((e) => e.id === 'code-164')!.replaces = []
    expect(refusal(oneWayReplace)).toMatch(
      /"env-42-4" lists "code-164" in replacedBy, but "code-164" does not list "env-42-4" in replaces/,
    )
    const badId = raw()
    badId.entries[0].id = 'Water 39'
    expect(refusal(badId)).toMatch(/entries\.0\.id/)
    expect(refusal({ ...raw(), version: '' })).toMatch(/version/)
  })
})
