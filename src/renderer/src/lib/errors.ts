import type { ApiError } from '../../../shared/errors'
import { ApiCallError } from '../api'

/** dotted field path ("subject.creditCode", "officers.1.certNo") → field error code ("credit-code-check-digit") */
export type FieldErrorMap = Record<string, string>

/** Any thrown value as an ApiError, so every failure is shown the same way. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error
  return {
    code: 'internal',
    message: err instanceof Error ? err.message : String(err),
    detail: err instanceof Error ? err.stack : undefined,
  }
}

// Our schemas put translation keys in their messages; zod's own messages are prose.
const OUR_CODES = /^[a-z][a-z0-9-]+$/

interface IssueLike {
  path: PropertyKey[]
  message: string
  code: string
}

/** zod issues from a client-side safeParse → one code per field (the first issue wins). */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    const code = OUR_CODES.test(issue.message) ? issue.message : 'invalid'
    out[path] ??= code
  }
  return out
}

/**
 * Field errors the backend returned. Its paths are relative to the whole request
 * ("fields.subject.creditCode"); `prefix` strips the request wrapper so they match the form.
 */
export function apiFieldErrors(error: ApiError, prefix = ''): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const f of error.fields ?? []) {
    const path = prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path
    out[path] ??= f.code
  }
  return out
}

/** Removes the errors of fields the user has just changed (and of their parents and children). */
export function clearFieldErrors(errors: FieldErrorMap, changedPaths: string[]): FieldErrorMap {
  const next: FieldErrorMap = {}
  for (const [path, code] of Object.entries(errors)) {
    const touched = changedPaths.some(
      (c) => path === c || path.startsWith(`${c}.`) || c.startsWith(`${path}.`),
    )
    if (!touched) next[path] = code
  }
  return next
}

/** Dotted paths of every leaf in an antd `onValuesChange` diff. */
export function changedPaths(changed: unknown, prefix = ''): string[] {
  if (changed === null || typeof changed !== 'object') return prefix ? [prefix] : []
  const out: string[] = []
  for (const [key, value] of Object.entries(changed as Record<string, unknown>)) {
    if (value === undefined) continue
    const path = prefix ? `${prefix}.${key}` : key
    out.push(...changedPaths(value, path))
  }
  // an array that shrank (a removed officer row) shows up as the array itself
  return out.length ? out : prefix ? [prefix] : []
}
