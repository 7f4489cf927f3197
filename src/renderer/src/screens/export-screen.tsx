import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Typography } from 'antd'
import { ExportOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { isJobRunning, newJob } from '../../../shared/jobs'
import { api, chooseInBrowser } from '../api'
import { ErrorAlert } from '../components/error-alert'
import '../components/export/export.css'
import { ExportFolderBrowser } from '../components/export/export-folder-browser'
import { ExportProgressCard } from '../components/export/export-progress'
import {
  ExportTargetFields,
  exportTarget,
  packageRootName,
  type ExportFormat,
} from '../components/export/export-target'
import { Fingerprint } from '../components/export/fingerprint'
import { PreflightCard } from '../components/export/preflight-card'
import { SigningKeyCard } from '../components/export/signing-key-card'
import { TrustedKeysCard } from '../components/export/trusted-keys-card'
import { useApi } from '../hooks/use-api'
import { asApiError } from '../lib/errors'
import { separatorOf } from '../lib/paths'
import { useReadOnly } from '../state/read-only'
import { useJob } from '../state/jobs'
import { useCurrentCase, useSession } from '../state/session'

function parentDir(path: string): string {
  const sep = separatorOf(path)
  const i = path.replace(/[\\/]+$/, '').lastIndexOf(sep)
  return i > 0 ? path.slice(0, i) : path
}

/** Export the signed custody package for the police transfer; the officer's and trusted keys beside it. */
export function ExportScreen() {
  const { t } = useTranslation()
  const info = useCurrentCase()
  const { info: app } = useSession()
  const readOnly = useReadOnly()
  const [format, setFormat] = useState<ExportFormat>('zip')
  const [dir, setDir] = useState(() => parentDir(info.dir))
  const [browsing, setBrowsing] = useState(false)
  // a package under review is never exported: nothing to check then
  const preflight = useApi('export:preflight', readOnly ? null : {}, { refetchKey: info.custodyEventCount })
  const blockers = preflight.loading ? null : (preflight.data ?? null)
  const { data: key, error: keyError } = useApi('key:get', readOnly ? null : {}, {
    refetchOnCaseChange: false,
  })
  const [startError, setStartError] = useState<ApiError | null>(null)
  const error = startError ?? preflight.error ?? keyError
  const [taskId, setTaskId] = useState<string | null>(null)
  // its first event may come after 'export:start' answers: until then it has just started
  const job = useJob(taskId, 'export') ?? (taskId ? newJob(taskId, 'export') : null)

  const recheck = () => void preflight.reload()

  const rootName = packageRootName(info.number, info.timezone)
  const start = async () => {
    setStartError(null)
    try {
      const started = await api.invoke('export:start', {
        target: exportTarget(format, dir.trim(), rootName),
      })
      setTaskId(started.taskId)
    } catch (e) {
      setStartError(asApiError(e))
    }
  }
  const cancel = () => {
    if (taskId) api.invoke('job:cancel', { taskId }).catch(() => {})
  }
  const browse = async () => {
    if (!app.nativeDialogs) return setBrowsing(true)
    try {
      const picked = await api.invoke('dialog:pickDirectory', { purpose: 'export' })
      if (picked) setDir(picked)
    } catch (e) {
      setStartError(asApiError(e))
    }
  }

  const running = job !== null && isJobRunning(job)
  const keys = (
    <div className="export-column">
      <SigningKeyCard timeZone={info.timezone} />
      <TrustedKeysCard timeZone={info.timezone} />
    </div>
  )
  if (readOnly)
    return (
      <div className="page">
        <Alert type="info" showIcon title={t('exportPkg:readOnly')} />
        <div className="export-layout">{keys}</div>
      </div>
    )

  return (
    <div className="page export-layout" data-testid="export-screen">
      <div className="export-column">
        <Card title={t('exportPkg:title')}>
          <Typography.Paragraph type="secondary">{t('exportPkg:intro')}</Typography.Paragraph>
        </Card>
        <PreflightCard blockers={blockers} onRecheck={recheck} />
        {job && !running ? (
          <ExportProgressCard job={job} onCancel={cancel} onAgain={() => setTaskId(null)} />
        ) : (
          <Card size="small" title={t('exportPkg:target.title')}>
            <ExportTargetFields
              format={format}
              onFormat={setFormat}
              dir={dir}
              onDir={setDir}
              onBrowse={browse}
              rootName={rootName}
              disabled={running}
            />
            <Descriptions
              size="small"
              column={1}
              title={t('exportPkg:signer.title')}
              items={[
                {
                  key: 'name',
                  label: t('exportPkg:signer.name'),
                  children: <span data-user-data>{key?.name ?? '—'}</span>,
                },
                {
                  key: 'fp',
                  label: t('exportPkg:signer.fingerprint'),
                  children: key ? <Fingerprint value={key.fingerprint} testId="signer-fingerprint" /> : '—',
                },
              ]}
            />
            <Typography.Paragraph type="secondary">{t('exportPkg:signer.hint')}</Typography.Paragraph>
            {error && (
              <ErrorAlert error={error} onClose={startError ? () => setStartError(null) : undefined} />
            )}
            {running && job ? (
              <ExportProgressCard job={job} onCancel={cancel} onAgain={() => setTaskId(null)} />
            ) : (
              <Button
                type="primary"
                icon={<ExportOutlined />}
                disabled={!blockers || blockers.length > 0 || !dir.trim() || !key}
                onClick={start}
                data-testid="export-start"
              >
                {t('exportPkg:start')}
              </Button>
            )}
          </Card>
        )}
      </div>
      {keys}
      {browsing && (
        <ExportFolderBrowser
          startDir={dir.trim() || undefined}
          onChoose={(d) => {
            // browser mode: the export may write only where the user chose
            void chooseInBrowser([d])
              .catch(() => undefined)
              .then(() => {
                setDir(d)
                setBrowsing(false)
              })
          }}
          onCancel={() => setBrowsing(false)}
        />
      )}
    </div>
  )
}
