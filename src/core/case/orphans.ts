import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ReadableDB } from '../db/database'
import { caseLayout } from './layout'

export interface OrphanObject {
  sha256: string
  size: number
}

const HEX2 = /^[0-9a-f]{2}$/
const SHA256 = /^[0-9a-f]{64}$/

/**
 * Objects in the store that no item records: what an import leaves when it copied a file but the
 * database could not record it (a full disk, a crash between the two before this version). They
 * are not evidence of the case; `check` names them and removes them only when asked. Sorted.
 */
export function findOrphanObjects(dir: string, db: ReadableDB): OrphanObject[] {
  const root = caseLayout(dir).objects
  const known = new Set(
    (db.prepare('SELECT sha256 FROM items').all() as Array<{ sha256: string }>).map((r) => r.sha256),
  )
  const list = (d: string): string[] => {
    try {
      return readdirSync(d)
    } catch {
      return []
    }
  }
  const out: OrphanObject[] = []
  for (const a of list(root).filter((n) => HEX2.test(n)))
    for (const b of list(join(root, a)).filter((n) => HEX2.test(n)))
      for (const name of list(join(root, a, b))) {
        if (!SHA256.test(name) || !name.startsWith(a + b) || known.has(name)) continue
        try {
          const st = statSync(join(root, a, b, name))
          if (st.isFile()) out.push({ sha256: name, size: st.size })
        } catch {
          // gone meanwhile
        }
      }
  return out.sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1))
}

/** Removes the given orphans; returns those removed (a file that cannot be removed stays listed as not removed). */
export function removeOrphanObjects(dir: string, orphans: OrphanObject[]): OrphanObject[] {
  const root = caseLayout(dir).objects
  const removed: OrphanObject[] = []
  for (const o of orphans) {
    try {
      rmSync(join(root, o.sha256.slice(0, 2), o.sha256.slice(2, 4), o.sha256))
      removed.push(o)
    } catch {
      // left for the next check to name again
    }
  }
  return removed
}
