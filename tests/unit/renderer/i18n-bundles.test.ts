import { describe, expect, it } from 'vitest'
import { NAMESPACES, resources } from '../../../src/renderer/src/i18n/resources'

type Tree = { [key: string]: string | Tree }

/** Every leaf as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value, path)) out.set(p, v)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort()
/** The singular of a plural may say "one" in words instead of {{count}}. */
const comparable = (key: string, text: string) =>
  placeholders(text)
    .filter((p) => !(key.endsWith('_one') && p === 'count'))
    .join()
const HAN = /\p{Script=Han}/u

const zh = resources['zh-CN'] as unknown as Record<string, Tree>
const en = resources.en as unknown as Record<string, Tree>

describe('message bundles', () => {
  it('register every namespace in both languages, and nothing else', () => {
    expect(Object.keys(zh).sort()).toEqual([...NAMESPACES].sort())
    expect(Object.keys(en).sort()).toEqual([...NAMESPACES].sort())
    expect(NAMESPACES[0]).toBe('common')
  })

  for (const ns of NAMESPACES) {
    describe(ns, () => {
      const zhLeaves = leaves(zh[ns])
      const enLeaves = leaves(en[ns])

      it('has the same keys in English as in Chinese', () => {
        const onlyZh = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k))
        const onlyEn = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k))
        expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] })
      })

      it('fills the same {{placeholders}} in both languages', () => {
        const differing = [...zhLeaves]
          .filter(([k, text]) => enLeaves.has(k) && comparable(k, text) !== comparable(k, enLeaves.get(k)!))
          .map(([k]) => k)
        expect(differing).toEqual([])
      })

      it('has words for every key, and no Chinese on an English screen', () => {
        const empty = [...zhLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([k]) => k)
        expect(empty).toEqual([])
        const chineseInEnglish = [...enLeaves]
          .filter(([, text]) => HAN.test(text))
          .map(([k, text]) => `${k}: ${text}`)
        expect(chineseInEnglish).toEqual([])
      })
    })
  }

  it('keeps keys free of the namespace separator, so `ns:key` stays unambiguous', () => {
    const withColon = NAMESPACES.flatMap((ns) => [...leaves(zh[ns]).keys()].filter((k) => k.includes(':')))
    expect(withColon).toEqual([])
  })
})
