import { useState } from 'react'
import { Card, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TransferDocumentKind } from '../../../shared/violation-types'
import { ErrorAlert } from '../components/error-alert'
import { DocumentFieldsForm } from '../components/transfer/document-fields-form'
import { DocumentList } from '../components/transfer/document-list'
import { DocumentPreview } from '../components/transfer/document-preview'
import { PdfButton } from '../components/transfer/pdf-button'
import { useTransferDocuments } from '../components/transfer/use-transfer-documents'
import { useReadOnly } from '../state/read-only'
import '../components/transfer/transfer-i18n'
import '../components/transfer/transfer.css'

/** The transfer documents: preview, edit the free-text parts, print to PDF. */
export function TransferScreen() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { data, failure, reload } = useTransferDocuments()
  const [selected, setSelected] = useState<TransferDocumentKind>('transfer-letter')
  const doc = data?.documents.find((d) => d.kind === selected) ?? null

  return (
    <div className="page transfer-page">
      <Card size="small" className="transfer-head">
        <Typography.Title level={4}>{t('transfer.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('transfer.intro')}</Typography.Paragraph>
        {failure && <ErrorAlert error={failure} className="form-alert" />}
      </Card>
      {!data && !failure && (
        <div className="transfer-loading">
          <Spin />
          <Typography.Text type="secondary">{t('transfer.loading')}</Typography.Text>
        </div>
      )}
      {data && doc && (
        <div className="transfer-grid">
          <DocumentList
            documents={data.documents}
            selected={selected}
            violationNumbers={data.violationNumbers}
            onSelect={setSelected}
          />
          <DocumentPreview doc={doc} />
          <div className="transfer-side">
            {!readOnly && (
              <Card size="small" title={t(`transfer.kinds.${doc.kind}`)}>
                <PdfButton doc={doc} />
              </Card>
            )}
            <DocumentFieldsForm doc={doc} readOnly={readOnly} onSaved={reload} />
          </div>
        </div>
      )}
    </div>
  )
}
