import { createHash, randomBytes } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, join } from 'node:path'

/**
 * Names for a bag being written (".<name>.partial-<host>-<pid>-<random>") that say who writes it,
 * so a partial left by a process that was killed can be told from one still being written, and
 * removed later (issue 11, item 14). The host tag keeps a shared drive's other machines out of it.
 */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8)
const PARTIAL = /^\..+\.partial-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}$/

export function partialSuffix(): string {
  return `${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True for a partial bag of ours, made on this machine, by a process that has ended. */
export function isStalePartial(path: string): boolean {
  const m = PARTIAL.exec(basename(path))
  return m !== null && m[1] === HOST_TAG && Number(m[2]) !== process.pid && !isAlive(Number(m[2]))
}

/** Removes the stale partial bags in a folder (see isStalePartial); returns their paths. Never throws. */
export async function removeStalePartials(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const path = join(dir, name)
    if (!isStalePartial(path)) continue
    await rm(path, { recursive: true, force: true }).then(
      () => removed.push(path),
      () => undefined,
    )
  }
  return removed
}
