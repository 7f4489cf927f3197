import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

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

// Synchronous init (resources are bundled), so the first render already has its words.
// No fallback language: en.ts is typed to have every key, and a fallback would mix languages.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
})

export { i18n }
