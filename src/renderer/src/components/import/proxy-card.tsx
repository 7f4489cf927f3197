import { Alert, Flex, Progress, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isJobRunning, type JobProgress, type JobState } from '../../../../shared/jobs'
import type { MessageKey } from '../../i18n/keys'
import { ErrorAlert } from '../error-alert'
import { JobCard } from './job-card'

const STATE_TEXT: Record<JobState, MessageKey> = {
  scanning: 'tasks.proxy.state.scanning',
  running: 'tasks.proxy.state.running',
  done: 'tasks.proxy.state.done',
  cancelled: 'tasks.proxy.state.cancelled',
  failed: 'tasks.proxy.state.failed',
}

/**
 * Playback proxies made in the background after an import (videos this browser engine cannot
 * play): how far the run is, and each copy that could not be made with the reason.
 */
export function ProxyCard({ task }: { task: JobProgress<'proxy'> }) {
  const { t } = useTranslation()
  const running = isJobRunning(task)
  const failed = task.results.filter((r) => r.status === 'failed')
  const ready = task.results.length - failed.length
  const percent = task.filesTotal > 0 ? Math.floor((task.filesDone / task.filesTotal) * 100) : 0
  return (
    <JobCard
      testId="proxy-card"
      state={task.state}
      title={t('tasks.proxy.title')}
      stateLabel={t(STATE_TEXT[task.state])}
    >
      <Typography.Paragraph type="secondary" className="task-note">
        {t('tasks.proxy.intro')}
      </Typography.Paragraph>
      <Progress
        percent={percent}
        status={failed.length > 0 || task.state === 'failed' ? 'exception' : running ? 'active' : 'normal'}
        format={() => `${task.filesDone} / ${task.filesTotal}`}
      />
      <Flex gap={4} wrap className="task-summary">
        <Tag color="green">{t('tasks.proxy.ready', { count: ready })}</Tag>
        <Tag color="red">{t('tasks.proxy.failed', { count: failed.length })}</Tag>
      </Flex>
      {failed.length > 0 && (
        <ul className="proxy-failures">
          {failed.map((r) => (
            <li key={r.itemId} data-testid="proxy-failure" data-item={r.number}>
              <Typography.Text strong className="mono">
                {r.number}
              </Typography.Text>{' '}
              {t('tasks.proxy.itemFailed')}
              {r.error && (
                <details className="proxy-failure-detail">
                  <summary>{t('errors.details')}</summary>
                  <pre className="mono" data-user-data>
                    {[r.error.message, r.error.detail].filter(Boolean).join('\n')}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {task.state === 'cancelled' && (
        <Alert type="info" showIcon className="task-note" title={t('tasks.proxy.cancelledNote')} />
      )}
      {task.error && <ErrorAlert error={task.error} className="task-note" />}
    </JobCard>
  )
}
