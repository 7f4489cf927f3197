import type { ReadableDB, WritableDB } from '../db/database'
import { cachedStatement } from '../db/statement-cache'
import { isEvidenceKind, readMeta } from '../../shared/kinds'
import { categoryOfStored, type ItemCategory } from '../../shared/kinds/category'
import { metaWords } from './search-words'
import { attachClocks } from '../clock/clock-offsets'
import type {
  DerivedFrom,
  DerivedRole,
  DerivedStatus,
  EvidenceItem,
  EvidenceItemBase,
  EvidenceKind,
  ItemSource,
  Officer,
} from '../../shared/types'

/** Column list shared by every query that returns full items. */
const ITEM_COLUMNS = `i.*, (SELECT json_group_object(role, status) FROM derived_files d WHERE d.item_id = i.id) AS derived_json`

interface ItemRow {
  id: string
  ordinal: number
  number: string
  sha256: string
  size: number
  original_name: string
  source_path: string
  source_mtime: string | null
  kind: EvidenceKind
  mime: string
  imported_at: string
  imported_by_name: string
  imported_by_cert_no: string
  captured_at: string | null
  captured_at_source: EvidenceItem['capturedAtSource']
  utc_offset: string | null
  gps_lat: number | null
  gps_lon: number | null
  gps_alt: number | null
  device_json: string | null
  width: number | null
  height: number | null
  duration_sec: number | null
  warnings_json: string
  meta_json: string
  derived_from_json: string | null
  derived_json: string | null
}

function rowToItem(r: ItemRow): EvidenceItem {
  // A kind this version does not know (a newer case) reads as 'other', its meta kept whole.
  const kind = isEvidenceKind(r.kind) ? r.kind : 'other'
  const { meta, unreadable } = readMeta(kind, parseJson(r.meta_json))
  return {
    id: r.id,
    number: r.number,
    sha256: r.sha256,
    size: r.size,
    originalName: r.original_name,
    sourcePath: r.source_path,
    kind,
    mime: r.mime,
    importedAt: r.imported_at,
    importedBy: { name: r.imported_by_name, certNo: r.imported_by_cert_no },
    capturedAt: r.captured_at,
    capturedAtSource: r.captured_at_source,
    utcOffset: r.utc_offset,
    gps: r.gps_lat !== null && r.gps_lon !== null ? { lat: r.gps_lat, lon: r.gps_lon, alt: r.gps_alt } : null,
    device: r.device_json ? (JSON.parse(r.device_json) as EvidenceItem['device']) : null,
    width: r.width,
    height: r.height,
    durationSec: r.duration_sec,
    warnings: JSON.parse(r.warnings_json) as EvidenceItem['warnings'],
    meta,
    ...(unreadable ? { metaUnreadable: unreadable } : {}),
    sourceMtime: r.source_mtime,
    derived: r.derived_json
      ? (JSON.parse(r.derived_json) as Partial<Record<DerivedRole, DerivedStatus>>)
      : {},
    derivedFrom: r.derived_from_json ? (JSON.parse(r.derived_from_json) as DerivedFrom) : null,
    category: categoryOfStored(kind, r.meta_json, r.device_json, r.derived_from_json),
  } as EvidenceItem
}

/** Stored JSON, or the text itself when it does not parse (then `readMeta` sets it aside, unlost). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The item's meta as stored: the typed fields and any that did not fit, together again (for export). */
export function storedMeta(item: EvidenceItem): Record<string, unknown> {
  const unreadable = item.metaUnreadable ?? {}
  if (Object.hasOwn(unreadable, '')) return unreadable[''] as Record<string, unknown>
  return { ...item.meta, ...unreadable }
}

/** Evidence number for the n-th item: E001 … E999, then E1000 and on (never truncated). */
export function evidenceNumber(ordinal: number): string {
  return `E${String(ordinal).padStart(3, '0')}`
}

/** A new item as the import writes it: any kind, its meta as the extractor gave it. */
export type NewItem = Omit<EvidenceItemBase, 'id' | 'number' | 'derived' | 'metaUnreadable' | 'category'> & {
  id: string
  kind: EvidenceKind
  meta: Record<string, unknown>
  text?: string
}

