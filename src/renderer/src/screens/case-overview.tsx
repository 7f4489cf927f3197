import { useState } from 'react'
import { Button, Card, Col, Row, Typography } from 'antd'
import { DatabaseOutlined, LinkOutlined, SafetyOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { CaseDetails } from '../components/case-details'
import { CaseEditForm } from '../components/case-edit-form'
import { EvidenceSummary } from '../components/evidence-summary'
import { IntegrityBadge } from '../components/integrity-badge'
import type { useIntegrityCheck } from '../hooks/use-integrity-check'
import { formatInZone } from '../lib/time'
import { useReadOnly } from '../state/read-only'
import { useCurrentCase, useSession } from '../state/session'
import type { NavKey } from './case-frame'

interface Props {
  integrity: ReturnType<typeof useIntegrityCheck>
  onNavigate(screen: NavKey): void
}

/** 案件概览: the case record, its evidence by kind, the custody log size and the integrity state. */
export function CaseOverview({ integrity, onNavigate }: Props) {
  const { t } = useTranslation()
  const { setCase } = useSession()
  const info = useCurrentCase()
  const [editing, setEditing] = useState(false)
  // reviewer mode: the verdict of the package stands here; no check, no edit
  const readOnly = useReadOnly()

  return (
    <div className="page overview">
      <Row gutter={[16, 16]} className="summary-row">
        <Col xs={24} lg={8}>
          <Card className="summary-card">
            <Typography.Text type="secondary">{t('overview.evidence')}</Typography.Text>
            <div className="summary-value" data-testid="evidence-count">
              {t('overview.evidenceTotal', { count: info.evidenceCount })}
            </div>
            {info.evidenceCount > 0 ? (
              <Button
                type="link"
                icon={<DatabaseOutlined />}
                className="summary-link"
                onClick={() => onNavigate('evidence')}
              >
                {t('overview.openLibrary')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('overview.evidenceEmptyNote')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card className="summary-card">
            <Typography.Text type="secondary">{t('overview.custody')}</Typography.Text>
            <div className="summary-value" data-testid="custody-count" data-count={info.custodyEventCount}>
              {t('overview.custodyCount', { count: info.custodyEventCount })}
            </div>
            <Button
              type="link"
              icon={<LinkOutlined />}
              className="summary-link"
              onClick={() => onNavigate('custody')}
            >
              {t('overview.viewCustody')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card className="summary-card">
            <Typography.Text type="secondary">{t('overview.integrity')}</Typography.Text>
            <div className="summary-value">
              <IntegrityBadge
                integrity={info.integrity}
                timezone={info.timezone}
                running={integrity.running}
                onCheck={() => !readOnly && void integrity.run()}
                testId="overview-integrity-badge"
              />
            </div>
            <div className="summary-foot">
              <Typography.Text type="secondary">
                {info.integrity ? (
                  <>
                    {t('overview.lastCheck')}{' '}
                    <span className="mono">{formatInZone(info.integrity.checkedAt, info.timezone)}</span>
                  </>
                ) : (
                  t('overview.checkHint')
                )}
              </Typography.Text>
              {!readOnly && (
                <Button
                  size="small"
                  icon={<SafetyOutlined />}
                  loading={integrity.running}
                  onClick={() => void integrity.run()}
                  data-testid="check-now"
                >
                  {t('overview.checkNow')}
                </Button>
              )}
            </div>
          </Card>
        </Col>
      </Row>

      {editing ? (
        <CaseEditForm
          info={info}
          onCancel={() => setEditing(false)}
          onSaved={(updated) => {
            setCase(updated)
            setEditing(false)
          }}
        />
      ) : (
        <CaseDetails info={info} onEdit={() => setEditing(true)} onChanged={setCase} />
      )}

      <EvidenceSummary info={info} onOpenLibrary={() => onNavigate('evidence')} />
    </div>
  )
}
