import { Button, Form, Input, Space } from 'antd'
import { FolderOpenOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { errorText } from '../lib/message-maps'

interface Props {
  value: string
  onChange(value: string): void
  onBrowse(): void
  /** "required" when empty, or the backend's folder error (case-exists, io-error…) */
  missing: boolean
  folderError: ApiError | null
}

/** The case folder: a path box for pasting plus a chooser; folder problems show right under it. */
export function FolderField({ value, onChange, onBrowse, missing, folderError }: Props) {
  const { t } = useTranslation()
  const help = folderError ? (
    <span data-field-error="dir">
      {t(errorText(folderError.code).title)} — {t(errorText(folderError.code).action)}
    </span>
  ) : missing ? (
    <span data-field-error="dir">{t('fieldErrors.required')}</span>
  ) : undefined
  return (
    <Form.Item
      label={t('caseForm.folder')}
      htmlFor="case-dir"
      required
      validateStatus={help ? 'error' : undefined}
      help={help}
      extra={t('caseForm.folderHint')}
    >
      <Space.Compact block>
        <Input
          id="case-dir"
          className="mono"
          value={value}
          placeholder={t('caseForm.folderPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
        />
        <Button icon={<FolderOpenOutlined />} onClick={onBrowse}>
          {t('folder.browse')}
        </Button>
      </Space.Compact>
    </Form.Item>
  )
}
