import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd'
import { SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import type { TransferDocument, TransferDocumentField } from '../../../../shared/violation-types'
import { api } from '../../api'
import { ErrorAlert } from '../error-alert'
import { asApiError } from '../../lib/errors'
import { formatInZone } from '../../lib/time'
import { useCurrentCase } from '../../state/session'
import { fieldErrorText, fieldLabel } from './transfer-text'

interface Props {
  doc: TransferDocument
  readOnly: boolean
  /** refetch the documents after a save (the preview shows the new text) */
  onSaved(): Promise<void>
}

function fieldValues(doc: TransferDocument): Record<string, string> {
  return Object.fromEntries(doc.fields.map((f) => [f.key, f.value]))
}

/** The free-text parts of one document; saving sends each changed field as one custody-logged edit. */
export function DocumentFieldsForm({ doc, readOnly, onSaved }: Props) {
  const { t } = useTranslation()
  const { timezone } = useCurrentCase()
  const [values, setValues] = useState<Record<string, string>>(() => fieldValues(doc))
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)

  // A fresh document (another kind, or the backend's text after a save) resets the form.
  const [shownDoc, setShownDoc] = useState(doc)
  if (shownDoc !== doc) {
    setShownDoc(doc)
    if (doc.kind !== shownDoc.kind) {
      setValues(fieldValues(doc))
      setFieldErrors({})
      setSaved(false)
    } else {
      // text the backend refused stays in its field, so the officer can correct it
      const refused = Object.fromEntries(
        Object.keys(fieldErrors)
          .filter((k) => fieldErrors[k])
          .map((k) => [k, values[k]]),
      )
      setValues({ ...fieldValues(doc), ...refused })
    }
  }

  const changed = doc.fields.filter((f) => (values[f.key] ?? f.value) !== f.value)

  async function send(edits: Array<{ key: string; value: string }>) {
    setSaving(true)
    setFailure(null)
    setSaved(false)
    try {
      for (const e of edits) {
        try {
          await api.invoke('documents:edit', { kind: doc.kind, key: e.key, value: e.value })
        } catch (err) {
          const apiError = asApiError(err)
          const field = apiError.fields?.[0]
          if (field) setFieldErrors((prev) => ({ ...prev, [e.key]: field.code }))
          throw err
        }
      }
      setSaved(true)
    } catch (err) {
      setFailure(asApiError(err))
    } finally {
      await onSaved()
      setSaving(false)
    }
  }

  const label = (f: TransferDocumentField) => fieldLabel(f, t)

  if (doc.fields.length === 0)
    return (
      <Card title={t('transfer:edit.title')} size="small">
        <Typography.Text type="secondary">{t('transfer:edit.none')}</Typography.Text>
      </Card>
    )

  return (
    <Card
      title={t('transfer:edit.title')}
      size="small"
      className="transfer-fields"
      data-testid="transfer-fields"
    >
      {readOnly && <Alert type="info" showIcon title={t('transfer:edit.readOnly')} className="form-alert" />}
      {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} className="form-alert" />}
      {saved && <Alert type="success" showIcon title={t('transfer:edit.saved')} className="form-alert" />}
      <Form layout="vertical" disabled={readOnly || saving}>
        {doc.fields.map((f) => {
          const error = fieldErrors[f.key]
          const Control = f.multiline ? Input.TextArea : Input
          return (
            <Form.Item
              key={f.key}
              label={label(f)}
              htmlFor={`doc-field-${f.key}`}
              validateStatus={error ? 'error' : undefined}
              help={
                error
                  ? fieldErrorText(error, t)
                  : f.editedBy
                    ? t('transfer:edit.editedBy', {
                        name: f.editedBy.name,
                        time: f.editedAt ? formatInZone(f.editedAt, timezone) : '',
                      })
                    : t('transfer:edit.generated')
              }
            >
              <Space.Compact block>
                <Control
                  id={`doc-field-${f.key}`}
                  // the document's own wording (Chinese, as it will be printed), not interface text
                  data-user-data
                  value={values[f.key] ?? f.value}
                  autoSize={f.multiline ? { minRows: 2, maxRows: 8 } : undefined}
                  onChange={(e) => {
                    setValues((v) => ({ ...v, [f.key]: e.target.value }))
                    setFieldErrors((prev) => ({ ...prev, [f.key]: '' }))
                    setSaved(false)
                  }}
                />
                {!readOnly && f.editedBy && (
                  <Button
                    icon={<UndoOutlined />}
                    title={t('transfer:edit.restore')}
                    aria-label={t('transfer:edit.restore')}
                    onClick={() => void send([{ key: f.key, value: '' }])}
                  />
                )}
              </Space.Compact>
            </Form.Item>
          )
        })}
        {!readOnly && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={changed.length === 0}
            data-testid="transfer-save"
            onClick={() => void send(changed.map((f) => ({ key: f.key, value: values[f.key] ?? '' })))}
          >
            {changed.length === 0 ? t('transfer:edit.unchanged') : t('transfer:edit.save')}
          </Button>
        )}
      </Form>
    </Card>
  )
}
