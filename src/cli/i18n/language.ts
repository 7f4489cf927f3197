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

/**
 * `--lang zh-CN|en` (or `--lang=…`) taken out of the arguments, wherever it stands before `--`
 * (which stays, with all after it). `lang` is the last one given; `bad` the text of the first one
 * that names no language (a missing value reads as "").
 */
export function splitLanguage(argv: string[]): { rest: string[]; lang?: UiLanguage; bad?: string } {
  const rest: string[] = []
  let lang: UiLanguage | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    const inline = arg.startsWith('--lang=') ? arg.slice('--lang='.length) : null
    if (arg !== '--lang' && inline === null) {
      rest.push(arg)
      continue
    }
    const value = inline ?? argv[++i]
    const named = value === undefined ? null : parseLanguage(value)
    if (!named) return { rest, bad: value ?? '' }
    lang = named
  }
  return { rest, lang }
}
