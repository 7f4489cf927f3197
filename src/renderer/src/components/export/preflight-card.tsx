import { Alert, Button, Card, List, Tag } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ExportBlocker } from '../../../../shared/package-types'
import { template, type MessageKey } from '../../i18n/keys'
import { interpolateNodes, UserValue } from '../../lib/interpolate-nodes'

const BLOCKER_TEXT: Record<ExportBlocker['code'], MessageKey> = {
  'violation-without-evidence': 'exportPkg:preflight.codes.violation-without-evidence',
  'violation-without-basis': 'exportPkg:preflight.codes.violation-without-basis',
  'object-bad': 'exportPkg:preflight.codes.object-bad',
  'no-evidence': 'exportPkg:preflight.codes.no-evidence',
}

/** What to do about it, in the interface language (core's message is English, for the CLI and logs). */
const BLOCKER_HINT: Record<ExportBlocker['code'], MessageKey> = {
  'violation-without-evidence': 'exportPkg:preflight.hints.violation-without-evidence',
  'violation-without-basis': 'exportPkg:preflight.hints.violation-without-basis',
  'object-bad': 'exportPkg:preflight.hints.object-bad',
  'no-evidence': 'exportPkg:preflight.hints.no-evidence',
}

interface Props {
  blockers: ExportBlocker[] | null
  onRecheck(): void
}

/** What 'export:preflight' found: the blockers in words, or that the case is ready. */
export function PreflightCard({ blockers, onRecheck }: Props) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      title={t('exportPkg:preflight.title')}
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={onRecheck}>
          {t('exportPkg:preflight.recheck')}
        </Button>
      }
      data-testid="export-preflight"
    >
      {blockers === null ? (
        <Alert type="info" title={t('exportPkg:preflight.checking')} />
      ) : blockers.length === 0 ? (
        <Alert type="success" showIcon title={t('exportPkg:preflight.ready')} data-testid="export-ready" />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('exportPkg:preflight.blocked')} />
          <List
            size="small"
            dataSource={blockers}
            renderItem={(b) => (
              <List.Item data-testid="export-blocker">
                <Tag color="red">{t(BLOCKER_TEXT[b.code])}</Tag>
                <span data-testid="export-blocker-text">
                  {interpolateNodes(template(t, BLOCKER_HINT[b.code]), {
                    number: <UserValue>{b.subject?.number ?? ''}</UserValue>,
                    title: <UserValue>{b.subject?.title ?? ''}</UserValue>,
                  })}
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  )
}
