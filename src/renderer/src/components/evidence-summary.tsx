import { Button, Card, Tooltip, Typography } from 'antd'
import { InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { EVIDENCE_KINDS, type CaseInfo } from '../../../shared/types'

/** Evidence counted by kind, and what to do when there is none yet. */
export function EvidenceSummary({ info }: { info: CaseInfo }) {
  const { t } = useTranslation()
  return (
    <Card
      title={t('overview.evidence')}
      className="evidence-card"
      extra={
        <Tooltip title={t('overview.evidenceEmptyNote')}>
          <span className="disabled-wrap">
            <Button icon={<UploadOutlined />} disabled>
              {t('overview.importButton')}
            </Button>
          </span>
        </Tooltip>
      }
    >
      <div className="kind-grid" data-testid="evidence-kinds">
        {EVIDENCE_KINDS.map((kind) => (
          <div className="kind-tile" key={kind} data-kind={kind}>
            <span className="kind-count">{info.evidenceByKind[kind] ?? 0}</span>
            <span className="kind-label">{t(`kinds.${kind}`)}</span>
          </div>
        ))}
      </div>
      {info.evidenceCount === 0 && (
        <div className="evidence-empty" data-testid="evidence-empty">
          <InboxOutlined className="evidence-empty-icon" />
          <Typography.Text strong>{t('overview.evidenceEmpty')}</Typography.Text>
          <Typography.Text type="secondary">{t('overview.evidenceEmptyNote')}</Typography.Text>
        </div>
      )}
    </Card>
  )
}
