import type { WritableDB } from './database'
import { EvidenceError } from '../errors'

/**
 * Schema steps, applied in order over PRAGMA user_version. Listed statically (not scanned from
 * a folder) so they work inside bundles. Never edit a released step: add a new one.
 */
export interface Migration {
  version: number
  name: string
  up: (db: WritableDB) => void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'case, officers, custody log, integrity checks',
    up: (db) => {
      db.exec(`
        CREATE TABLE case_info (
          id TEXT PRIMARY KEY,
          number TEXT NOT NULL,
          title TEXT NOT NULL,
          cause TEXT NOT NULL DEFAULT '',
          subject_json TEXT NOT NULL,
          unit TEXT NOT NULL,
          timezone TEXT NOT NULL,
          created_at TEXT NOT NULL,
          created_by_json TEXT NOT NULL
        ) STRICT;

        CREATE TABLE officers (
          position INTEGER NOT NULL PRIMARY KEY,
          name TEXT NOT NULL,
          cert_no TEXT NOT NULL UNIQUE
        ) STRICT;

        CREATE TABLE custody_events (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor_name TEXT NOT NULL,
          actor_cert_no TEXT NOT NULL,
          action TEXT NOT NULL,
          item_id TEXT,
          details_json TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX custody_events_item ON custody_events(item_id);

        -- The custody log only grows.
        CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
          BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
        CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
          BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;

        CREATE TABLE integrity_checks (
          id INTEGER PRIMARY KEY,
          checked_at TEXT NOT NULL,
          ok INTEGER NOT NULL,
          problem_count INTEGER NOT NULL,
          head_seq INTEGER NOT NULL,
          head_hash TEXT NOT NULL,
          result_json TEXT NOT NULL
        ) STRICT;
      `)
    },
  },
  {
    version: 2,
    name: 'evidence items, their source paths, derived files, full-text index',
    up: (db) => {
      db.exec(`
        CREATE TABLE items (
          id TEXT PRIMARY KEY,
          ordinal INTEGER NOT NULL UNIQUE,
          number TEXT NOT NULL UNIQUE,
          sha256 TEXT NOT NULL UNIQUE,
          size INTEGER NOT NULL,
          original_name TEXT NOT NULL,
          source_path TEXT NOT NULL,
          source_mtime TEXT,
          kind TEXT NOT NULL,
          mime TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          imported_by_name TEXT NOT NULL,
          imported_by_cert_no TEXT NOT NULL,
          captured_at TEXT,
          captured_at_source TEXT,
          utc_offset TEXT,
          gps_lat REAL,
          gps_lon REAL,
          gps_alt REAL,
          device_json TEXT,
          width INTEGER,
          height INTEGER,
          duration_sec REAL,
          warnings_json TEXT NOT NULL DEFAULT '[]',
          meta_json TEXT NOT NULL DEFAULT '{}',
          -- for an item made from another (a still frame, a clip): source hash, command, range
          derived_from_json TEXT
        ) STRICT;
        CREATE INDEX items_kind ON items(kind);
        CREATE INDEX items_captured_at ON items(captured_at);

        -- Every path an item arrived from: the first import and each later duplicate.
        CREATE TABLE item_sources (
          id INTEGER PRIMARY KEY,
          item_id TEXT NOT NULL REFERENCES items(id),
          path TEXT NOT NULL,
          link_target TEXT,
          mtime TEXT,
          seen_at TEXT NOT NULL,
          duplicate INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX item_sources_item ON item_sources(item_id);

        -- Re-creatable files under derived/: thumbnails, previews, posters, playback proxies.
        CREATE TABLE derived_files (
          item_id TEXT NOT NULL REFERENCES items(id),
          role TEXT NOT NULL,
          rel_path TEXT,
          status TEXT NOT NULL,
          error TEXT,
          PRIMARY KEY (item_id, role)
        ) STRICT;

        -- Trigram tokens handle Chinese without a word segmenter.
        CREATE VIRTUAL TABLE items_fts USING fts5(item_id UNINDEXED, name, meta, body, tokenize = 'trigram');
      `)
    },
  },
  {
    version: 3,
    name: 'annotations: citations and measurements on evidence items',
    up: (db) => {
      db.exec(`
        CREATE TABLE annotations (
          id TEXT PRIMARY KEY,
          item_id TEXT NOT NULL REFERENCES items(id),
          type TEXT NOT NULL,
          anchor_json TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          data_json TEXT NOT NULL DEFAULT '{}',
          author_name TEXT NOT NULL,
          author_cert_no TEXT NOT NULL,
          created_at TEXT NOT NULL,
          -- withdrawn, never deleted: a citation that was relied on stays on record
          withdrawn_at TEXT,
          withdrawn_reason TEXT
        ) STRICT;
        CREATE INDEX annotations_item ON annotations(item_id);
      `)
    },
  },
  {
    version: 4,
    name: 'limits set or corrected by an officer for monitoring series',
    up: (db) => {
      db.exec(`
        -- The file's own facts are never changed; a corrected limit is kept beside them, the latest row winning.
        CREATE TABLE monitoring_limits (
          id INTEGER PRIMARY KEY,
          item_id TEXT NOT NULL REFERENCES items(id),
          pollutant TEXT NOT NULL,
          limit_value REAL,
          reason TEXT NOT NULL,
          set_by_name TEXT NOT NULL,
          set_by_cert_no TEXT NOT NULL,
          set_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX monitoring_limits_item ON monitoring_limits(item_id, pollutant);
      `)
    },
  },
  {
    version: 5,
    name: 'legal basis kept in the case, violations, their links to evidence, edited document text',
    up: (db) => {
      db.exec(`
        -- The case's own copy of every legal-basis entry it uses or its officers added, so a later
        -- catalogue release never changes what an old case cites.
        CREATE TABLE legal_basis (
          id TEXT PRIMARY KEY,
          origin TEXT NOT NULL CHECK (origin IN ('builtin', 'local')),
          catalogue_version TEXT NOT NULL,
          entry_json TEXT NOT NULL,
          added_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE violations (
          id TEXT PRIMARY KEY,
          ordinal INTEGER NOT NULL UNIQUE,
          number TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          facts TEXT NOT NULL DEFAULT '',
          occurred_from TEXT,
          occurred_to TEXT,
          place TEXT NOT NULL DEFAULT '',
          subject_json TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'transferred')),
          created_at TEXT NOT NULL,
          created_by_json TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          -- withdrawn, never deleted
          withdrawn_at TEXT,
          withdrawn_reason TEXT
        ) STRICT;

        CREATE TABLE violation_basis (
          violation_id TEXT NOT NULL REFERENCES violations(id),
          position INTEGER NOT NULL,
          basis_id TEXT NOT NULL REFERENCES legal_basis(id),
          PRIMARY KEY (violation_id, position)
        ) STRICT;

        CREATE TABLE violation_links (
          id TEXT PRIMARY KEY,
          violation_id TEXT NOT NULL REFERENCES violations(id),
          item_id TEXT NOT NULL REFERENCES items(id),
          annotation_id TEXT REFERENCES annotations(id),
          -- the citation's anchor as it was when linked
          anchor_json TEXT,
          note TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          created_by_json TEXT NOT NULL,
          -- unlinked, never deleted
          removed_at TEXT,
          removed_reason TEXT
        ) STRICT;
        CREATE INDEX violation_links_violation ON violation_links(violation_id);
        CREATE INDEX violation_links_item ON violation_links(item_id);

        -- An officer's edit of a free-text part of a transfer document; the latest row per key wins.
        CREATE TABLE document_fields (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          field_key TEXT NOT NULL,
          value TEXT NOT NULL,
          edited_by_json TEXT NOT NULL,
          edited_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX document_fields_key ON document_fields(kind, field_key);
      `)
    },
  },
  {
    version: 6,
    name: 'what a transfer to the police needs: case fields, attachments, seized items, extraction batches, law choices',
    up: (db) => {
      db.exec(`
        -- 立案日期, 排污许可证编号, 重点排污单位, suspects: each edit a new row, the latest wins
        CREATE TABLE transfer_fields (
          id INTEGER PRIMARY KEY,
          value_json TEXT NOT NULL,
          edited_at TEXT NOT NULL,
          edited_by_json TEXT NOT NULL
        ) STRICT;

        -- registered materials for the 附件 list: a scan (item) or paper with its page count
        CREATE TABLE transfer_attachments (
          id TEXT PRIMARY KEY,
          ordinal INTEGER NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          title TEXT NOT NULL,
          reference TEXT NOT NULL DEFAULT '',
          item_id TEXT REFERENCES items(id),
          copies INTEGER NOT NULL CHECK (copies >= 1),
          pages INTEGER NOT NULL CHECK (pages >= 1),
          created_at TEXT NOT NULL,
          created_by_json TEXT NOT NULL,
          -- removed, never deleted
          removed_at TEXT,
          removed_reason TEXT
        ) STRICT;

        -- seized physical things (涉案物品), never electronic files
        CREATE TABLE seized_items (
          id TEXT PRIMARY KEY,
          ordinal INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          spec TEXT NOT NULL DEFAULT '',
          quantity REAL NOT NULL CHECK (quantity > 0),
          unit TEXT NOT NULL,
          storage_place TEXT NOT NULL,
          decision_number TEXT NOT NULL,
          created_at TEXT NOT NULL,
          created_by_json TEXT NOT NULL,
          removed_at TEXT,
          removed_reason TEXT
        ) STRICT;

        -- how each import batch was extracted from its medium; the latest row per batch wins
        CREATE TABLE extraction_batches (
          id INTEGER PRIMARY KEY,
          batch_key TEXT NOT NULL,
          value_json TEXT NOT NULL,
          edited_at TEXT NOT NULL,
          edited_by_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX extraction_batches_key ON extraction_batches(batch_key);

        -- 从旧兼从轻: which law a violation applies where the act and the decision straddle a change
        CREATE TABLE law_choices (
          id INTEGER PRIMARY KEY,
          violation_id TEXT NOT NULL REFERENCES violations(id),
          chosen TEXT NOT NULL CHECK (chosen IN ('old', 'new')),
          reason TEXT NOT NULL,
          old_ids_json TEXT NOT NULL,
          new_ids_json TEXT NOT NULL,
          decided_on TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          recorded_by_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX law_choices_violation ON law_choices(violation_id);
      `)
    },
  },
  {
    version: 7,
    name: 'the concentration basis an officer chose for a monitoring factor',
    up: (db) => {
      db.exec(`
        -- 实测 / 标干 / 折算 chosen with a reason; the latest row per factor wins, NULL goes back to the default
        CREATE TABLE monitoring_bases (
          id INTEGER PRIMARY KEY,
          item_id TEXT NOT NULL REFERENCES items(id),
          pollutant TEXT NOT NULL,
          basis TEXT,
          reason TEXT NOT NULL,
          set_by_name TEXT NOT NULL,
          set_by_cert_no TEXT NOT NULL,
          set_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX monitoring_bases_item ON monitoring_bases(item_id, pollutant);
      `)
    },
  },
  {
    version: 8,
    name: "each device's clock offset as the officers recorded it",
    up: (db) => {
      db.exec(`
        -- one row per set, change or removal (offset_ms NULL); the latest row per device wins.
        -- Capture times are never rewritten: the corrected time is derived on read.
        CREATE TABLE clock_offsets (
          id INTEGER PRIMARY KEY,
          device_key TEXT NOT NULL,
          device_json TEXT NOT NULL,
          offset_ms INTEGER,
          checked_at TEXT NOT NULL,
          against TEXT NOT NULL,
          reason TEXT NOT NULL,
          set_by_name TEXT NOT NULL,
          set_by_cert_no TEXT NOT NULL,
          set_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX clock_offsets_device ON clock_offsets(device_key);
      `)
    },
  },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

export function schemaVersion(db: WritableDB): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database up to `target` (default: latest) in one transaction, so a failed step
 * leaves the previous version intact. Refuses a database written by a newer version.
 */
export function migrate(db: WritableDB, target: number = LATEST_SCHEMA_VERSION, file = 'case.sqlite'): void {
  const current = schemaVersion(db)
  if (current > LATEST_SCHEMA_VERSION) {
    throw new EvidenceError(
      'case-too-new',
      `${file} was written by a newer version of Evidence Desk (schema ${current}; this version reads up to ${LATEST_SCHEMA_VERSION}). Open it with the newer version; nothing was changed.`,
    )
  }
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const step of pending) {
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    }
  })()
}
