import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/error-words'
import { i18nOptions } from './options'

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

void i18n.use(initReactI18next).init(i18nOptions(storedLanguage()))

export { i18n }
