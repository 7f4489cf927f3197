import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Officer } from '../shared/types'
import { toApiError } from '../core/errors'
import { AppData, defaultDataDir } from '../core/profile/app-data'
import { cliActor } from '../core/api/backend'

export const EXIT_OK = 0
/** completed, but something is wrong (a rejected file, a failed verification) */
export const EXIT_PROBLEMS = 1
/** could not run: bad arguments, case missing or locked, package unreadable */
export const EXIT_CANNOT_RUN = 2

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
    throw new UsageError(`${(e as Error).message}\nusage: ${usage}`)
  }
}

/** "张三:3201001" → officer; the certificate number may itself not contain a colon. */
export function parseOfficer(text: string): Officer {
  const i = text.lastIndexOf(':')
  const name = i > 0 ? text.slice(0, i).trim() : ''
  const certNo = i > 0 ? text.slice(i + 1).trim() : ''
  if (!name || !certNo) throw new UsageError(`officer "${text}" must be written as "<name>:<cert-no>"`)
  return { name, certNo }
}

export function appData(): AppData {
  return new AppData(defaultDataDir())
}

export function actorFrom(explicit: string | undefined): Officer {
  return cliActor(appData(), explicit ? parseOfficer(explicit) : undefined)
}

/** People read stderr; programs read stdout. */
export function say(line: string): void {
  process.stderr.write(line + '\n')
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

/** An error as the exit code and the words the contract asks for. */
export function reportError(err: unknown, json: boolean): number {
  if (err instanceof UsageError) {
    say(`evidesk: ${err.message}`)
    if (json) printJson({ error: { code: 'invalid-input', message: err.message } })
    return EXIT_CANNOT_RUN
  }
  const apiError = toApiError(err)
  say(`evidesk: ${apiError.message}`)
  for (const f of apiError.fields ?? []) say(`  ${f.path}: ${f.code}`)
  if (apiError.code === 'internal' && apiError.detail) say(apiError.detail)
  if (json) printJson({ error: apiError })
  return EXIT_CANNOT_RUN
}

/** A progress line that rewrites itself, only when a person is watching stderr. */
export function progressLine(text: string): void {
  if (!process.stderr.isTTY) return
  process.stderr.write(`\r\x1b[K${text}`)
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
}
