import type { ReadableDB } from '../db/database'
import type { SearchHit } from '../../shared/types'
import { getItem } from './item-repository'
import { metaSnippetWords } from './search-words'

/** Marks around a match in snippets; private-use characters, so no text in evidence can forge them. */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

/** Where a match is shown from, in order of preference: the name, the text itself, then metadata. */
const COLUMNS = ['name', 'body', 'meta'] as const

/**
 * Case-wide search over names, metadata and full text, with a snippet per hit, and over the
 * officers' notes on citations and on links to violations (standing ones: a withdrawn citation
 * or an undone link no longer speaks for the item). Three characters or more use the FTS5
 * trigram index; shorter terms fall back to LIKE (trigrams need three). Notes are few: LIKE.
 */
export function searchCase(db: ReadableDB, query: string, limit = 50): { hits: SearchHit[]; total: number } {
  const text = query.trim()
  if (!text) return { hits: [], total: 0 }
  type Row = { item_id: string; name: string; meta: string; body: string }
  let rows: Row[]
  if ([...text].length >= 3) {
    rows = db
      .prepare('SELECT item_id, name, meta, body FROM items_fts WHERE items_fts MATCH ? ORDER BY rank')
      .all(`"${text.replaceAll('"', '""')}"`) as Row[]
  } else {
    const like = likePattern(text)
    rows = db
      .prepare(
        "SELECT item_id, name, meta, body FROM items_fts WHERE name LIKE @like ESCAPE '\\' OR meta LIKE @like ESCAPE '\\' OR body LIKE @like ESCAPE '\\'",
      )
      .all({ like }) as Row[]
  }
  const hits: SearchHit[] = []
  for (const row of rows.slice(0, limit)) {
    const item = getItem(db, row.item_id)
    if (!item) continue
    const field = COLUMNS.find((c) => row[c].toLowerCase().includes(text.toLowerCase())) ?? 'name'
    const shown = snippet(row[field], text)
    // rows indexed by an earlier version hold the metadata as JSON: shown as words all the same
    hits.push({ item, field, snippet: field === 'meta' ? metaSnippetWords(shown) : shown })
  }
  // An item already found by its own words is not listed again for a note.
  const found = new Set(rows.map((r) => r.item_id))
  const notes = noteMatches(db, text).filter((n) => !found.has(n.item_id))
  for (const n of notes) {
    if (hits.length >= limit) break
    const item = getItem(db, n.item_id)
    if (item) hits.push({ item, field: 'note', snippet: snippet(n.note, text) })
  }
  return { hits, total: rows.length + notes.length }
}

/** Standing notes on citations and links that contain `text`, the first per item. */
function noteMatches(db: ReadableDB, text: string): Array<{ item_id: string; note: string }> {
  const like = likePattern(text)
  const rows = db
    .prepare(
      `SELECT item_id, note FROM annotations WHERE withdrawn_at IS NULL AND note LIKE @like ESCAPE '\\'
       UNION ALL
       SELECT item_id, note FROM violation_links WHERE removed_at IS NULL AND note LIKE @like ESCAPE '\\'`,
    )
    .all({ like }) as Array<{ item_id: string; note: string }>
  const first = new Map<string, { item_id: string; note: string }>()
  for (const r of rows) if (!first.has(r.item_id)) first.set(r.item_id, r)
  return [...first.values()]
}

/** `text` as a LIKE pattern matching it anywhere, its wildcards escaped with a backslash. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** ~40 characters either side of the first match, the match wrapped in MARK_START/MARK_END. */
function snippet(source: string, term: string): string {
  const i = source.toLowerCase().indexOf(term.toLowerCase())
  if (i < 0) return source.slice(0, 80)
  const from = Math.max(0, i - 40)
  const to = Math.min(source.length, i + term.length + 40)
  return `${from > 0 ? '…' : ''}${source.slice(from, i)}${MARK_START}${source.slice(i, i + term.length)}${MARK_END}${source.slice(i + term.length, to)}${to < source.length ? '…' : ''}`
}
