#!/usr/bin/env node
/**
 * `evidesk`: the command line over the same core as the app (see ../shared/CLI.md).
 *
 * This entry is kept small: a request for help is answered from the command list alone, before
 * the messages, the error reporting and their schemas load (they doubled the start-up of
 * `evidesk --help`). Everything else goes to run.ts.
 */
import { EXIT_CANNOT_RUN } from './exit-codes'
import { HELP } from './i18n/help'
import type { UiLanguage } from '../shared/error-words'
import { languageFromLocale, splitLanguage } from './i18n/language'

/**
 * The language of a request for help, or null when the arguments are not one: the first word
 * left once `--lang` is taken out is absent, `help`, `--help` or `-h`. An unreadable `--lang`
 * is not answered here: run.ts reports it.
 */
function helpRequest(argv: string[]): { lang: UiLanguage; command: string | undefined } | null {
  const { rest, lang, bad } = splitLanguage(argv)
  const command = rest[0]
  if (bad !== undefined) return null
  if (command !== undefined && command !== 'help' && command !== '--help' && command !== '-h') return null
  return { lang: lang ?? languageFromLocale(), command }
}

const argv = process.argv.slice(2)
const help = helpRequest(argv)
if (help) {
  // human output goes to stderr, as all of it does; stdout is for --json
  process.stderr.write(HELP[help.lang] + '\n')
  process.exitCode = help.command ? 0 : EXIT_CANNOT_RUN
} else {
  const { run } = await import('./run')
  process.exitCode = await run(argv).catch((err: unknown) => {
    process.stderr.write(String(err) + '\n')
    return EXIT_CANNOT_RUN
  })
}
