import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd'
import { CameraOutlined, ScissorOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { itemViewer } from '../../state/viewer'
import { ErrorAlert } from '../../components/error-alert'
import type { Marks } from './range-panel'
import { toMs } from './playback'
import { useReadOnly } from '../../state/read-only'
import { itemLabel } from '../category-label'
import { CapturedTime } from '../../components/evidence/captured-time'

interface Props {
  item: EvidenceItem
  time: number
  marks: Marks
}

/**
 * Still frames and clips become derived items of their own. The result shows the new evidence
 * number and, from its record, the source's integrity check value and the exact command, so a
 * reviewer can make the same file again from the original.
 */
export function ExportPanel({ item, time, marks }: Props) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const [busy, setBusy] = useState<'still' | 'clip' | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [made, setMade] = useState<EvidenceItem | null>(null)
  const clipReady = marks.in !== null && marks.out !== null && marks.out > marks.in

  const derive = async (operation: 'still' | 'clip') => {
    setBusy(operation)
    setFailure(null)
    try {
      const input =
        operation === 'still'
          ? { itemId: item.id, operation, start: toMs(time) }
          : { itemId: item.id, operation, start: toMs(marks.in!), end: toMs(marks.out!) }
      const result = await api.invoke('video:derive', input)
      if (result.status !== 'imported' || !result.id) {
        setFailure(result.error ?? { code: 'io-error', message: result.status })
        return
      }
      const { item: derived } = await api.invoke('evidence:get', { id: result.id })
      setMade(derived)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(null)
    }
  }

  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('mediaViewer:video.export.title')}
      className="media-card"
      data-testid="export-panel"
    >
      <Space wrap>
        <Button
          icon={<CameraOutlined />}
          loading={busy === 'still'}
          disabled={busy !== null}
          onClick={() => void derive('still')}
          data-testid="export-still"
        >
          {t('mediaViewer:video.export.still')}
        </Button>
        <Button
          icon={<ScissorOutlined />}
          loading={busy === 'clip'}
          disabled={busy !== null || !clipReady}
          title={clipReady ? undefined : t('mediaViewer:video.export.clipNeedsMarks')}
          onClick={() => void derive('clip')}
          data-testid="export-clip"
        >
          {t('mediaViewer:video.export.clip')}
        </Button>
      </Space>
      {failure !== null && <ErrorAlert error={asApiError(failure)} />}
      {made && (
        <Alert
          type="success"
          showIcon
          className="media-alert"
          style={{ marginTop: 8 }}
          data-testid="export-result"
          title={
            <span>
              {t('mediaViewer:video.export.done', { what: itemLabel(t, made), number: made.number })}{' '}
              <Typography.Link onClick={() => itemViewer.open(made.id)} data-testid="open-derived">
                {t('mediaViewer:video.export.open', { number: made.number })}
              </Typography.Link>
            </span>
          }
          description={
            made.derivedFrom &&
            made.derivedFrom.operation !== 'compare' && (
              <Descriptions size="small" column={1} layout="vertical">
                <Descriptions.Item label={t('mediaViewer:video.export.frameTime')}>
                  <span data-testid="export-frame-time">
                    <CapturedTime item={made} />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item
                  label={t('mediaViewer:video.export.sourceHash', { number: made.derivedFrom.sourceNumber })}
                >
                  <span className="mono small" data-testid="export-source-hash">
                    {made.derivedFrom.sourceSha256}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('mediaViewer:video.export.command')}>
                  <code className="video-derived-command" data-testid="export-command">
                    {made.derivedFrom.command.join(' ')}
                  </code>
                </Descriptions.Item>
                <Descriptions.Item label={t('mediaViewer:video.export.tool')}>
                  {made.derivedFrom.tool}
                </Descriptions.Item>
              </Descriptions>
            )
          }
        />
      )}
    </Card>
  )
}
