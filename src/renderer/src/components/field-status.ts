import type { TFunction } from 'i18next'
import type { FieldErrorMap } from '../lib/errors'
import { fieldErrorText } from '../lib/message-maps'

/** Form.Item props that show a field's error code, translated, right under that field. */
export function fieldStatus(
  errors: FieldErrorMap,
  path: string,
  t: TFunction,
): { validateStatus?: 'error'; help?: string } {
  const code = errors[path]
  if (!code) return {}
  return {
    validateStatus: 'error',
    help: fieldErrorText(code, t),
  }
}
