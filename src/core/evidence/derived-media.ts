import { isAbsolute, relative, resolve } from 'node:path'
import { derivedMime } from '../../shared/kinds'
import type { DerivedRole, EvidenceKind } from '../../shared/types'
import type { ReadableDB } from '../db/database'
import { derivedPath } from './item-repository'

/**
 * The file behind a derived media role of an item (thumbnail, preview, poster, proxy, thermal,
 * visible, …) and the MIME type its kind serves it as, only when the case records it and it
 * lies inside the case folder.
 */
export function derivedMediaFile(
  dir: string,
  db: ReadableDB,
  item: { id: string; kind: EvidenceKind },
  role: DerivedRole,
): { path: string; mime: string } | null {
  const mime = derivedMime(item.kind, role)
  if (!mime) return null
  const rel = derivedPath(db, item.id, role)
  if (!rel) return null
  const full = resolve(dir, rel)
  const inside = relative(dir, full)
  if (inside.startsWith('..') || isAbsolute(inside)) return null
  return { path: full, mime }
}
