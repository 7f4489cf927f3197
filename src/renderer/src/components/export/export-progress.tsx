import { Alert, Button, Card, Descriptions, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { JobProgress } from '../../../../shared/jobs'
import { formatBytes, formatDuration, formatSpeed } from '../../lib/format'
import { ErrorAlert } from '../error-alert'
import { Fingerprint } from './fingerprint'

interface Props {
  job: JobProgress<'export'>
  onCancel(): void
  onAgain(): void
}

/** A running export (bytes, speed, time left, current file, Cancel) and how it ended. */
export function ExportProgressCard({ job, onCancel, onAgain }: Props) {
  const { t } = useTranslation()
  const percent = job.bytesTotal > 0 ? Math.min(100, Math.floor((job.bytesDone / job.bytesTotal) * 100)) : 0
  const r = job.result
  if (job.state === 'done' && r) {
    return (
      <Card size="small" title={t('exportPkg:done.title')} data-testid="export-done">
        <Alert type="success" showIcon title={t('exportPkg:done.message')} className="export-done-alert" />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'path',
              label: t('exportPkg:done.path'),
              children: (
                <Typography.Text className="mono" copyable data-testid="export-done-path">
                  {r.path}
                </Typography.Text>
              ),
            },
            ...(r.sha256
              ? [
                  {
                    key: 'sha',
                    label: t('exportPkg:done.sha256'),
                    children: (
                      <Typography.Text className="mono export-hash" copyable data-testid="export-done-sha256">
                        {r.sha256}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
            { key: 'files', label: t('exportPkg:done.files'), children: r.files },
            {
              key: 'bytes',
              label: t('exportPkg:done.bytes'),
              children: `${formatBytes(r.bytes)} (${r.bytes.toLocaleString()} B)`,
            },
            {
              key: 'signer',
              label: t('exportPkg:done.signer'),
              children: (
                <>
                  <span data-user-data>{r.signer.name}</span> · <Fingerprint value={r.signer.fingerprint} />
                </>
              ),
            },
          ]}
        />
        <Button className="export-again" onClick={onAgain}>
          {t('exportPkg:done.again')}
        </Button>
      </Card>
    )
  }
  if (job.state === 'cancelled' || job.state === 'failed') {
    return (
      <Card size="small" data-testid={`export-${job.state}`}>
        {job.state === 'failed' && job.error ? (
          <ErrorAlert error={job.error} />
        ) : (
          <Alert
            type={job.state === 'failed' ? 'error' : 'info'}
            showIcon
            title={t(job.state === 'failed' ? 'exportPkg:failed' : 'exportPkg:cancelled')}
          />
        )}
        {job.state === 'failed' && (
          <Typography.Paragraph type="secondary">{t('exportPkg:failed')}</Typography.Paragraph>
        )}
        <Button className="export-again" onClick={onAgain}>
          {t('exportPkg:done.again')}
        </Button>
      </Card>
    )
  }
  return (
    <Card size="small" title={t('exportPkg:running')} data-testid="export-running">
      <Progress percent={percent} status="active" />
      <Typography.Paragraph>
        {t('exportPkg:progress', {
          done: formatBytes(job.bytesDone),
          total: formatBytes(job.bytesTotal),
          speed: formatSpeed(job.bytesPerSec),
        })}
        {job.etaSec !== null && <> · {t('exportPkg:eta', { eta: formatDuration(job.etaSec, t) })}</>}
        {' · '}
        {t('exportPkg:files', { done: job.filesDone, total: job.filesTotal })}
      </Typography.Paragraph>
      {job.currentFile && (
        <Typography.Paragraph type="secondary" ellipsis className="mono">
          {t('exportPkg:currentFile', { file: job.currentFile })}
        </Typography.Paragraph>
      )}
      <Button danger onClick={onCancel} data-testid="export-cancel">
        {t('exportPkg:cancel')}
      </Button>
    </Card>
  )
}
