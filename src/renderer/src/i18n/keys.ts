import type { ParseKeys, TFunction } from 'i18next'

/**
 * Any message key of the interface: `common` keys as they are (`custody.title`), the others with
 * their namespace (`thermal:tools.spot`). A table that maps codes to words is typed
 * `Record<Code, MessageKey>`, so a key missing from the bundles does not compile.
 */
export type MessageKey = ParseKeys

/**
 * A message with its `{{placeholders}}` left in, for `interpolateNodes` to fill with React
 * nodes (user data keeps its own markup).
 */
export function template(t: TFunction, key: MessageKey): string {
  return t(key, { skipInterpolation: true })
}
