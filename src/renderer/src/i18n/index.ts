import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/error-words'
import { NAMESPACES, resources } from './resources'

export const LANGUAGES = UI_LANGUAGES
export type Language = UiLanguage

const STORAGE_KEY = 'evidesk.language'

/** The remembered choice; zh-CN unless English was picked before. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    // storage can be unavailable (privacy settings); the default is still usable
    return 'zh-CN'
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not remembered, but the switch still applies for this session
  }
}

export function asLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN'
}

// Synchronous init (resources are bundled), so the first render already has its words. Every
// namespace is registered here and nowhere else (resources.ts).
// No fallback language: en is typed to have every key, and a fallback would mix languages.
void i18n.use(initReactI18next).init({
  resources,
  ns: NAMESPACES,
  // all of them, `common` first: a `common` key needs no prefix, the others are `ns:key`
  defaultNS: NAMESPACES,
  lng: storedLanguage(),
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
})

export { i18n }
