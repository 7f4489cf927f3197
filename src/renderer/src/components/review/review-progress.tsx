import { Button, Modal, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { JobProgress } from '../../../../shared/jobs'
import { api } from '../../api'
import { formatBytes, formatSpeed } from '../../lib/format'

interface Props {
  taskId: string
  progress: JobProgress<'verify'> | null
}

/** The package's verification: bytes, the file being read, speed, and cancel. */
export function ReviewProgress({ taskId, progress: p }: Props) {
  const { t } = useTranslation()
  const percent = p && p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      title={t('review:progress.title')}
      footer={
        <Button
          danger
          onClick={() => void api.invoke('job:cancel', { taskId }).catch(() => undefined)}
          data-testid="review-cancel"
        >
          {t('review:progress.cancel')}
        </Button>
      }
    >
      <div data-testid="review-progress">
        <Progress percent={percent} status="active" />
        {p && p.bytesTotal > 0 && (
          <Typography.Paragraph>
            {t('review:progress.bytes', { done: formatBytes(p.bytesDone), total: formatBytes(p.bytesTotal) })}
            {p.bytesPerSec > 0 && ` · ${t('review:progress.speed', { speed: formatSpeed(p.bytesPerSec) })}`}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" ellipsis data-user-data>
          {p?.currentFile
            ? t('review:progress.file', { file: p.currentFile })
            : percent >= 100
              ? t('review:progress.preparing')
              : '\u00a0'}
        </Typography.Paragraph>
      </div>
    </Modal>
  )
}
