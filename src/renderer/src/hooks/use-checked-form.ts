import { useState } from 'react'
import { Form, type FormInstance } from 'antd'
import type { ZodType } from 'zod'
import type { ApiError } from '../../../shared/errors'
import {
  apiFieldErrors,
  asApiError,
  changedPaths,
  clearFieldErrors,
  issuesToFieldErrors,
  type FieldErrorMap,
} from '../lib/errors'

export interface CheckedForm<T> {
  form: FormInstance<T>
  errors: FieldErrorMap
  failure: ApiError | null
  clearFailure(): void
  saving: boolean
  /** for the Form's onValuesChange: an edited field loses its error */
  onValuesChange(changed: object): void
  /** checks the values with the backend's own schema, then saves; errors land next to their fields */
  submit(): Promise<void>
}

/**
 * A form checked with the schema the backend uses, so a mistake is shown next to its field before
 * anything is sent; the backend's own refusal is mapped onto the fields the same way (`fieldPrefix`
 * drops a wrapper such as "fields." from its paths), anything else goes to the form's alert.
 */
export function useCheckedForm<T>(
  schema: ZodType<T>,
  save: (data: T) => Promise<unknown>,
  fieldPrefix?: string,
): CheckedForm<T> {
  const [form] = Form.useForm<T>()
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit() {
    setFailure(null)
    const parsed = schema.safeParse(form.getFieldsValue(true))
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues))
      return
    }
    setSaving(true)
    try {
      await save(parsed.data)
    } catch (err) {
      const error = asApiError(err)
      const fields = apiFieldErrors(error, fieldPrefix)
      if (Object.keys(fields).length > 0) setErrors(fields)
      else setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  return {
    form,
    errors,
    failure,
    clearFailure: () => setFailure(null),
    saving,
    onValuesChange: (changed) => setErrors((e) => clearFieldErrors(e, changedPaths(changed))),
    submit,
  }
}
