import { useState, type ReactNode } from 'react'
import { Button, Layout, Menu, Tooltip, Typography } from 'antd'
import {
  AuditOutlined,
  CloseOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExportOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  LinkOutlined,
  WarningOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { api } from '../api'
import { ErrorAlert } from '../components/error-alert'
import { ImportTasksButton } from '../components/import/import-tasks-button'
import { IntegrityBadge } from '../components/integrity-badge'
import { Brand, TopBar } from '../components/top-bar'
import { useCaseChanged } from '../hooks/use-case-changed'
import { useIntegrityCheck } from '../hooks/use-integrity-check'
import { asApiError } from '../lib/errors'
import { ImportTasksProvider } from '../state/import-tasks'
import { useCurrentCase, useSession } from '../state/session'
import { CaseOverview } from './case-overview'
import { CustodyLogScreen } from './custody-log-screen'
import { EvidenceLibrary } from './evidence-library'
import { TimelineScreen } from './timeline-screen'
import { ViolationsScreen } from './violations-screen'
import { TransferScreen } from './transfer-screen'
import { ExportScreen } from './export-screen'
import { CaseSearch } from '../components/search/case-search'
import { ItemViewerHost } from '../components/viewers/item-viewer'
import { ReviewBand } from '../components/review/review-band'
import { ReviewTransfer } from './review-transfer'
import { ReadOnlyContext } from '../state/read-only'
import { ReviewChecksProvider } from '../state/review-checks'
import type { MessageKey } from '../i18n/keys'

// The order is the one UI.md fixes for every feature, built or not.
export const NAV_KEYS = [
  'overview',
  'evidence',
  'timeline',
  'violations',
  'transfer',
  'custody',
  'export',
] as const
export type NavKey = (typeof NAV_KEYS)[number]

const NAV_TEXT: Record<NavKey, MessageKey> = {
  overview: 'nav.overview',
  evidence: 'nav.evidence',
  timeline: 'nav.timeline',
  violations: 'nav.violations',
  transfer: 'nav.transfer',
  custody: 'nav.custody',
  export: 'nav.export',
}

const NAV_ICONS: Record<NavKey, ReactNode> = {
  overview: <DashboardOutlined />,
  evidence: <DatabaseOutlined />,
  timeline: <FieldTimeOutlined />,
  violations: <WarningOutlined />,
  transfer: <FileTextOutlined />,
  custody: <LinkOutlined />,
  export: <ExportOutlined />,
}

/** The frame around an open case: navigation on the left, the case and its integrity on top. */
export function CaseFrame() {
  const { t } = useTranslation()
  const { setCase } = useSession()
  const current = useCurrentCase()
  const [screen, setScreen] = useState<NavKey>('overview')
  const [failure, setFailure] = useState<ApiError | null>(null)
  const integrity = useIntegrityCheck()
  useCaseChanged()

  async function closeCase() {
    try {
      await api.invoke('case:close', {})
      setCase(null)
    } catch (err) {
      setFailure(asApiError(err))
    }
  }

  const heading = (
    <div className="case-heading">
      <AuditOutlined className="case-heading-icon" />
      <Typography.Text strong className="case-number" data-user-data data-testid="case-number">
        {current.number}
      </Typography.Text>
      <Tooltip title={current.title}>
        <Typography.Text className="case-title" data-user-data data-testid="case-title">
          {current.title}
        </Typography.Text>
      </Tooltip>
      {/* in reviewer mode the package's verdict stands in the band instead */}
      {!current.review && (
        <IntegrityBadge
          integrity={current.integrity}
          timezone={current.timezone}
          running={integrity.running}
          onCheck={() => void integrity.run()}
        />
      )}
    </div>
  )

  const body = (() => {
    switch (screen) {
      case 'overview':
        return <CaseOverview integrity={integrity} onNavigate={setScreen} />
      case 'evidence':
        return <EvidenceLibrary />
      case 'timeline':
        return <TimelineScreen />
      case 'violations':
        return <ViolationsScreen />
      case 'transfer':
        // under review: the documents the package carries, not ones made again from its data
        return current.review ? <ReviewTransfer /> : <TransferScreen />
      case 'custody':
        return <CustodyLogScreen />
      case 'export':
        return <ExportScreen />
    }
  })()

  // A package under review has no export of its own to make.
  const navKeys = current.review ? NAV_KEYS.filter((k) => k !== 'export') : NAV_KEYS
  return (
    <ReadOnlyContext.Provider value={Boolean(current.review)}>
      <MaybeReviewChecks review={Boolean(current.review)}>
        <ImportTasksProvider>
          <Layout className="app-layout frame-layout" hasSider>
            <Layout.Sider width={224} theme="light" className="side-nav" data-testid="side-nav">
              <div className="side-brand">
                <Brand />
              </div>
              <Menu
                mode="inline"
                selectedKeys={[screen]}
                onClick={({ key }) => setScreen(key as NavKey)}
                items={navKeys.map((key) => ({ key, icon: NAV_ICONS[key], label: t(NAV_TEXT[key]) }))}
              />
            </Layout.Sider>
            <Layout className="frame-main">
              <TopBar
                left={heading}
                extra={
                  <>
                    <CaseSearch />
                    {!current.review && <ImportTasksButton />}
                    <Button
                      icon={<CloseOutlined />}
                      onClick={() => void closeCase()}
                      data-testid="close-case"
                    >
                      {t('topBar.closeCase')}
                    </Button>
                  </>
                }
              />
              {current.review && <ReviewBand current={current} onClose={() => void closeCase()} />}
              <Layout.Content
                key={screen}
                className="scroll-area case-content"
                data-testid={`screen-${screen}`}
              >
                {failure && (
                  <ErrorAlert error={failure} onClose={() => setFailure(null)} className="page-alert" />
                )}
                {integrity.failure && (
                  <ErrorAlert
                    error={integrity.failure}
                    onClose={integrity.clearFailure}
                    className="page-alert"
                  />
                )}
                {body}
              </Layout.Content>
            </Layout>
          </Layout>
          {/* one viewer for the whole frame: library, timeline and search results open items here */}
          <ItemViewerHost />
        </ImportTasksProvider>
      </MaybeReviewChecks>
    </ReadOnlyContext.Provider>
  )
}

/** In review, what the verification found about each item, for every screen of the frame. */
function MaybeReviewChecks({ review, children }: { review: boolean; children: ReactNode }) {
  return review ? <ReviewChecksProvider>{children}</ReviewChecksProvider> : <>{children}</>
}
