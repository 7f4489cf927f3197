import { UI_LANGUAGES, type UiLanguage } from '../../shared/error-words'

/**
 * The language of human output: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG, as POSIX
 * orders them), else the runtime's own locale (Windows and macOS set no LANG). Chinese locales
 * give zh-CN, every other one English.
 */
export function languageFromLocale(env: NodeJS.ProcessEnv = process.env): UiLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]
    if (!value) continue
    // C and POSIX say nothing about a language; let the next source decide
    if (/^(C|POSIX)([._@]|$)/i.test(value)) break
    return /^zh/i.test(value) ? 'zh-CN' : 'en'
  }
  const runtime = Intl.DateTimeFormat().resolvedOptions().locale
  return /^zh/i.test(runtime) ? 'zh-CN' : 'en'
}

export function parseLanguage(text: string): UiLanguage | null {
  const found = UI_LANGUAGES.find((l) => l.toLowerCase() === text.trim().toLowerCase())
  if (found) return found
  if (/^zh([-_]|$)/i.test(text.trim())) return 'zh-CN'
  if (/^en([-_]|$)/i.test(text.trim())) return 'en'
  return null
}
