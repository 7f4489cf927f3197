import { useState, type ReactNode } from 'react'
import { Card, Col, Layout, Row, Typography } from 'antd'
import { AuditOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { api } from '../api'
import { ErrorAlert } from '../components/error-alert'
import { RecentCases } from '../components/recent-cases'
import { Brand, TopBar } from '../components/top-bar'
import { WorkstationCard } from '../components/workstation-card'
import { useApi } from '../hooks/use-api'
import { useFolderPicker } from '../hooks/use-folder-picker'
import { asApiError } from '../lib/errors'
import { useSession } from '../state/session'
import { ReviewOpening } from './review-opening'

interface ActionProps {
  icon: ReactNode
  label: string
  hint: string
  onClick?: () => void
  disabled?: boolean
  primary?: boolean
  testId: string
}

function ActionTile({ icon, label, hint, onClick, disabled, primary, testId }: ActionProps) {
  return (
    <button
      type="button"
      className={`action-tile${primary ? ' primary' : ''}`}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      <span className="action-icon">{icon}</span>
      <span className="action-text">
        <span className="action-label">{label}</span>
        <span className="action-hint">{hint}</span>
      </span>
    </button>
  )
}

/** No case open: start a new one, open one, or pick up a recent one. */
export function StartScreen({ onNewCase }: { onNewCase: () => void }) {
  const { t } = useTranslation()
  const { info, setCase } = useSession()
  const folderPicker = useFolderPicker()
  const recentList = useApi('recent:list', {}, { refetchOnCaseChange: false })
  const recent = recentList.error ? [] : (recentList.data ?? null)
  const [busyDir, setBusyDir] = useState<string | null>(null)
  const [actionFailure, setFailure] = useState<{ error: ApiError; context?: string } | null>(null)
  const failure: { error: ApiError; context?: string } | null =
    actionFailure ?? (recentList.error ? { error: recentList.error } : null)
  const [pickingPackage, setPickingPackage] = useState(false)

  async function openCase(dir: string) {
    setFailure(null)
    setBusyDir(dir)
    try {
      setCase(await api.invoke('case:open', { dir }))
    } catch (err) {
      setFailure({ error: asApiError(err), context: dir })
      void recentList.reload() // the folder may have gone: show it greyed now
    } finally {
      setBusyDir(null)
    }
  }

  async function pickAndOpen() {
    setFailure(null)
    try {
      const dir = await folderPicker.pick('open-case')
      if (dir) await openCase(dir)
    } catch (err) {
      setFailure({ error: asApiError(err) })
    }
  }

  async function forget(dir: string) {
    try {
      const next = await api.invoke('recent:forget', { dir })
      recentList.setData(() => next)
    } catch (err) {
      setFailure({ error: asApiError(err), context: dir })
    }
  }

  return (
    <Layout className="app-layout">
      <TopBar left={<Brand />} />
      <Layout.Content className="scroll-area" data-testid="start-screen">
        <div className="start-content">
          <Typography.Title level={3} className="page-title">
            {t('start.title')}
          </Typography.Title>
          {failure && (
            <ErrorAlert
              error={failure.error}
              subject={failure.context}
              onClose={actionFailure ? () => setFailure(null) : undefined}
              className="page-alert"
            />
          )}
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={9}>
              <Card title={t('start.actions')} className="actions-card">
                <div className="action-list">
                  <ActionTile
                    primary
                    icon={<PlusOutlined />}
                    label={t('start.newCase')}
                    hint={t('start.newCaseHint')}
                    onClick={onNewCase}
                    testId="new-case"
                  />
                  <ActionTile
                    icon={<FolderOpenOutlined />}
                    label={t('start.openCase')}
                    hint={t('start.openCaseHint')}
                    onClick={() => void pickAndOpen()}
                    testId="open-case"
                  />
                  <ActionTile
                    icon={<AuditOutlined />}
                    label={t('start.openPackage')}
                    hint={t('start.openPackageHint')}
                    onClick={() => setPickingPackage(true)}
                    testId="open-package"
                  />
                </div>
              </Card>
              <WorkstationCard info={info} />
            </Col>
            <Col xs={24} lg={15}>
              <RecentCases
                recent={recent}
                timezone={info.systemTimeZone}
                busyDir={busyDir}
                onOpen={(d) => void openCase(d)}
                onForget={(d) => void forget(d)}
              />
            </Col>
          </Row>
        </div>
      </Layout.Content>
      {folderPicker.element}
      {pickingPackage && <ReviewOpening onDone={() => setPickingPackage(false)} />}
    </Layout>
  )
}
