import Database from 'better-sqlite3'
import { accessSync, constants } from 'node:fs'
import { dirname } from 'node:path'
import { EvidenceError } from '../errors'
import { isEvidenceKind } from '../../shared/kinds'
import { categoryOfStored } from '../../shared/kinds/category'

/**
 * Branded handles keep write paths visible: a function that takes `WritableDB` may change the
 * case; one that takes `ReadableDB` promises not to.
 */
export type ReadableDB = Database.Database & { readonly __readable: unique symbol }
export type WritableDB = ReadableDB & { readonly __writable: unique symbol }

export interface OpenDbOptions {
  readOnly?: boolean
  /**
   * Path of a better-sqlite3 binary built for another ABI. The Electron main process passes an
   * Electron-ABI build here so the Node build that tests and the CLI use is never replaced.
   */
  nativeBinding?: string
}

/**
 * SQLite's refusals that come from permissions, not from damage: a read-only database, or a
 * read-only folder in which even a reader must create case.sqlite-shm (WAL mode). Said as such.
 */
function notWritable(file: string, cause: unknown): EvidenceError | null {
  const code = String((cause as { code?: unknown })?.code ?? '')
  let folderWritable = true
  try {
    accessSync(dirname(file), constants.W_OK)
  } catch {
    folderWritable = false
  }
  if (!code.startsWith('SQLITE_READONLY') && !(code === 'SQLITE_CANTOPEN' && !folderWritable)) return null
  return new EvidenceError(
    'io-error',
    folderWritable
      ? `The case database ${file} is read-only for you, which says nothing against the case itself. To change the case, ask its owner for write access or copy the folder to a place you may write.`
      : `The case folder ${dirname(file)} is read-only for you, which says nothing against the case itself; SQLite must write a small index file (case.sqlite-shm) beside the database even to read it. Copy the folder to a place you may write to look at it or change it.`,
    { cause },
  )
}

/** Opens (or, when writable and absent, creates) a SQLite file with the case's pragmas; errors name the file. */
export function openDatabase(file: string, opts: OpenDbOptions = {}): WritableDB {
  let db: Database.Database
  try {
    db = new Database(file, {
      readonly: opts.readOnly ?? false,
      fileMustExist: opts.readOnly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    })
  } catch (cause) {
    throw (
      notWritable(file, cause) ??
      new EvidenceError('case-corrupt', `Cannot open the case database ${file}.`, { cause })
    )
  }
  try {
    if (!opts.readOnly) {
      db.pragma('journal_mode = WAL')
      // Evidence records must survive a power cut once the call returns.
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Savepoint and statement journals in memory, not in files under /var/tmp: an import records
    // each file in a savepoint of a larger transaction, and their journals were 20 writes per file
    // (more than the database itself). They hold the pages one transaction changes: kilobytes.
    db.pragma('temp_store = MEMORY')
    // An item's display category, by the one shared rule: the library's filter asks SQL for it, and
    // items recorded before categories were stored are classified here as they are on read.
    db.function(
      'item_category',
      { deterministic: true },
      (kind: unknown, meta: unknown, device: unknown, derived: unknown) =>
        categoryOfStored(
          isEvidenceKind(kind) ? kind : 'other',
          typeof meta === 'string' ? meta : null,
          typeof device === 'string' ? device : null,
          typeof derived === 'string' ? derived : null,
        ),
    )
    // A truncated or overwritten file often opens fine and only fails on the first read of a
    // missing page, so read every page now rather than fail later in the middle of work.
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
  } catch (cause) {
    db.close()
    const denied = notWritable(file, cause)
    if (denied) throw denied
    throw new EvidenceError(
      'case-corrupt',
      `The case database ${file} is damaged (${cause instanceof Error ? cause.message : String(cause)}). Restore it from a backup; the original evidence files under objects/ are untouched.`,
      { cause },
    )
  }
  return db as WritableDB
}
