import { useState } from 'react'
import { Card, Spin, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TransferDocumentKind } from '../../../shared/violation-types'
import { ErrorAlert } from '../components/error-alert'
import { DocumentFieldsForm } from '../components/transfer/document-fields-form'
import { DocumentList } from '../components/transfer/document-list'
import { DocumentPreview } from '../components/transfer/document-preview'
import { PdfButton } from '../components/transfer/pdf-button'
import { TransferInfoPanel } from '../components/transfer/transfer-info-panel'
import { useTransferDocuments } from '../components/transfer/use-transfer-documents'
import { useReadOnly } from '../state/read-only'
import { useCurrentCase } from '../state/session'
import '../components/transfer/transfer.css'
import { documentTitle } from '../components/transfer/transfer-text'

/** The transfer: what it needs beyond violations, and the documents — preview, edit the free-text parts, print to PDF. */
export function TransferScreen() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { data, failure, reload } = useTransferDocuments()
  const info = useCurrentCase()
  const [selected, setSelected] = useState<TransferDocumentKind | null>(null)
  const [tab, setTab] = useState('documents')
  // which documents exist follows from the grounds cited; the first one until the officer picks
  const doc = data?.documents.find((d) => d.kind === selected) ?? data?.documents[0] ?? null

  return (
    <div className="page transfer-page">
      <Card size="small" className="transfer-head">
        <Typography.Title level={4}>{t('transfer:title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('transfer:intro')}</Typography.Paragraph>
        {failure && <ErrorAlert error={failure} className="form-alert" />}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="transfer-tabs"
        items={[
          {
            key: 'documents',
            label: t('transfer:tabs.documents'),
            children: (
              <>
                {!data && !failure && (
                  <div className="transfer-loading">
                    <Spin />
                    <Typography.Text type="secondary">{t('transfer:loading')}</Typography.Text>
                  </div>
                )}
                {data && doc && (
                  <div className="transfer-grid">
                    <DocumentList
                      documents={data.documents}
                      selected={doc.kind}
                      violationNumbers={data.violationNumbers}
                      onSelect={setSelected}
                    />
                    <DocumentPreview doc={doc} />
                    <div className="transfer-side">
                      {!readOnly && (
                        <Card size="small" title={documentTitle(doc.kind, t)}>
                          <PdfButton doc={doc} />
                        </Card>
                      )}
                      <DocumentFieldsForm doc={doc} readOnly={readOnly} onSaved={reload} />
                    </div>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'info',
            label: <span data-testid="transfer-tab-info">{t('transfer:tabs.info')}</span>,
            children: <TransferInfoPanel zone={info.timezone} readOnly={readOnly} />,
          },
        ]}
      />
    </div>
  )
}
