import { useState } from 'react'
import { Alert, Button, Checkbox, Flex, Modal, Space, Tag, Typography } from 'antd'
import {
  AuditOutlined,
  CommentOutlined,
  ExclamationCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { CaseInfo } from '../../../../shared/types'
import { useApi } from '../../hooks/use-api'
import { ReviewNotesPanel } from './review-notes-panel'
import { ReviewSummary } from './review-summary'

/**
 * The yellow "review mode" band across the case frame: the verdict (shown first, on opening),
 * the review notes, and the way out.
 */
export function ReviewBand({ current, onClose }: { current: CaseInfo; onClose(): void }) {
  const { t } = useTranslation()
  const review = current.review as NonNullable<CaseInfo['review']>
  const [summaryOpen, setSummaryOpen] = useState(true)
  const [notesOpen, setNotesOpen] = useState(false)
  // An untrusted or mismatched signer blocks the way to the case until the reviewer has said,
  // once per review, that they understood it (issue 11, item 3).
  const [acknowledged, setAcknowledged] = useState(false)

  // the package does not change while it is under review
  const verdict = useApi('review:current', {}, { refetchOnCaseChange: false }).data?.verdict ?? null
  // amber: findings that leave the verdict valid but need the reviewer's attention
  const notices = verdict?.warnings ?? []
  const mismatch = verdict?.problems.some((p) => p.code === 'signer-mismatch') ?? false
  const mustAcknowledge = verdict !== null && (mismatch || !verdict.signature.trusted)
  const blocked = mustAcknowledge && !acknowledged

  return (
    <>
      <Flex
        className={`review-band ${review.valid ? 'review-band-ok' : 'review-band-bad'}`}
        align="center"
        gap={12}
        wrap
        data-testid="review-band"
        // UI.md: reviewer mode is marked by a yellow band across the frame
        style={{ background: '#fffbe6', borderBottom: '1px solid #ffe58f', padding: '6px 16px' }}
      >
        <AuditOutlined />
        <Typography.Text strong>{t('review:band.title')}</Typography.Text>
        <Typography.Text className="review-band-text">{t('review:band.text')}</Typography.Text>
        <Typography.Text strong type={review.valid ? 'success' : 'danger'}>
          {review.valid ? t('review:summary.ok') : t('review:summary.bad')}
        </Typography.Text>
        {notices.length > 0 && (
          <Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid="review-band-warning">
            {notices.length === 1 && notices[0].code === 'untrusted-key'
              ? t('review:band.untrusted')
              : t('review:band.notices', { n: notices.length })}
          </Tag>
        )}
        <Space className="review-band-actions" style={{ marginLeft: 'auto' }}>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setSummaryOpen(true)}
            data-testid="review-show-summary"
          >
            {t('review:band.summary')}
          </Button>
          <Button
            size="small"
            icon={<CommentOutlined />}
            onClick={() => setNotesOpen(true)}
            data-testid="review-open-notes"
          >
            {t('review:band.notes')}
          </Button>
        </Space>
      </Flex>
      <Modal
        open={summaryOpen && verdict !== null}
        width={760}
        title={t('review:band.summary')}
        closable={!blocked}
        maskClosable={!blocked}
        keyboard={!blocked}
        onCancel={() => !blocked && setSummaryOpen(false)}
        footer={
          <Space>
            <Button onClick={onClose}>{t('review:summary.closeReview')}</Button>
            <Button
              type="primary"
              disabled={blocked}
              onClick={() => setSummaryOpen(false)}
              data-testid="review-show-case"
            >
              {t('review:summary.showCase')}
            </Button>
          </Space>
        }
      >
        {verdict && <ReviewSummary path={review.path} verdict={verdict} />}
        {mustAcknowledge && (
          <Alert
            className="review-ack"
            type={mismatch ? 'error' : 'warning'}
            showIcon
            title={t('review:band.ack')}
            data-testid="review-ack"
            description={
              <Checkbox
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
                data-testid="review-ack-signer"
              >
                {mismatch ? t('review:band.ackMismatch') : t('review:band.ackUntrusted')}
              </Checkbox>
            }
          />
        )}
      </Modal>
      <ReviewNotesPanel
        open={notesOpen}
        onClose={() => setNotesOpen(false)}
        packagePath={review.path}
        caseNumber={current.number}
      />
    </>
  )
}
