import { Alert, Collapse, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { errorText } from '../lib/message-maps'

interface Props {
  error: ApiError
  /** the file or folder involved, named in the visible text (the backend's message is in English) */
  subject?: string
  onClose?: () => void
  className?: string
}

/**
 * An API error in plain words (what happened, what to do), with the backend's own message and
 * technical detail under a "details" expander for support: never only a code.
 */
export function ErrorAlert({ error, subject, onClose, className }: Props) {
  const { t } = useTranslation()
  const text = errorText(error.code)
  const technical = [error.message, error.detail, ...(error.fields ?? []).map((f) => `${f.path}: ${f.code}`)]
    .filter(Boolean)
    .join('\n')
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={t(text.title)}
      closable={onClose ? { onClose } : false}
      description={
        <>
          {subject && (
            <div className="mono error-subject" data-user-data>
              {subject}
            </div>
          )}
          <div>{t(text.action)}</div>
          {technical && (
            <Collapse
              ghost
              size="small"
              className="error-details"
              items={[
                {
                  key: 'details',
                  label: t('errors.details'),
                  children: (
                    <Typography.Paragraph className="mono" copyable={{ text: technical }}>
                      <pre className="error-detail-text">{technical}</pre>
                    </Typography.Paragraph>
                  ),
                },
              ]}
            />
          )}
        </>
      }
    />
  )
}
