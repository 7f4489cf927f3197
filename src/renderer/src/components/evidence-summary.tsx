import { Button, Card, Flex, Typography } from 'antd'
import { CloudUploadOutlined, DatabaseOutlined, InboxOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { EVIDENCE_KINDS, type CaseInfo } from '../../../shared/types'
import { useImportTasks } from '../state/import-tasks-context'
import { DropZone } from './import/drop-zone'
import { kindLabel } from '../kinds/registry'
import { useCan } from '../state/read-only'

/** Evidence counted by kind, and what to do when there is none yet. */
export function EvidenceSummary({ info, onOpenLibrary }: { info: CaseInfo; onOpenLibrary(): void }) {
  const { t } = useTranslation()
  const { importFiles } = useImportTasks()
  // reviewer mode: nothing is imported into a package under review (the read/write table decides)
  const canImport = useCan('import:start')
  return (
    <DropZone>
      <Card
        title={t('overview.evidence')}
        className="evidence-card"
        extra={
          <Flex gap={8}>
            {info.evidenceCount > 0 && (
              <Button icon={<DatabaseOutlined />} onClick={onOpenLibrary}>
                {t('overview.openLibrary')}
              </Button>
            )}
            {canImport && (
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                onClick={() => void importFiles()}
                data-testid="overview-import"
              >
                {t('overview.importButton')}
              </Button>
            )}
          </Flex>
        }
      >
        <div className="kind-grid" data-testid="evidence-kinds">
          {EVIDENCE_KINDS.map((kind) => (
            <div
              className={`kind-tile${info.evidenceByKind[kind] ? ' has-items' : ''}`}
              key={kind}
              data-kind={kind}
            >
              <span className="kind-count">{info.evidenceByKind[kind] ?? 0}</span>
              <span className="kind-label">{kindLabel(t, kind, 'many')}</span>
            </div>
          ))}
        </div>
        {info.evidenceCount === 0 && (
          <div className="evidence-empty" data-testid="evidence-empty">
            <InboxOutlined className="evidence-empty-icon" />
            <Typography.Text strong>{t('overview.evidenceEmpty')}</Typography.Text>
            {canImport && (
              <Typography.Text type="secondary">{t('overview.evidenceEmptyNote')}</Typography.Text>
            )}
          </div>
        )}
      </Card>
    </DropZone>
  )
}
