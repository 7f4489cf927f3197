import type { ApiError, ErrorCode, FieldError } from '../shared/errors'

/**
 * The one error type core throws on purpose. `code` is what the UI translates; `message`
 * names the file or field and says what to do; `cause` keeps the underlying error.
 */
export class EvidenceError extends Error {
  readonly code: ErrorCode
  readonly detail?: string
  readonly fields?: FieldError[]

  constructor(
    code: ErrorCode,
    message: string,
    opts: { cause?: unknown; detail?: string; fields?: FieldError[] } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'EvidenceError'
    this.code = code
    this.detail = opts.detail ?? (opts.cause instanceof Error ? opts.cause.message : undefined)
    this.fields = opts.fields
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    }
  }
}

/** Any thrown value as an API error; unexpected ones become `internal` with their message kept as detail. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof EvidenceError) return err.toApiError()
  const e = err as NodeJS.ErrnoException
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.syscall === 'string') {
    return {
      code: 'io-error',
      message: `${e.syscall} failed${e.path ? ` for ${e.path}` : ''}: ${e.code}`,
      detail: e.message,
    }
  }
  return {
    code: 'internal',
    message: 'An unexpected error occurred.',
    detail: err instanceof Error ? (err.stack ?? err.message) : String(err),
  }
}
