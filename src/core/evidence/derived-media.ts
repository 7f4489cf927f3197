import { isAbsolute, relative, resolve } from 'node:path'
import type { DerivedRole } from '../../shared/types'
import type { ReadableDB } from '../db/database'
import { derivedPath } from './item-repository'

/**
 * The file behind a derived media role of an item (thumbnail, preview, poster, proxy, thermal,
 * visible), only when the case records it and it lies inside the case folder.
 */
export function derivedMediaFile(
  dir: string,
  db: ReadableDB,
  itemId: string,
  role: DerivedRole,
): { path: string; mime: string } | null {
  const rel = derivedPath(db, itemId, role)
  if (!rel) return null
  const full = resolve(dir, rel)
  const inside = relative(dir, full)
  if (inside.startsWith('..') || isAbsolute(inside)) return null
  const mime = role === 'proxy' ? 'video/mp4' : role === 'thermal' ? 'application/octet-stream' : 'image/jpeg'
  return { path: full, mime }
}
