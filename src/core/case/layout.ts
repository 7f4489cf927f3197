import { join } from 'node:path'

/** Where each part of a case lives inside its folder (see ARCHITECTURE.md). */
export function caseLayout(dir: string) {
  return {
    dir,
    db: join(dir, 'case.sqlite'),
    lock: join(dir, '.lock'),
    objects: join(dir, 'objects', 'sha256'),
    /** temp files for objects being written: same file system as objects/, so rename is atomic */
    objectsTmp: join(dir, 'objects', '.tmp'),
    derived: join(dir, 'derived'),
  }
}

/** objects/sha256/ab/cd/<sha256> */
export function objectPath(dir: string, sha256: string): string {
  return join(caseLayout(dir).objects, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
}

export function derivedDir(dir: string, sha256: string): string {
  return join(caseLayout(dir).derived, sha256)
}
