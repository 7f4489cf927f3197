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

  it('has a version, unique ids, and every entry complete in both languages', () => {
    expect(version).toMatch(/^\d{4}\.\d+$/)
    expect(byId.size).toBe(entries.length)
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      for (const field of ['law', 'lawEn', 'article', 'text', 'act', 'actEn'] as const)
        expect(e[field].trim(), `${e.id}.${field}`).not.toBe('')
      expect(e.law, e.id).toMatch(/^《.+》/)
      expect(e.article, e.id).toMatch(/^第.+条/)
      // the English summary is English, the statute text Chinese
      expect(e.actEn, e.id).not.toMatch(/[\u4e00-\u9fff]/)
      expect(e.text, e.id).toMatch(/[\u4e00-\u9fff]/)
      expect(['verbatim', 'summary']).toContain(e.textStatus)
      expect(e).toMatchObject({ origin: 'builtin', catalogueVersion: version })
    }
  })

  it('pairs every prohibition with its penalty provision, both ways', () => {
    for (const e of entries) {
      if (e.role !== 'criminal-threshold') expect(e.pairsWith.length, e.id).toBeGreaterThan(0)
      for (const p of e.pairsWith) {
        expect(byId.has(p), `${e.id} → ${p}`).toBe(true)
        expect(byId.get(p)!.pairsWith, `${p} → ${e.id}`).toContain(e.id)
      }
    }
    expect(byId.get('env-42-4')!.pairsWith).toEqual(['env-63-3'])
    expect(byId.get('water-39')!.pairsWith).toEqual(['water-83-3'])
    expect(byId.get('air-20-2')!.pairsWith).toEqual(['air-99-3'])
  })

  it('holds the provisions evasion and excess-emission cases cite, and marks which ground a transfer', () => {
    for (const id of [
      'env-42-4',
      'env-63-3',
      'water-39',
      'water-83-2',
      'water-83-3',
      'air-20-2',
      'air-99-2',
      'air-99-3',
      'crim-338',
      'judicial-2023-1-2',
      'judicial-2023-1-7',
    ])
      expect(byId.has(id), id).toBe(true)
    const transferable = entries.filter((e) => e.transferable).map((e) => e.id)
    expect(transferable).toEqual(
      expect.arrayContaining(['env-63-3', 'crim-338', 'judicial-2023-1-2', 'judicial-2023-1-7']),
    )
    // fines-only provisions and bare prohibitions do not ground a transfer to the police
    for (const id of ['water-83-2', 'water-83-3', 'air-99-2', 'air-99-3', 'env-42-4', 'water-39'])
      expect(byId.get(id)!.transferable, id).toBe(false)
    for (const e of entries) if (e.role === 'criminal-threshold') expect(e.transferable, e.id).toBe(true)
    expect(byId.get('env-42-4')!.text).toContain('逃避监管的方式违法排放污染物')
    expect(byId.get('air-99-3')!.text).toContain('（三）通过逃避监管的方式排放大气污染物的')
  })

  it('documents every entry whose text is a summary in its README', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8')
    expect(readme).toContain(version)
    for (const e of entries.filter((x) => x.textStatus === 'summary')) expect(readme, e.id).toContain(e.id)
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
    const badId = raw()
    badId.entries[0].id = 'Water 39'
    expect(refusal(badId)).toMatch(/entries\.0\.id/)
    expect(refusal({ ...raw(), version: '' })).toMatch(/version/)
  })
})
