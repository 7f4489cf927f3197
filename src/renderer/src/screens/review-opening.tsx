import { useEffect, useState } from 'react'
import { Alert, Button, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PackageVerdict } from '../../../shared/package-types'
import { api, chooseInBrowser } from '../api'
import { ErrorAlert } from '../components/error-alert'
import { PackagePicker } from '../components/review/package-picker'
import { ReviewProgress } from '../components/review/review-progress'
import { ReviewSummary } from '../components/review/review-summary'
import { useReviewOpen } from '../components/review/use-review-open'
import { useSession } from '../state/session'

/**
 * "Open package for review" from the start screen: choose the package, watch it verify, then
 * the case frame takes over read-only. A package with no readable case shows only its verdict.
 */
export function ReviewOpening({ onDone }: { onDone(): void }) {
  const { t } = useTranslation()
  const { setCase } = useSession()
  const { state, open } = useReviewOpen(setCase)
  const [path, setPath] = useState<string | null>(null)

  useEffect(() => {
    if (state.phase === 'cancelled') {
      const timer = setTimeout(onDone, 1500)
      return () => clearTimeout(timer)
    }
  }, [state.phase, onDone])

  async function endReview() {
    await api.invoke('review:close', {}).catch(() => undefined)
    onDone()
  }

  if (!path)
    return (
      <PackagePicker
        onCancel={onDone}
        onChoose={(p) => {
          setPath(p)
          // browser mode: the package (and its folder) become this session's chosen places
          void chooseInBrowser([p])
            .catch(() => undefined)
            .then(() => open(p))
        }}
      />
    )
  switch (state.phase) {
    case 'verifying':
      return <ReviewProgress taskId={state.taskId} progress={state.progress} />
    case 'failed':
      return (
        <Modal
          open
          title={t('review:progress.failed')}
          onCancel={onDone}
          footer={<Button onClick={onDone}>OK</Button>}
        >
          <ErrorAlert error={state.error} subject={state.path} />
        </Modal>
      )
    case 'cancelled':
      return (
        <Modal open closable={false} footer={null}>
          <Alert type="info" showIcon title={t('review:progress.cancelled')} />
        </Modal>
      )
    case 'no-case':
      return (
        <Modal
          open
          width={760}
          title={t('review:band.summary')}
          onCancel={() => void endReview()}
          footer={<Button onClick={() => void endReview()}>{t('review:summary.closeReview')}</Button>}
        >
          <Alert type="warning" showIcon title={t('review:summary.noCase')} className="page-alert" />
          <ReviewSummary path={path} verdict={state.progress.result as PackageVerdict} />
        </Modal>
      )
    default:
      return null
  }
}
