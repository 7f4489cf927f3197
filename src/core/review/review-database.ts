/**
 * The read-only case a reviewer looks at: a case.sqlite with the normal schema, filled from the
 * package's case.json and custody-log.jsonl. Built once in a temporary folder, then opened
 * read-only, so every existing view (library, timeline, viewers, violations, custody log) works
 * on it unchanged. Evidence bytes are never copied here: they stay in the package.
 */
import { canonicalJson } from '../custody/canonical-json'
import { openDatabase, type WritableDB } from '../db/database'
import { migrate } from '../db/migrations'
import type { CaseJson, PackageVerdict } from '../../shared/package-types'
import type { CustodyEvent } from '../../shared/types'
import type { ClockOffset } from '../../shared/clock-offset'
import { metaWords } from '../evidence/search-words'

/** Writes the case, officers, items, annotations, legal basis, violations, links and the custody log. */
export function writeReviewDatabase(
  dbPath: string,
  caseJson: CaseJson,
  events: CustodyEvent[],
  verdict: PackageVerdict,
  checkedAt: Date,
  /** per item id, the text indexed for search and shown by the transcript viewer */
  texts: Map<string, string>,
): void {
  const db = openDatabase(dbPath)
  try {
    migrate(db)
    db.transaction(() => fill(db, caseJson, events, verdict, checkedAt, texts))()
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

function fill(
  db: WritableDB,
  cj: CaseJson,
  events: CustodyEvent[],
  verdict: PackageVerdict,
  checkedAt: Date,
  texts: Map<string, string>,
): void {
  const c = cj.case
  db.prepare(
    `INSERT INTO case_info (id, number, title, cause, subject_json, unit, timezone, created_at, created_by_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.number,
    c.title,
    c.cause ?? '',
    JSON.stringify(c.subject),
    c.unit,
    c.timezone,
    c.createdAt,
    JSON.stringify(c.createdBy),
  )
  const officer = db.prepare('INSERT INTO officers (position, name, cert_no) VALUES (?, ?, ?)')
  const seenCerts = new Set<string>()
  c.officers.forEach((o, i) => {
    // cert_no is UNIQUE; a package with a repeated officer still opens, showing each once.
    if (seenCerts.has(o.certNo)) return
    seenCerts.add(o.certNo)
    officer.run(i, o.name, o.certNo)
  })

  const item = db.prepare(
    `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, source_mtime, kind, mime,
       imported_at, imported_by_name, imported_by_cert_no, captured_at, captured_at_source, utc_offset,
       gps_lat, gps_lon, gps_alt, device_json, width, height, duration_sec, warnings_json, meta_json, derived_from_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const fts = db.prepare('INSERT INTO items_fts (item_id, name, meta, body) VALUES (?, ?, ?, ?)')
  cj.evidence.forEach((e, i) => {
    // Keep the case's own evidence numbers (an export of some violations may skip some).
    const parsed = /^E(\d+)$/.exec(e.number)
    const ordinal = parsed ? Number(parsed[1]) : 100_000 + i
    item.run(
      e.id,
      ordinal,
      e.number,
      e.sha256,
      e.size,
      e.originalName,
      e.sourcePath,
      e.sourceMtime ?? null,
      e.kind,
      e.mime,
      e.importedAt,
      e.importedBy.name,
      e.importedBy.certNo,
      e.capturedAt,
      e.capturedAtSource,
      e.utcOffset,
      e.gps?.lat ?? null,
      e.gps?.lon ?? null,
      e.gps?.alt ?? null,
      e.device ? JSON.stringify(e.device) : null,
      e.width,
      e.height,
      e.durationSec,
      JSON.stringify(e.warnings ?? []),
      JSON.stringify(e.meta ?? {}),
      e.derivedFrom ? JSON.stringify(e.derivedFrom) : null,
    )
    fts.run(e.id, `${e.number} ${e.originalName} ${e.sourcePath}`, searchText(e.meta), texts.get(e.id) ?? '')
  })

  const itemIds = new Set(cj.evidence.map((e) => e.id))
  const annotation = db.prepare(
    `INSERT INTO annotations (id, item_id, type, anchor_json, note, data_json, author_name, author_cert_no,
       created_at, withdrawn_at, withdrawn_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const annotationIds = new Set<string>()
  for (const a of cj.annotations) {
    if (!itemIds.has(a.itemId)) continue // a citation on an item the export left out
    annotationIds.add(a.id)
    annotation.run(
      a.id,
      a.itemId,
      a.type,
      JSON.stringify(a.anchor),
      a.note ?? '',
      JSON.stringify(a.data ?? {}),
      a.author.name,
      a.author.certNo,
      a.createdAt,
      a.withdrawnAt,
      a.withdrawnReason,
    )
  }

  const basis = db.prepare(
    'INSERT INTO legal_basis (id, origin, catalogue_version, entry_json, added_at) VALUES (?, ?, ?, ?, ?)',
  )
  const basisIds = new Set<string>()
  for (const b of cj.legalBasis) {
    if (basisIds.has(b.id)) continue
    basisIds.add(b.id)
    basis.run(b.id, b.origin, b.catalogueVersion, JSON.stringify(b), cj.exportedAt)
  }

  const violation = db.prepare(
    `INSERT INTO violations (id, ordinal, number, title, facts, occurred_from, occurred_to, place, subject_json,
       status, created_at, created_by_json, updated_at, withdrawn_at, withdrawn_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const vBasis = db.prepare('INSERT INTO violation_basis (violation_id, position, basis_id) VALUES (?, ?, ?)')
  const link = db.prepare(
    `INSERT INTO violation_links (id, violation_id, item_id, annotation_id, anchor_json, note, created_at,
       created_by_json, removed_at, removed_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  cj.violations.forEach((v, i) => {
    const parsed = /^V(\d+)$/.exec(v.number)
    violation.run(
      v.id,
      parsed ? Number(parsed[1]) : 100_000 + i,
      v.number,
      v.title,
      v.facts ?? '',
      v.occurredFrom,
      v.occurredTo,
      v.place ?? '',
      JSON.stringify(v.subject),
      v.status,
      v.createdAt,
      JSON.stringify(v.createdBy),
      v.updatedAt,
      v.withdrawnAt,
      v.withdrawnReason,
    )
    v.basis.forEach((id, pos) => {
      if (basisIds.has(id)) vBasis.run(v.id, pos, id)
    })
    for (const l of v.links) {
      if (!itemIds.has(l.itemId)) continue
      link.run(
        l.id,
        v.id,
        l.itemId,
        l.annotationId && annotationIds.has(l.annotationId) ? l.annotationId : null,
        l.anchor ? JSON.stringify(l.anchor) : null,
        l.note ?? '',
        l.createdAt,
        JSON.stringify(l.createdBy),
        l.removedAt,
        l.removedReason,
      )
    }
  })

  // The officers' device clock offsets: the reviewer sees the same corrected times, read-only.
  const offset = db.prepare(
    `INSERT INTO clock_offsets (device_key, device_json, offset_ms, checked_at, against, reason, set_by_name, set_by_cert_no, set_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const o of Array.isArray(cj.clockOffsets) ? cj.clockOffsets : []) {
    // a package from a stranger: an entry of the wrong shape is left out, never fatal
    if (!isStoredOffset(o)) continue
    offset.run(
      o.deviceKey,
      JSON.stringify(o.device),
      o.offsetMs,
      o.checkedAt,
      o.against,
      o.reason,
      o.setBy.name,
      o.setBy.certNo,
      o.setAt,
    )
  }

  // Copied verbatim, hashes included: the reviewer sees the log exactly as the package holds it.
  const event = db.prepare(
    `INSERT INTO custody_events (seq, at, actor_name, actor_cert_no, action, item_id, details_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const e of events) {
    event.run(
      e.seq,
      e.at,
      e.actor.name,
      e.actor.certNo,
      e.action,
      e.itemId,
      canonicalJson(e.details),
      e.prevHash,
      e.hash,
    )
  }

  // The package verdict stands where the case's own integrity check would: the top bar shows it.
  const last = events[events.length - 1]
  db.prepare(
    `INSERT INTO integrity_checks (checked_at, ok, problem_count, head_seq, head_hash, result_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    checkedAt.toISOString(),
    verdict.valid ? 1 : 0,
    // counted as the summary words them: the sha256 and sha512 manifests both name a changed file
    new Set(verdict.problems.map((p) => `${p.code}\0${p.path ?? ''}`)).size,
    last?.seq ?? 0,
    last?.hash ?? '',
    JSON.stringify({ packageVerdict: verdict }),
  )
}

function isStoredOffset(o: unknown): o is ClockOffset {
  const x = o as Partial<ClockOffset> | null
  const str = (v: unknown) => typeof v === 'string'
  return (
    !!x &&
    str(x.deviceKey) &&
    typeof x.device === 'object' &&
    Number.isSafeInteger(x.offsetMs) &&
    str(x.checkedAt) &&
    str(x.against) &&
    str(x.reason) &&
    str(x.setBy?.name) &&
    str(x.setBy?.certNo) &&
    str(x.setAt)
  )
}

function searchText(meta: Record<string, unknown> | undefined): string {
  return metaWords(meta ?? {})
}
