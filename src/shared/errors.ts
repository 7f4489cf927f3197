/**
 * Error codes that cross the API. The UI translates the code; `message` is the English
 * fallback naming the file or field, and `detail` the technical cause for the "details" expander.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'case-exists',
  'case-missing',
  'case-locked',
  'case-corrupt',
  'case-too-new',
  'no-case-open',
  'no-profile',
  'not-supported',
  'io-error',
  'cancelled',
  /** the open case is a package under review: nothing may change it */
  'read-only',
  /** the action is understood but the case is not ready for it (e.g. export with unproved violations); the message says why */
  'refused',
  /** browser mode: a path the user did not choose in the in-app browser this session, or the app's own data folder */
  'path-not-chosen',
  /** a write would replace a file that is there: the user confirms, then the call is repeated with `overwrite` */
  'target-exists',
  /** browser mode: the page cannot reach its server (it stopped, or the network to it is gone) */
  'connection-lost',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldError {
  /** dotted path of the field relative to the form (a `fields` wrapper is left out), e.g. "subject.creditCode" or "officers.1.certNo" */
  path: string
  /** a translation key, e.g. "credit-code-check-digit" */
  code: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  detail?: string
  /** for invalid-input: one entry per field, so the UI can show each next to its field */
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
