import type { z } from 'zod'
import type { FieldError } from '../../shared/errors'

const OUR_CODES = /^[a-z][a-z0-9-]+$/

/**
 * zod issues → one FieldError per field, with a translation key the UI knows. Paths are given
 * relative to a form's `fields` object (`subject.creditCode`, not `fields.subject.creditCode`),
 * which is how the forms name their inputs.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const segments = issue.path.map(String)
    const path = (segments[0] === 'fields' ? segments.slice(1) : segments).join('.')
    let code: string
    if (OUR_CODES.test(issue.message)) code = issue.message
    else if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined)
      code = 'required'
    else code = 'invalid'
    return { path, code, message: path ? `${path}: ${code}` : code }
  })
}
