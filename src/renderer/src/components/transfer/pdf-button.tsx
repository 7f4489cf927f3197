import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Progress, Typography } from 'antd'
import { FilePdfOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import type { JobProgress } from '../../../../shared/package-types'
import type { TransferDocument } from '../../../../shared/violation-types'
import { api, onApiEvent } from '../../api'
import { ErrorAlert } from '../error-alert'
import { asApiError } from '../../lib/errors'

type PdfState =
  | { state: 'idle' }
  | { state: 'running'; taskId: string | null }
  | { state: 'done'; path: string; bytes: number }
  | { state: 'cancelled' }
  | { state: 'failed'; error: ApiError }

/** "生成 PDF": starts the print job and follows its `job:progress` events to the written path. */
export function PdfButton({ doc }: { doc: TransferDocument }) {
  const { t } = useTranslation()
  const [pdf, setPdf] = useState<PdfState>({ state: 'idle' })
  // Events may arrive before the invoke returns the task id: keep the latest per task until it does.
  const seen = useRef(new Map<string, JobProgress>())
  // Another document: the last one's result no longer applies.
  const [kind, setKind] = useState(doc.kind)
  if (kind !== doc.kind) {
    setKind(doc.kind)
    setPdf({ state: 'idle' })
  }

  useEffect(
    () =>
      onApiEvent('job:progress', (p) => {
        if (p.kind !== 'pdf') return
        seen.current.set(p.taskId, p)
        setPdf((cur) => (cur.state === 'running' && cur.taskId === p.taskId ? (settle(p) ?? cur) : cur))
      }),
    [],
  )

  async function start() {
    setPdf({ state: 'running', taskId: null })
    try {
      const { taskId: id } = await api.invoke('documents:pdf', { kind: doc.kind })
      // The job may have finished before its id came back.
      const early = seen.current.get(id)
      const next: PdfState = (early && settle(early)) ?? { state: 'running', taskId: id }
      setPdf((cur) => (cur.state === 'running' ? next : cur))
    } catch (err) {
      setPdf({ state: 'failed', error: asApiError(err) })
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
          {pdf.state === 'running' ? t('transfer.pdf.running') : t('transfer.pdf.generate')}
        </Button>
        {pdf.state === 'running' && <Progress percent={99} status="active" showInfo={false} size="small" />}
        {pdf.state === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="transfer-pdf-done"
            title={t('transfer.pdf.done')}
            description={
              <>
                <Typography.Text code copyable data-user-data>
                  {pdf.path}
                </Typography.Text>
                {draft && <div>{t('transfer.pdf.draftNote')}</div>}
              </>
            }
          />
        )}
        {pdf.state === 'cancelled' && <Alert type="info" showIcon title={t('transfer.pdf.cancelled')} />}
        {pdf.state === 'failed' &&
          (pdf.error.code === 'not-supported' ? (
            <Alert
              type="warning"
              showIcon
              data-testid="transfer-pdf-unavailable"
              title={t('transfer.pdf.unavailable')}
            />
          ) : (
            <ErrorAlert error={pdf.error} onClose={() => setPdf({ state: 'idle' })} />
          ))}
      </div>
    </div>
  )
}

function settle(p: JobProgress): PdfState | null {
  if (p.state === 'done') {
    const r = p.result as { path: string; bytes: number }
    return { state: 'done', path: r.path, bytes: r.bytes }
  }
  if (p.state === 'cancelled') return { state: 'cancelled' }
  if (p.state === 'failed')
    return { state: 'failed', error: p.error ?? { code: 'internal', message: 'PDF printing failed.' } }
  return null
}
