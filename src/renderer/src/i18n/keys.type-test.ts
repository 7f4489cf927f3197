/**
 * Compile-time checks of the typed keys, run by `tsc -p tsconfig.web.json` (never imported): each
 * `@ts-expect-error` must stay an error, so if key checking ever stopped (CustomTypeOptions lost,
 * a namespace unregistered) this file would stop compiling.
 */
import type { TFunction } from 'i18next'
import type { MessageKey } from './keys'

export function keyTypeChecks(t: TFunction): string[] {
  const ok: MessageKey[] = ['custody.title', 'thermal:tools.spot', 'integrity.bad', 'errors.read-only.title']
  const anyString: string = ok[0]
  // @ts-expect-error -- a key the bundles lack
  void t('app.nonexistent')
  // @ts-expect-error -- a namespace's key without its namespace
  void t('tools.spot')
  // @ts-expect-error -- a `common` key under a namespace that does not hold it
  void t('thermal:custody.title')
  // @ts-expect-error -- any string is not a key
  void t(anyString)
  return [...ok.map((k) => t(k)), t('app.name'), t('timeline:units.day', { count: 2 })]
}
