/**
 * Pictures an import leaves to be made the first time someone looks (an image's 1600 px
 * preview, `DerivedStatus` 'on-request'): made from the stored original by the kind's module,
 * recorded as ready (or failed, with the reason), and served. Two requests for the same picture
 * wait for one making; at most one picture per core is made at once, so scrolling a library
 * of photos cannot start hundreds of decodes.
 */
import { cpus } from 'node:os'
import { relative } from 'node:path'
import type { DerivedRole, EvidenceItem } from '../../shared/types'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { toApiError } from '../errors'
import { limiter } from '../util/limiter'
import { setDerived } from './item-repository'
import { kindModule } from './kinds/registry'

const making = new Map<string, Promise<string | null>>()
const makers = limiter(Math.max(1, cpus().length))

/**
 * The path of an item's picture made now because it was asked for; null when the item has no
 * such picture waiting (or the case cannot record it: opened read-only), or it could not be made.
 */
export function pictureOnRequest(
  file: CaseFile,
  item: Pick<EvidenceItem, 'id' | 'kind' | 'sha256' | 'derived'>,
  role: DerivedRole,
): Promise<string | null> {
  if (file.readOnly || item.derived[role] !== 'on-request') return Promise.resolve(null)
  const make = kindModule(item.kind).pictures?.makeOnRequest
  if (!make) return Promise.resolve(null)
  const key = `${file.dir}\0${item.id}\0${role}`
  let made = making.get(key)
  if (!made) {
    made = makers(1, async () => {
      let path: string | null = null
      let failure: string | null = null
      try {
        path = await make(role, objectPath(file.dir, item.sha256), derivedDir(file.dir, item.sha256))
      } catch (e) {
        failure = toApiError(e).message
      }
      try {
        if (path) setDerived(file.db, item.id, role, 'ready', relative(file.dir, path))
        else setDerived(file.db, item.id, role, 'failed', null, failure)
      } catch {
        // the case was closed meanwhile: it still says 'on-request', and the next look makes it again
        return null
      }
      return path
    }).finally(() => making.delete(key))
    making.set(key, made)
  }
  return made
}
