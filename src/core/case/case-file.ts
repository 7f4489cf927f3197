import { randomUUID } from 'node:crypto'
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import type { CaseEdit, CaseFields } from '../../shared/api'
import type { CaseInfo, EvidenceKind, IntegrityStatus, Officer, Subject } from '../../shared/types'
import { EVIDENCE_KINDS } from '../../shared/types'
import { openDatabase, type WritableDB } from '../db/database'
import { migrate } from '../db/migrations'
import { EvidenceError } from '../errors'
import { appendCustodyEvent, countCustodyEvents, type NewCustodyEvent } from '../custody/custody-log'
import { acquireCaseLock, type CaseLock } from './lock'
import { caseLayout } from './layout'

export type Clock = () => Date

/** Case folders and the files in them are for their owner only (0700 folders, 0600 files, 0400 originals). */
const PRIVATE_DIR = 0o700
const PRIVATE_FILE = 0o600

export interface OpenCaseOptions {
  /** open without the writer lock and without writing (list, show, review) */
  readOnly?: boolean
  nativeBinding?: string
}

interface CaseRow {
  id: string
  number: string
  title: string
  cause: string
  subject_json: string
  unit: string
  timezone: string
  created_at: string
  created_by_json: string
}

/**
 * An open case folder. A writable one holds the single-writer lock until `close()`. Every change
 * goes through a method that records a custody event in the same transaction.
 */
export class CaseFile {
  private closed = false

  private constructor(
    readonly dir: string,
    readonly db: WritableDB,
    readonly readOnly: boolean,
    private readonly lock: CaseLock | null,
  ) {}

