import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { acquireCaseLock } from '../../src/core/case/lock'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir()))
afterEach(() => tmp.cleanup())

describe('single-writer case lock', () => {
  it('a second writer is refused while the first holds the lock, and may take it after release', () => {
    const path = join(tmp.dir, '.lock')
    const first = acquireCaseLock(path)
    expect(() => acquireCaseLock(path)).toThrow(new RegExp(`process ${process.pid}`))
    first.release()
    expect(existsSync(path)).toBe(false)
    acquireCaseLock(path).release()
  })

  it('takes over a stale lock left by a process that has died', async () => {
    const path = join(tmp.dir, '.lock')
    const child = spawn(process.execPath, ['-e', ''])
    const deadPid = child.pid!
    await new Promise((r) => child.on('exit', r))
    writeFileSync(
      path,
      JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z', app: 'evidence-desk' }),
    )
    const lock = acquireCaseLock(path)
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('names the live holder, and never assumes a lock from another machine is stale', () => {
    const path = join(tmp.dir, '.lock')
    writeFileSync(
      path,
      JSON.stringify({
        pid: 999999,
        host: 'other-workstation',
        since: '2026-01-01T00:00:00Z',
        app: 'evidence-desk',
      }),
    )
    expect(() => acquireCaseLock(path)).toThrow(/process 999999 on other-workstation/)
  })

  it('treats an empty lock file (a crash while writing it) as stale', () => {
    const path = join(tmp.dir, '.lock')
    writeFileSync(path, '')
    acquireCaseLock(path).release()
  })
})
