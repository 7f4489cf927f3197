/**
 * What search indexes of an item's `meta`: its values as words, never its JSON. A snippet of a
 * match in the metadata is shown to the officer, and `{"make":"DJI"` is not words.
 */
import { CATEGORY_WORDS, isItemCategory } from '../../shared/kinds/category'

/**
 * Leaf values (strings, numbers) of `meta`, depth-first, space-separated; the transcript's dialogue is
 * indexed as body text instead, and the category as its words.
 */
export function metaWords(meta: unknown): string {
  const out: string[] = []
  const walk = (v: unknown, depth: number): void => {
    // stored meta is shallow; the bound only guards a hostile package's case.json
    if (depth > 8 || out.length > 10_000) return
    if (typeof v === 'string') {
      if (v) out.push(v)
    } else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v))
    else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1)
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'dialogue') continue
        // the category code is no word: index what the officer calls it, in both languages
        if (k === 'category' && depth === 0 && isItemCategory(x))
          out.push(CATEGORY_WORDS['zh-CN'][x].one, CATEGORY_WORDS.en[x].one)
        else walk(x, depth + 1)
      }
  }
  walk(meta, 0)
  return out.join(' ')
}

/**
 * A snippet of a metadata row written by an earlier version (JSON) in words: keys, quotes and
 * brackets out. Words-only rows pass through unchanged.
 */
export function metaSnippetWords(snippet: string): string {
  return snippet
    .replace(/"[\w.-]+"\s*:\s*/g, ' ')
    .replace(/[{}[\]"]/g, ' ')
    .replace(/\s*,\s*/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
}
