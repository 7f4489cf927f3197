import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseFile } from '../../case/case-file'
import { writeFileAtomic } from '../../util/atomic-write'
import { isStalePartial } from '../bagit/partial-output'

/**
 * The case remembers where its exports write while they run (`<case>/.exports-in-progress`), so
 * the partial output of an export that was killed can be found and removed again by the next
 * export or by the integrity check, wherever it was written.
 */
function registryPath(file: CaseFile): string {
  return join(file.dir, '.exports-in-progress')
}

function read(file: CaseFile): string[] {
  try {
    const list = JSON.parse(readFileSync(registryPath(file), 'utf8')) as unknown
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : []
  } catch {
    return []
  }
}

function write(file: CaseFile, paths: string[]): void {
  if (paths.length === 0) rmSync(registryPath(file), { force: true })
  else writeFileAtomic(registryPath(file), JSON.stringify(paths) + '\n', 0o600)
}

export function registerPartialExport(file: CaseFile, tempPath: string): void {
  write(file, [...read(file).filter((p) => p !== tempPath), tempPath])
}

export function unregisterPartialExport(file: CaseFile, tempPath: string): void {
  write(
    file,
    read(file).filter((p) => p !== tempPath),
  )
}

/**
 * Removes the partial output of this case's exports that were killed (their process has ended);
 * forgets entries whose output is gone. Returns the paths removed. Never throws.
 */
export function removeStalePartialExports(file: CaseFile): string[] {
  const removed: string[] = []
  const keep: string[] = []
  for (const path of read(file)) {
    if (!existsSync(path)) continue
    if (!isStalePartial(path)) {
      keep.push(path)
      continue
    }
    try {
      rmSync(path, { recursive: true, force: true })
      removed.push(path)
    } catch {
      keep.push(path)
    }
  }
  if (!file.readOnly) {
    try {
      write(file, keep)
    } catch {
      // a read-only case folder: the removal itself is what mattered
    }
  }
  return removed
}
