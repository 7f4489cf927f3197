import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '../../../../../shared/types'
import { formatInZone } from '../../../lib/time'
import { LinkToViolationButton } from '../../violations/link-to-violation-button'
import { WithdrawButton } from './withdraw-button'

interface Props {
  citation: Annotation
  timezone: string
  /** the citation in words, shown when withdrawing */
  subject: string
  successMessage: string
  onWithdraw(id: string, reason: string): Promise<unknown>
}

/**
 * Below a quote or a data range in the documents' viewers: its note, who cited it and when, and
 * either why it was withdrawn or the actions on it (link to a violation, withdraw).
 */
export function CitationFooter({ citation: a, timezone, subject, successMessage, onWithdraw }: Props) {
  const { t } = useTranslation()
  return (
    <>
      {a.note && (
        <Typography.Paragraph className="docs-note" data-user-data>
          {a.note}
        </Typography.Paragraph>
      )}
      <div className="secondary small" data-user-data>
        {t('docsViewer:common.by', { name: a.author.name, time: formatInZone(a.createdAt, timezone) })}
      </div>
      {a.withdrawnAt !== null ? (
        <div className="secondary small" data-user-data>
          {t('docsViewer:common.withdrawnBy', {
            time: formatInZone(a.withdrawnAt, timezone),
            reason: a.withdrawnReason ?? '',
          })}
        </div>
      ) : (
        <>
          <LinkToViolationButton itemId={a.itemId} annotationId={a.id} />
          <WithdrawButton
            subject={subject}
            successMessage={successMessage}
            onWithdraw={(reason) => onWithdraw(a.id, reason)}
          />
        </>
      )}
    </>
  )
}
