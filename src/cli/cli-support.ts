import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Officer, Profile } from '../shared/types'
import { ERROR_WORDS, fieldErrorWords } from '../shared/error-words'
import { formatLocalWithOffset, systemTimeZone, zoneOffsetMinutes } from '../shared/time-zone'
import { escapeControls } from '../shared/printable-text'
import { EvidenceError, toApiError } from '../core/errors'
import { AppData, defaultDataDir } from '../core/profile/app-data'
import { language, messages } from './i18n'

import { EXIT_CANNOT_RUN } from './exit-codes'

export { EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS } from './exit-codes'

/** Bad arguments; the message is already in the output language. */
export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs with our usage errors; every command accepts --json. */
export function parse<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    throw new UsageError(messages().badArguments((e as Error).message, usage))
  }
}

/** "张三:3201001" → officer; the certificate number may itself not contain a colon. */
export function parseOfficer(text: string): Officer {
  const i = text.lastIndexOf(':')
  const name = i > 0 ? text.slice(0, i).trim() : ''
  const certNo = i > 0 ? text.slice(i + 1).trim() : ''
  if (!name || !certNo) throw new UsageError(messages().officerFormat(text))
  return { name, certNo }
}

export function appData(): AppData {
  return new AppData(defaultDataDir())
}

/**
 * Who a command-line run acts as: an explicit --actor, else the saved profile. Never the OS user:
 * custody events name an officer, and they travel in packages (issue 11, item 18).
 */
export function actorFrom(explicit: string | undefined): Officer {
  if (explicit) return parseOfficer(explicit)
  const data = appData()
  const p = data.profile()
  if (p) return { name: p.name, certNo: p.certNo }
  throw new EvidenceError(
    'no-profile',
    `No officer profile in ${data.dir}, and no --actor "<name>:<cert-no>": custody records name the officer who did the work. Save one with "evidesk profile set --name … --cert … --unit …" (or in the app), or pass --actor.`,
  )
}

/**
 * The saved profile, or the error that says how to make one. Here rather than in
 * commands/profile.ts: that module brings the input schemas of shared/api.ts (~20 ms of zod
 * schemas built at load), which export and key need none of.
 */
export function requireProfile(data: AppData): Profile {
  const profile = data.profile()
  if (!profile)
    throw new EvidenceError(
      'no-profile',
      `No officer profile in ${data.dir}. Save one with "evidesk profile set --name … --cert … --unit …" (or in the app), or set EVIDESK_DATA_DIR to the folder that holds it.`,
    )
  return profile
}

/** An instant as this machine's wall time with its offset ("2026-12-03 17:26:12 +08:00"), never bare UTC. */
export function localTime(iso: string, zone: string = systemTimeZone()): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatLocalWithOffset(iso, zoneOffsetMinutes(zone, ms))
}

/**
 * People read stderr; programs read stdout. Control characters are escaped line by line, so
 * nothing printed can drive the terminal; text from strangers (names, package paths) goes
 * through `printable` first, which escapes line breaks too.
 */
export function say(line: string): void {
  process.stderr.write(line.split('\n').map(escapeControls).join('\n') + '\n')
}

/** A name or message from outside (a file name, a path in a package) as one printable line. */
export const printable = escapeControls

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

/** The option that sets each form field, so an error names what the user typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  name: '--name',
  certNo: '--cert',
  unit: '--unit',
  number: '--number',
  title: '--title',
  cause: '--cause',
  'subject.name': '--subject',
  'subject.creditCode': '--credit-code',
  'subject.address': '--address',
  'subject.legalRep': '--legal-rep',
  officers: '--officer',
  timezone: '--timezone',
  device: '<device>',
  offset: '--offset',
  checked: '--checked',
  against: '--against',
  facts: '--description',
  place: '--place',
  basis: '--basis',
  occurredFrom: '--from',
  occurredTo: '--to',
  status: '--status',
  reason: '--reason',
}

function flagOf(path: string): string | undefined {
  if (FLAG_OF_FIELD[path]) return FLAG_OF_FIELD[path]
  const [head] = path.split('.')
  return FLAG_OF_FIELD[head]
}

/**
 * An error as the exit code and words: the error code's title and advice in the output
 * language, each bad field by its option, and core's own message (English, naming the file)
 * as the technical detail. `--json` also prints `{ "error": … }` on stdout, unchanged by language.
 */
export function reportError(err: unknown, json: boolean): number {
  const m = messages()
  if (err instanceof UsageError) {
    say(`evidesk: ${err.message}`)
    // one line: after NDJSON (import --json) the error must be one more line, not a block
    if (json)
      process.stdout.write(JSON.stringify({ error: { code: 'invalid-input', message: err.message } }) + '\n')
    return EXIT_CANNOT_RUN
  }
  const apiError = toApiError(err)
  const words = ERROR_WORDS[language()][apiError.code] ?? ERROR_WORDS[language()].internal
  say(m.errorHeadline(words.title, words.action))
  for (const f of apiError.fields ?? [])
    say(m.fieldProblem(m.fieldName(f.path, flagOf(f.path)), fieldErrorWords(f.code, language())))
  say(m.errorDetail(printable(apiError.message)))
  if (apiError.code === 'internal' && apiError.detail) say(apiError.detail)
  if (json) process.stdout.write(JSON.stringify({ error: apiError }) + '\n')
  return EXIT_CANNOT_RUN
}

/**
 * Stops long work on the first Ctrl+C (or SIGTERM) through the returned signal, so the work
 * cleans up as cancel does in the app; a second one exits at once. Call `release` when done.
 */
export function cancelOnInterrupt(onFirst: () => void): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController()
  const handler = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      say(messages().interruptedTwice)
      process.exit(128 + (sig === 'SIGINT' ? 2 : 15))
    }
    onFirst()
    controller.abort()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    },
  }
}
