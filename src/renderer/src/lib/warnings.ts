import type { TFunction } from 'i18next'
import type { ItemWarning } from '../../../shared/types'
import { warningKey } from './message-maps'

/**
 * A warning in plain words of the interface language. Codes this version does not know keep the
 * backend's own (English) message rather than being hidden: a warning must never disappear.
 */
export function warningText(w: ItemWarning, t: TFunction): string {
  const key = warningKey(w.code)
  return key ? t(key) : w.message
}