/** Inserts an item with the next evidence number; call inside the import transaction. */
export function insertItem(db: WritableDB, item: NewItem): { number: string; ordinal: number } {
  const ordinal =
    ((cachedStatement(db, 'SELECT max(ordinal) AS m FROM items').get() as { m: number | null }).m ?? 0) + 1
  const number = evidenceNumber(ordinal)
  cachedStatement(
    db,
    `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, source_mtime, kind, mime,
       imported_at, imported_by_name, imported_by_cert_no, captured_at, captured_at_source, utc_offset,
       gps_lat, gps_lon, gps_alt, device_json, width, height, duration_sec, warnings_json, meta_json, derived_from_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    item.id,
    ordinal,
    number,
    item.sha256,
    item.size,
    item.originalName,
    item.sourcePath,
    item.sourceMtime,
    item.kind,
    item.mime,
    item.importedAt,
    item.importedBy.name,
    item.importedBy.certNo,
    item.capturedAt,
    item.capturedAtSource,
    item.utcOffset,
    item.gps?.lat ?? null,
    item.gps?.lon ?? null,
    item.gps?.alt ?? null,
    item.device ? JSON.stringify(item.device) : null,
    item.width,
    item.height,
    item.durationSec,
    JSON.stringify(item.warnings),
    JSON.stringify(item.meta),
    item.derivedFrom ? JSON.stringify(item.derivedFrom) : null,
  )
  cachedStatement(db, 'INSERT INTO items_fts (item_id, name, meta, body) VALUES (?, ?, ?, ?)').run(
    item.id,
    `${number} ${item.originalName} ${item.sourcePath}`,
    searchableMeta(item),
    item.text ?? '',
  )
  return { number, ordinal }
}

/**
 * An item's text read anew (the officer chose another decoding): its text facts and its search
 * entry follow. The caller records the custody event in the same transaction.
 */
export function rewriteItemText(
  db: WritableDB,
  item: EvidenceItem,
  meta: Record<string, unknown>,
  text: string,
): void {
  db.prepare('UPDATE items SET meta_json = ? WHERE id = ?').run(JSON.stringify(meta), item.id)
  db.prepare('UPDATE items_fts SET meta = ?, body = ? WHERE item_id = ?').run(
    searchableMeta({ ...item, meta }),
    text,
    item.id,
  )
}

/** Device, place and per-kind facts as one line of text for search. */
function searchableMeta(item: Pick<NewItem, 'device' | 'kind' | 'mime' | 'meta'>): string {
  const d = item.device
  return [d?.make, d?.model, d?.serial, d?.id, item.kind, item.mime, metaWords(item.meta)]
    .filter(Boolean)
    .join(' ')
}

export function addItemSource(
  db: WritableDB,
  itemId: string,
  src: Omit<ItemSource, 'seenAt'>,
  seenAt: string,
): void {
  cachedStatement(
    db,
    'INSERT INTO item_sources (item_id, path, link_target, mtime, seen_at, duplicate) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(itemId, src.path, src.linkTarget, src.mtime, seenAt, src.duplicate ? 1 : 0)
}

export function setDerived(
  db: WritableDB,
  itemId: string,
  role: DerivedRole,
  status: DerivedStatus,
  relPath: string | null,
  error: string | null = null,
): void {
  cachedStatement(
    db,
    `INSERT INTO derived_files (item_id, role, rel_path, status, error) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (item_id, role) DO UPDATE SET rel_path = excluded.rel_path, status = excluded.status, error = excluded.error`,
  ).run(itemId, role, relPath, status, error)
}

export function derivedPath(db: ReadableDB, itemId: string, role: DerivedRole): string | null {
  const r = db
    .prepare("SELECT rel_path FROM derived_files WHERE item_id = ? AND role = ? AND status = 'ready'")
    .get(itemId, role) as { rel_path: string } | undefined
  return r?.rel_path ?? null
}

export function pendingDerived(
  db: ReadableDB,
  role: DerivedRole,
): Array<{ itemId: string; number: string; sha256: string; kind: EvidenceKind }> {
  return db
    .prepare(
      "SELECT i.id AS itemId, i.number, i.sha256, i.kind FROM derived_files d JOIN items i ON i.id = d.item_id WHERE d.role = ? AND d.status = 'pending' ORDER BY i.ordinal",
    )
    .all(role) as Array<{ itemId: string; number: string; sha256: string; kind: EvidenceKind }>
}

export function findItemBySha(
  db: ReadableDB,
  sha256: string,
): { id: string; number: string; kind: EvidenceKind; category: ItemCategory } | null {
  const row = cachedStatement(
    db,
    'SELECT id, number, kind, item_category(kind, meta_json, device_json, derived_from_json) AS category FROM items WHERE sha256 = ?',
  ).get(sha256) as { id: string; number: string; kind: string; category: ItemCategory } | undefined
  if (!row) return null
  // A kind this version does not know (a newer case) reads as 'other', as everywhere.
  return {
    id: row.id,
    number: row.number,
    kind: isEvidenceKind(row.kind) ? row.kind : 'other',
    category: row.category,
  }
}

/** An item by id or by evidence number (E001). */
export function getItem(db: ReadableDB, idOrNumber: string): EvidenceItem | null {
  const row = db
    .prepare(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = ? OR i.number = ?`)
    .get(idOrNumber, idOrNumber.toUpperCase()) as ItemRow | undefined
  return row ? attachClocks(db, [rowToItem(row)])[0] : null
}

