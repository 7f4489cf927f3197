import { randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh temp folder per test, removed afterwards (read-only files included). */
export function tempDir(prefix = 'evidesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A clock that starts at a fixed instant and advances one second per call. */
export function fixedClock(startIso = '2026-05-24T01:00:00.000Z'): () => Date {
  let t = Date.parse(startIso)
  return () => new Date((t += 1000))
}

/** A file of `bytes` random bytes, written in 4 MiB blocks (never held in memory whole). */
export function randomFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w')
  const block = randomBytes(4 << 20)
  for (let done = 0; done < bytes; done += block.length)
    writeSync(fd, block, 0, Math.min(block.length, bytes - done))
  closeSync(fd)
}
