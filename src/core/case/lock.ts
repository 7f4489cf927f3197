import Database from 'better-sqlite3'
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { EvidenceError } from '../errors'

export interface LockOwner {
  pid: number
  host: string
  since: string
  app: string
  /** "os": the holder also holds the OS lock, so this file only names it (absent in older versions) */
  lock?: 'os'
}

export interface CaseLock {
  readonly path: string
  release(): void
}

export interface LockOptions {
  app?: string
  /** better-sqlite3 binary for another ABI (the Electron main process) */
  nativeBinding?: string
}

/** The OS lock beside the owner file: `<case>/.lock` → `<case>/.lock.sqlite`. */
export function osLockPath(ownerPath: string): string {
  return `${ownerPath}.sqlite`
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as LockOwner) : null
  } catch {
    return null
  }
}

function lockedError(owner: LockOwner | null, ownerPath: string): EvidenceError {
  const where = !owner
    ? 'another process'
    : owner.host === hostname()
      ? `process ${owner.pid}, since ${owner.since}`
      : `process ${owner.pid} on ${owner.host}, since ${owner.since}`
  return new EvidenceError(
    'case-locked',
    `The case is open in another window or program (${where}). Close it there first.`,
    { detail: `lock file: ${ownerPath}` },
  )
}

/**
 * An owner file that still binds us although we hold the OS lock: one written by an older
 * version (which knew no OS lock) for a live process here, or any lock from another machine
 * (a shared drive may not carry OS locks between machines, so it is never assumed stale).
 */
function ownerStillHolds(owner: LockOwner | null): boolean {
  if (!owner) return false
  if (owner.host !== hostname()) return true
  return owner.lock !== 'os' && owner.pid !== process.pid && isAlive(owner.pid)
}

/**
 * Takes the case's single-writer lock. The lock itself is an OS lock: a write transaction held
 * open on `<case>/.lock.sqlite` (fcntl or LockFileEx underneath, through SQLite). The kernel grants
 * it to one process atomically and drops it when that process ends, however it ends, so there is
 * no stale lock to judge and no window in which two writers both think they hold it.
 * `<case>/.lock` (0600) then names the holder for the message others get. Throws
 * EvidenceError('case-locked') naming the holder, or 'io-error' when the lock cannot be created.
 */
export function acquireCaseLock(ownerPath: string, opts: LockOptions = {}): CaseLock {
  let db: Database.Database
  try {
    // created owner-only before SQLite opens it (which would use 0644)
    closeSync(openSync(osLockPath(ownerPath), 'a', 0o600))
    db = new Database(osLockPath(ownerPath), {
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    })
  } catch (cause) {
    throw new EvidenceError('io-error', `Cannot create the lock file ${osLockPath(ownerPath)}.`, { cause })
  }
  try {
    // Never wait: a held lock is an answer, not a reason to hang. No journal file: nothing is written.
    db.pragma('busy_timeout = 0')
    db.pragma('journal_mode = MEMORY')
    db.exec('BEGIN IMMEDIATE')
  } catch (cause) {
    db.close()
    if ((cause as { code?: string }).code === 'SQLITE_BUSY')
      throw lockedError(readOwner(ownerPath), ownerPath)
    throw new EvidenceError('io-error', `Cannot take the lock ${osLockPath(ownerPath)}.`, { cause })
  }
  const previous = readOwner(ownerPath)
  if (ownerStillHolds(previous)) {
    db.exec('ROLLBACK')
    db.close()
    throw lockedError(previous, ownerPath)
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    app: opts.app ?? 'evidence-desk',
    lock: 'os',
  }
  try {
    const tmp = `${ownerPath}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(owner), { mode: 0o600 })
    renameSync(tmp, ownerPath)
  } catch (cause) {
    db.exec('ROLLBACK')
    db.close()
    throw new EvidenceError('io-error', `Cannot write the lock file ${ownerPath}.`, { cause })
  }
  let released = false
  return {
    path: ownerPath,
    release() {
      if (released) return
      released = true
      // The owner file goes first, while the OS lock still keeps everyone else out. The lock
      // database stays: deleting it would let one process lock the old file and another a new one.
      const current = readOwner(ownerPath)
      if (current && current.pid === owner.pid && current.since === owner.since)
        rmSync(ownerPath, { force: true })
      try {
        db.exec('ROLLBACK')
      } finally {
        db.close()
      }
    },
  }
}