export function itemSources(db: ReadableDB, itemId: string): ItemSource[] {
  return (
    db
      .prepare(
        'SELECT path, link_target, mtime, seen_at, duplicate FROM item_sources WHERE item_id = ? ORDER BY id',
      )
      .all(itemId) as Array<{
      path: string
      link_target: string | null
      mtime: string | null
      seen_at: string
      duplicate: number
    }>
  ).map((s) => ({
    path: s.path,
    linkTarget: s.link_target,
    mtime: s.mtime,
    seenAt: s.seen_at,
    duplicate: s.duplicate === 1,
  }))
}

export interface ItemQuery {
  kinds?: EvidenceKind[]
  /** display categories (现场照片, 无人机照片, …): the stored one, or classified on read (SQL `item_category`) */
  categories?: ItemCategory[]
  /** certificate number of the importing officer */
  importedBy?: string
  /** ISO instants, inclusive; items without a capture time are left out when either is set */
  capturedFrom?: string
  capturedTo?: string
  /** only items with at least one warning (or with this warning code) */
  warning?: true | string
  /** name, number, device and metadata; transcript full text too */
  text?: string
  sort?: 'number' | 'captured'
  order?: 'asc' | 'desc'
  offset?: number
  limit?: number
}

/** Items matching a query, and how many match in all. Filters are parameters, never spliced text. */
export function queryItems(db: ReadableDB, q: ItemQuery = {}): { total: number; items: EvidenceItem[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (q.kinds?.length) {
    where.push(`i.kind IN (${q.kinds.map(() => '?').join(',')})`)
    params.push(...q.kinds)
  }
  if (q.categories?.length) {
    where.push(
      `item_category(i.kind, i.meta_json, i.device_json, i.derived_from_json) IN (${q.categories.map(() => '?').join(',')})`,
    )
    params.push(...q.categories)
  }
  if (q.importedBy) {
    where.push('i.imported_by_cert_no = ?')
    params.push(q.importedBy)
  }
  // Captured times carry their own offsets, so compare as instants via julianday.
  if (q.capturedFrom) {
    where.push('julianday(i.captured_at) >= julianday(?)')
    params.push(q.capturedFrom)
  }
  if (q.capturedTo) {
    where.push('julianday(i.captured_at) <= julianday(?)')
    params.push(q.capturedTo)
  }
  if (q.warning === true) where.push("i.warnings_json <> '[]'")
  else if (typeof q.warning === 'string') {
    where.push(
      "EXISTS (SELECT 1 FROM json_each(i.warnings_json) w WHERE json_extract(w.value, '$.code') = ?)",
    )
    params.push(q.warning)
  }
  const text = q.text?.trim()
  if (text) {
    if ([...text].length >= 3) {
      // trigram FTS: quote the phrase so punctuation in names is taken literally
      where.push('i.id IN (SELECT item_id FROM items_fts WHERE items_fts MATCH ?)')
      params.push(`"${text.replaceAll('"', '""')}"`)
    } else {
      // Terms under three characters have no trigram: fall back to LIKE.
      where.push(
        "i.id IN (SELECT item_id FROM items_fts WHERE name LIKE ? ESCAPE '\\' OR meta LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')",
      )
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      params.push(like, like, like)
    }
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const dir = q.order === 'desc' ? 'DESC' : 'ASC'
  const orderSql =
    q.sort === 'captured'
      ? `ORDER BY i.captured_at IS NULL, julianday(i.captured_at) ${dir}, i.ordinal`
      : `ORDER BY i.ordinal ${dir}`
  const total = (db.prepare(`SELECT count(*) AS n FROM items i ${whereSql}`).get(...params) as { n: number })
    .n
  const rows = db
    .prepare(`SELECT ${ITEM_COLUMNS} FROM items i ${whereSql} ${orderSql} LIMIT ? OFFSET ?`)
    .all(...params, q.limit ?? -1, q.offset ?? 0) as ItemRow[]
  return { total, items: attachClocks(db, rows.map(rowToItem)) }
}

/** The officers who imported something, for the library's filter. */
export function importingOfficers(db: ReadableDB): Officer[] {
  return db
    .prepare('SELECT DISTINCT imported_by_name AS name, imported_by_cert_no AS certNo FROM items ORDER BY 1')
    .all() as Officer[]
}
