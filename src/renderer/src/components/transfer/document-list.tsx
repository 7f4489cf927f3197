import { Card, List, Tag, Typography } from 'antd'
import { CheckCircleOutlined, FileTextOutlined, WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TransferDocument, TransferDocumentKind } from '../../../../shared/violation-types'
import { problemText } from './problem-text'
import { documentTitle } from './transfer-text'

interface Props {
  documents: TransferDocument[]
  selected: TransferDocumentKind
  violationNumbers: Record<string, string>
  onSelect(kind: TransferDocumentKind): void
}

/** The five documents, in transfer order; a draft says why it is not ready. */
export function DocumentList({ documents, selected, violationNumbers, onSelect }: Props) {
  const { t } = useTranslation()
  return (
    <Card title={t('transfer:documents')} size="small" className="transfer-list">
      <List
        data-testid="transfer-documents"
        dataSource={documents}
        renderItem={(doc, i) => {
          const draft = doc.problems.length > 0
          return (
            <List.Item
              key={doc.kind}
              data-testid={`transfer-doc-${doc.kind}`}
              aria-selected={doc.kind === selected}
              className={doc.kind === selected ? 'transfer-doc selected' : 'transfer-doc'}
              onClick={() => onSelect(doc.kind)}
            >
              <div className="transfer-doc-body">
                <div className="transfer-doc-title">
                  <FileTextOutlined />
                  <Typography.Text strong>
                    {i + 1}. {documentTitle(doc.kind, t)}
                  </Typography.Text>
                </div>
                <Tag
                  color={draft ? 'warning' : 'success'}
                  icon={draft ? <WarningOutlined /> : <CheckCircleOutlined />}
                >
                  {draft ? t('transfer:draft') : t('transfer:ready')}
                </Tag>
                {draft && (
                  <ul className="transfer-problems" data-testid={`transfer-problems-${doc.kind}`}>
                    {doc.problems.map((p, n) => (
                      <li key={n}>
                        <Typography.Text type="warning">
                          {problemText(p, violationNumbers, t)}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </List.Item>
          )
        }}
      />
    </Card>
  )
}
