import type { InitOptions } from 'i18next'
import type { UiLanguage as Language } from '../../../shared/error-words'
import { NAMESPACES, resources } from './resources'

/**
 * How i18next is set up, for the app (index.ts) and for the renderer's unit tests alike: every
 * namespace registered here, synchronously (resources are bundled), so the first render already
 * has its words. No fallback language: en is typed to have every key, and a fallback would mix
 * languages on one screen.
 */
export function i18nOptions(lng: Language): InitOptions {
  return {
    resources,
    ns: NAMESPACES,
    // all of them, `common` first: a `common` key needs no prefix, the others are `ns:key`
    defaultNS: NAMESPACES,
    lng,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  }
}
