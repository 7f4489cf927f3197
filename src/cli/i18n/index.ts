import type { UiLanguage } from '../../shared/error-words'
import { en, type CliMessages } from './en'
import { languageFromLocale } from './language'
import { zhCN } from './zh-CN'

export type { CliMessages } from './en'
export { languageFromLocale, parseLanguage } from './language'

const CATALOGUES: Record<UiLanguage, CliMessages> = { 'zh-CN': zhCN, en }

let current: UiLanguage | null = null

/** Sets the output language for this run (from --lang). */
export function setLanguage(lang: UiLanguage): void {
  current = lang
}

/** The output language: --lang, else the locale. */
export function language(): UiLanguage {
  current ??= languageFromLocale()
  return current
}

/** Human output in the output language; `--json` output never goes through here. */
export function messages(): CliMessages {
  return CATALOGUES[language()]
}