  /** Creates a case in an absent or empty folder. On any failure nothing is left behind. */
  static create(
    dirArg: string,
    fields: CaseFields,
    actor: Officer,
    clock: Clock,
    opts: OpenCaseOptions = {},
  ): CaseFile {
    const dir = resolve(dirArg)
    const layout = caseLayout(dir)
    let createdDir = false
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory())
        throw new EvidenceError(
          'case-exists',
          `${dir} is a file, not a folder. Choose an empty folder for the new case.`,
        )
      if (readdirSync(dir).length > 0) {
        throw new EvidenceError(
          'case-exists',
          existsSync(layout.db)
            ? `${dir} already holds a case. Open it instead, or choose an empty folder.`
            : `${dir} is not empty. Choose an empty or new folder for the case, so no other files mix with the evidence.`,
        )
      }
    } else {
      try {
        mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR })
      } catch (cause) {
        throw new EvidenceError('io-error', `Cannot create the case folder ${dir}.`, { cause })
      }
      createdDir = true
    }
    let lock: CaseLock | null = null
    let db: WritableDB | null = null
    try {
      // Owner-only from the first byte: evidence is not for other local users (README, "Where data lives").
      chmodSync(dir, PRIVATE_DIR)
      lock = acquireCaseLock(layout.lock, { nativeBinding: opts.nativeBinding })
      mkdirSync(layout.objects, { recursive: true, mode: PRIVATE_DIR })
      mkdirSync(layout.objectsTmp, { recursive: true, mode: PRIVATE_DIR })
      mkdirSync(layout.derived, { recursive: true, mode: PRIVATE_DIR })
      // SQLite gives its -wal and -shm files the database file's mode, so it is made 0600 first.
      closeSync(openSync(layout.db, 'wx', PRIVATE_FILE))
      db = openDatabase(layout.db, { nativeBinding: opts.nativeBinding })
      migrate(db)
      const now = clock()
      const id = randomUUID()
      const database = db
      database.transaction(() => {
        database
          .prepare(
            `INSERT INTO case_info (id, number, title, cause, subject_json, unit, timezone, created_at, created_by_json)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            fields.number,
            fields.title,
            fields.cause,
            JSON.stringify(fields.subject),
            fields.unit,
            fields.timezone,
            now.toISOString(),
            JSON.stringify(actor),
          )
        const insertOfficer = database.prepare(
          'INSERT INTO officers (position, name, cert_no) VALUES (?, ?, ?)',
        )
        fields.officers.forEach((o, i) => insertOfficer.run(i, o.name, o.certNo))
        appendCustodyEvent(database, actor, now, {
          action: 'case-created',
          details: { caseId: id, ...fields },
        })
      })()
      return new CaseFile(dir, db, false, lock)
    } catch (err) {
      db?.close()
      lock?.release()
      if (createdDir) rmSync(dir, { recursive: true, force: true })
      else for (const name of readdirSync(dir)) rmSync(resolve(dir, name), { recursive: true, force: true })
      throw err
    }
  }

  /** Opens an existing case; migrates an older schema, refuses a newer one, and clears temp files a crash left. */
  static open(dirArg: string, opts: OpenCaseOptions = {}): CaseFile {
    const dir = resolve(dirArg)
    const layout = caseLayout(dir)
    if (!existsSync(dir)) throw new EvidenceError('case-missing', `The case folder ${dir} does not exist.`)
    if (!existsSync(layout.db))
      throw new EvidenceError('case-missing', `${dir} is not a case folder (no case.sqlite in it).`)
    const readOnly = opts.readOnly ?? false
    if (!readOnly) assertWritableCase(dir)
    const lock = readOnly ? null : acquireCaseLock(layout.lock, { nativeBinding: opts.nativeBinding })
    let db: WritableDB | null = null
    try {
      db = openDatabase(layout.db, { readOnly, nativeBinding: opts.nativeBinding })
      if (readOnly) {
        const version = db.pragma('user_version', { simple: true }) as number
        if (version === 0) throw new EvidenceError('case-corrupt', `${layout.db} has no case schema.`)
        migrateCheckOnly(db, layout.db)
      } else {
        migrate(db, undefined, layout.db)
        // A crash mid-import leaves at most a temp file and never a row (rows are written after the rename).
        rmSync(layout.objectsTmp, { recursive: true, force: true })
        mkdirSync(layout.objectsTmp, { recursive: true, mode: PRIVATE_DIR })
      }
      const file = new CaseFile(dir, db, readOnly, lock)
      file.info() // fails now, not later, on a database without a case row
      return file
    } catch (err) {
      db?.close()
      lock?.release()
      throw err
    }
  }

  get layout() {
    return caseLayout(this.dir)
  }

  /** Records a custody event (and runs `change`, if given, in the same transaction). */
  record<T>(actor: Officer, at: Date, event: NewCustodyEvent, change?: () => T): T | undefined {
    this.assertWritable()
    return this.db.transaction(() => {
      const result = change?.()
      appendCustodyEvent(this.db, actor, at, event)
      return result
    })()
  }

  info(): CaseInfo {
    const row = this.db.prepare('SELECT * FROM case_info LIMIT 1').get() as CaseRow | undefined
    if (!row) throw new EvidenceError('case-corrupt', `${this.layout.db} holds no case record.`)
    const officers = (
      this.db.prepare('SELECT name, cert_no FROM officers ORDER BY position').all() as Array<{
        name: string
        cert_no: string
      }>
    ).map((o) => ({ name: o.name, certNo: o.cert_no }))
    const byKind = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, 0])) as Record<EvidenceKind, number>
    for (const r of this.db.prepare('SELECT kind, count(*) AS n FROM items GROUP BY kind').all() as Array<{
      kind: EvidenceKind
      n: number
    }>) {
      byKind[r.kind] = r.n
    }
    const check = this.db
      .prepare('SELECT checked_at, ok, problem_count FROM integrity_checks ORDER BY id DESC LIMIT 1')
      .get() as { checked_at: string; ok: number; problem_count: number } | undefined
    const integrity: IntegrityStatus | null = check
      ? { checkedAt: check.checked_at, ok: check.ok === 1, problemCount: check.problem_count }
      : null
    return {
      id: row.id,
      dir: this.dir,
      number: row.number,
      title: row.title,
      cause: row.cause,
      subject: JSON.parse(row.subject_json) as Subject,
      unit: row.unit,
      timezone: row.timezone,
      officers,
      createdAt: row.created_at,
      createdBy: JSON.parse(row.created_by_json) as Officer,
      evidenceCount: Object.values(byKind).reduce((a, b) => a + b, 0),
      evidenceByKind: byKind,
      custodyEventCount: countCustodyEvents(this.db),
      integrity,
    }
  }

  /**
   * Applies an edit; each changed field is its own custody event with the old and new value,
   * and the reason for the change when one is given.
   */
  update(edit: CaseEdit, actor: Officer, clock: Clock, opts: { reason?: string } = {}): CaseInfo {
    this.assertWritable()
    const before = this.info()
    const at = clock()
    const why = opts.reason ? { reason: opts.reason } : {}
    this.db.transaction(() => {
      const columns: Record<string, string> = {
        number: 'number',
        title: 'title',
        cause: 'cause',
        unit: 'unit',
      }
      for (const [field, column] of Object.entries(columns)) {
        const value = edit[field as keyof CaseEdit] as string | undefined
        const old = before[field as keyof CaseInfo] as string
        if (value === undefined || value === old) continue
        this.db.prepare(`UPDATE case_info SET ${column} = ?`).run(value)
        appendCustodyEvent(this.db, actor, at, {
          action: 'case-edited',
          details: { field, from: old, to: value, ...why },
        })
      }
      if (edit.subject && JSON.stringify(edit.subject) !== JSON.stringify(before.subject)) {
        this.db.prepare('UPDATE case_info SET subject_json = ?').run(JSON.stringify(edit.subject))
        appendCustodyEvent(this.db, actor, at, {
          action: 'case-edited',
          details: { field: 'subject', from: before.subject, to: edit.subject, ...why },
        })
      }
      if (edit.officers && JSON.stringify(edit.officers) !== JSON.stringify(before.officers)) {
        this.db.prepare('DELETE FROM officers').run()
        const insert = this.db.prepare('INSERT INTO officers (position, name, cert_no) VALUES (?, ?, ?)')
        edit.officers.forEach((o, i) => insert.run(i, o.name, o.certNo))
        appendCustodyEvent(this.db, actor, at, {
          action: 'case-edited',
          details: { field: 'officers', from: before.officers, to: edit.officers, ...why },
        })
      }
    })()
    return this.info()
  }

  /**
   * Changes the case's time zone (every time shown follows it). Stored instants do not change; the
   * custody log names the old and the new zone and why. A reason is required: the zone decides how
   * every capture time is read in documents and reports. No event when the zone is the same.
   */
  setTimeZone(zone: string, reason: string, actor: Officer, clock: Clock): CaseInfo {
    this.assertWritable()
    const before = this.info()
    if (!reason.trim()) throw new EvidenceError('invalid-input', 'Say why the case time zone changes.')
    if (zone === before.timezone) return before
    this.db.transaction(() => {
      this.db.prepare('UPDATE case_info SET timezone = ?').run(zone)
      appendCustodyEvent(this.db, actor, clock(), {
        action: 'case-edited',
        details: { field: 'timezone', from: before.timezone, to: zone, reason: reason.trim() },
      })
    })()
    return this.info()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    try {
      if (!this.readOnly) this.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.db.close()
      this.lock?.release()
    }
  }

  private assertWritable(): void {
    if (this.readOnly) throw new EvidenceError('not-supported', 'This case is open read-only.')
    if (this.closed) throw new EvidenceError('no-case-open', 'The case has been closed.')
  }
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * Says, before anything is taken or written, that a case may not be changed by this user (a
 * read-only folder or disk, a read-only database, an objects folder without permissions), and
 * what can still be done. Without it these surface as a "damaged database" or a raw system call.
 */
function assertWritableCase(dir: string): void {
  const layout = caseLayout(dir)
  const denied = (path: string, mode: number): boolean => {
    try {
      accessSync(path, mode)
      return false
    } catch (e) {
      return DENIED.has((e as NodeJS.ErrnoException).code ?? '')
    }
  }
  const readOnly = (what: string) =>
    new EvidenceError(
      'io-error',
      `The case folder ${dir} is read-only for you (${what}), which says nothing against the case itself. You can still look at it (evidesk list or show, or open it read-only); to change it, copy the folder to a place you may write, or ask its owner for write access.`,
    )
  if (denied(dir, constants.W_OK | constants.X_OK)) throw readOnly('the folder cannot be written')
  if (denied(layout.db, constants.R_OK | constants.W_OK)) throw readOnly(`${layout.db} cannot be written`)
  const objects = join(dir, 'objects')
  if (existsSync(objects) && denied(objects, constants.R_OK | constants.W_OK | constants.X_OK))
    throw new EvidenceError(
      'io-error',
      `The case's objects folder ${objects}, which holds the originals, cannot be opened or changed (permission denied). Give it back its owner's permissions (chmod 700 "${objects}") and try again; the originals in it are untouched.`,
    )
}

function migrateCheckOnly(db: WritableDB, file: string): void {
  // Read-only opens cannot migrate; they still refuse a newer schema with the same message.
  try {
    migrate(db, db.pragma('user_version', { simple: true }) as number, file)
  } catch (e) {
    if (e instanceof EvidenceError) throw e
  }
}
