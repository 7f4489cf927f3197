import { useMemo, useState } from 'react'
import { Alert, Button, Flex, Progress, Segmented, Tag, Tooltip, Typography } from 'antd'
import { StopOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isJobRunning, type JobProgress, type JobState } from '../../../../shared/jobs'
import { formatBytes, formatDuration, formatSpeed } from '../../lib/format'
import { useImportTasks } from '../../state/import-tasks-context'
import { ErrorAlert } from '../error-alert'
import { JobCard } from './job-card'
import { outcomeOf, ResultList, type Outcome } from './result-list'
import type { MessageKey } from '../../i18n/keys'

const STATE_TEXT: Record<JobState, MessageKey> = {
  scanning: 'tasks.state.scanning',
  running: 'tasks.state.running',
  done: 'tasks.state.done',
  cancelled: 'tasks.state.cancelled',
  failed: 'tasks.state.failed',
}

/** One import: how far it is, how fast, what is left, and what became of each file. */
export function TaskCard({ task }: { task: JobProgress<'import'> }) {
  const { t } = useTranslation()
  const { cancel, cancelling } = useImportTasks()
  const [filter, setFilter] = useState<'all' | 'attention'>('all')
  const running = isJobRunning(task)

  const counts = useMemo(() => {
    const c: Record<Outcome, number> = { imported: 0, warned: 0, duplicate: 0, rejected: 0 }
    for (const r of task.results) c[outcomeOf(r)]++
    return c
  }, [task.results])
  const attention = counts.warned + counts.rejected
  const shown = useMemo(
    () =>
      filter === 'all'
        ? task.results
        : task.results.filter((r) => r.status === 'rejected' || r.warnings.length > 0),
    [filter, task.results],
  )

  const percent =
    task.bytesTotal > 0
      ? (task.bytesDone / task.bytesTotal) * 100
      : task.filesTotal > 0
        ? (task.filesDone / task.filesTotal) * 100
        : task.state === 'done'
          ? 100
          : 0

  return (
    <JobCard
      testId="task-card"
      state={task.state}
      title={t('tasks.importTitle')}
      stateLabel={t(STATE_TEXT[task.state])}
      extra={
        running && (
          <Tooltip title={t('tasks.cancelHint')}>
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              loading={cancelling.has(task.taskId)}
              onClick={() => cancel(task.taskId)}
              data-testid="task-cancel"
            >
              {t('tasks.cancel')}
            </Button>
          </Tooltip>
        )
      }
    >
      <Progress
        percent={Math.floor(percent * 10) / 10}
        status={
          task.state === 'failed'
            ? 'exception'
            : task.state === 'done'
              ? 'success'
              : running
                ? 'active'
                : 'normal'
        }
        format={(p) => `${Math.floor(p ?? 0)}%`}
      />
      <dl className="task-stats">
        <dt>{t('tasks.files')}</dt>
        <dd className="mono" data-testid="task-files">
          {task.filesDone} / {task.filesTotal}
        </dd>
        <dt>{t('tasks.bytes')}</dt>
        <dd className="mono">
          {formatBytes(task.bytesDone)} / {formatBytes(task.bytesTotal)}
        </dd>
        <dt>{t('tasks.speed')}</dt>
        <dd className="mono">{task.bytesPerSec > 0 ? formatSpeed(task.bytesPerSec) : '—'}</dd>
        <dt>{t('tasks.eta')}</dt>
        <dd className="mono">
          {running && task.etaSec !== null
            ? formatDuration(task.etaSec, t)
            : running
              ? t('tasks.etaUnknown')
              : '—'}
        </dd>
      </dl>
      {running && (
        <div className="task-current">
          <Typography.Text type="secondary">{t('tasks.current')}</Typography.Text>{' '}
          <Typography.Text className="mono small" ellipsis={{ tooltip: task.currentFile }} data-user-data>
            {task.currentFile ?? (task.state === 'scanning' ? t('tasks.scanning') : '—')}
          </Typography.Text>
        </div>
      )}
      {task.state === 'cancelled' && (
        <Alert
          type="info"
          showIcon
          className="task-note"
          title={t('tasks.cancelledNote', { count: counts.imported + counts.warned })}
        />
      )}
      {task.state === 'failed' && (
        <Alert type="error" showIcon className="task-note" title={t('tasks.failedNote')} />
      )}
      {task.error && <ErrorAlert error={task.error} className="task-note" />}

      <Flex align="center" justify="space-between" gap={8} wrap className="task-summary">
        <Flex gap={4} wrap data-testid="task-summary">
          {/* a file imported with warnings is imported: "已导入 12（其中 12 有警告）", never "已导入 0" */}
          <Tag color={counts.warned > 0 ? 'gold' : 'green'} data-testid="task-imported">
            {counts.warned > 0
              ? t('tasks.count.importedWarned', {
                  count: counts.imported + counts.warned,
                  warned: counts.warned,
                })
              : t('tasks.count.imported', { count: counts.imported })}
          </Tag>
          <Tag>{t('tasks.count.duplicate', { count: counts.duplicate })}</Tag>
          <Tag color="red">{t('tasks.count.rejected', { count: counts.rejected })}</Tag>
        </Flex>
        <Segmented
          size="small"
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'attention')}
          options={[
            { value: 'all', label: t('tasks.filterAll', { count: task.results.length }) },
            { value: 'attention', label: t('tasks.filterAttention', { count: attention }) },
          ]}
        />
      </Flex>
      <ResultList results={shown} />
    </JobCard>
  )
}
