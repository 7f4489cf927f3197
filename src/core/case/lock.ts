import { closeSync, openSync, readFileSync, rmSync, writeSync, fsyncSync } from 'node:fs'
import { hostname } from 'node:os'
import { EvidenceError } from '../errors'

export interface LockOwner {
  pid: number
  host: string
  since: string
  app: string
}

export interface CaseLock {
  readonly path: string
  release(): void
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

/**
 * Takes the case's single-writer lock (`<case>/.lock`, created exclusively). A lock left by a
 * process that has died on this machine is stale and taken over; a live holder is named in the
 * error. A lock from another machine (a shared drive) is never assumed stale.
 */
export function acquireCaseLock(lockPath: string, app = 'evidence-desk'): CaseLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(lockPath, 'wx', 0o644)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new EvidenceError('io-error', `Cannot create the lock file ${lockPath}.`, { cause: e })
      }
      const owner = readOwner(lockPath)
      const stale = owner === null || (owner.host === hostname() && !isAlive(owner.pid))
      if (!stale) {
        const where =
          owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`
        throw new EvidenceError(
          'case-locked',
          `The case is open in another window or program (${where}, since ${owner.since}). Close it there first.`,
          { detail: `lock file: ${lockPath}` },
        )
      }
      rmSync(lockPath, { force: true })
      continue
    }
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app }
    writeSync(fd, JSON.stringify(owner))
    fsyncSync(fd)
    closeSync(fd)
    return {
      path: lockPath,
      release() {
        // Only remove a lock that is still ours.
        const current = readOwner(lockPath)
        if (current && current.pid === owner.pid && current.since === owner.since)
          rmSync(lockPath, { force: true })
      },
    }
  }
  throw new EvidenceError(
    'case-locked',
    `Could not take the lock ${lockPath}; another program keeps taking it.`,
  )
}
