import { useState } from 'react'
import { Alert, Button, Progress, Typography } from 'antd'
import { FilePdfOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import { isJobRunning, type JobProgress } from '../../../../shared/jobs'
import type { TransferDocument } from '../../../../shared/violation-types'
import { api } from '../../api'
import { ErrorAlert } from '../error-alert'
import { asApiError } from '../../lib/errors'
import { useJob } from '../../state/jobs'

type Pdf =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'started'; taskId: string }
  | { state: 'refused'; error: ApiError }

/** "生成 PDF": starts the print job and follows it (`job:progress`) to the written path. */
export function PdfButton({ doc }: { doc: TransferDocument }) {
  const { t } = useTranslation()
  const [started, setStarted] = useState<Pdf>({ state: 'idle' })
  // Another document: the last one's result no longer applies.
  const [kind, setKind] = useState(doc.kind)
  if (kind !== doc.kind) {
    setKind(doc.kind)
    setStarted({ state: 'idle' })
  }
  const job = useJob(started.state === 'started' ? started.taskId : null, 'pdf')
  const pdf = stateOf(started, job)

  async function start() {
    setStarted({ state: 'starting' })
    try {
      const { taskId } = await api.invoke('documents:pdf', { kind: doc.kind })
      setStarted({ state: 'started', taskId })
    } catch (err) {
      setStarted({ state: 'refused', error: asApiError(err) })
    }
  }

  const draft = doc.problems.length > 0
  return (
    <div className="transfer-pdf" data-testid="transfer-pdf">
      <div className="transfer-pdf-stack">
        <Button
          icon={<FilePdfOutlined />}
          loading={pdf.state === 'running'}
          onClick={() => void start()}
          data-testid="transfer-pdf-button"
        >
          {pdf.state === 'running' ? t('transfer:pdf.running') : t('transfer:pdf.generate')}
        </Button>
        {pdf.state === 'running' && <Progress percent={99} status="active" showInfo={false} size="small" />}
        {pdf.state === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="transfer-pdf-done"
            title={t('transfer:pdf.done')}
            description={
              <>
                <Typography.Text code copyable data-user-data>
                  {pdf.path}
                </Typography.Text>
                {draft && <div>{t('transfer:pdf.draftNote')}</div>}
              </>
            }
          />
        )}
        {pdf.state === 'cancelled' && <Alert type="info" showIcon title={t('transfer:pdf.cancelled')} />}
        {pdf.state === 'failed' &&
          (pdf.error.code === 'not-supported' ? (
            <Alert
              type="warning"
              showIcon
              data-testid="transfer-pdf-unavailable"
              title={t('transfer:pdf.unavailable')}
            />
          ) : (
            <ErrorAlert error={pdf.error} onClose={() => setStarted({ state: 'idle' })} />
          ))}
      </div>
    </div>
  )
}

type PdfState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; path: string; bytes: number }
  | { state: 'cancelled' }
  | { state: 'failed'; error: ApiError }

/** What the button shows: the call that starts the job, then the job itself (running until its first event). */
function stateOf(started: Pdf, job: JobProgress<'pdf'> | null): PdfState {
  if (started.state === 'idle') return { state: 'idle' }
  if (started.state === 'refused') return { state: 'failed', error: started.error }
  if (started.state === 'starting' || !job || isJobRunning(job)) return { state: 'running' }
  if (job.state === 'done' && job.result) return { state: 'done', ...job.result }
  if (job.state === 'cancelled') return { state: 'cancelled' }
  return { state: 'failed', error: job.error ?? { code: 'internal', message: 'PDF printing failed.' } }
}
