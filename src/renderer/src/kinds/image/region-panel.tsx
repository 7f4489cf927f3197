import { useState } from 'react'
import { Button, Card, Empty, Input, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AnnotationOf } from '../../components/viewers/common/use-annotations'
import { formatInZone } from '../../lib/time'
import { useCaseZone } from '../../lib/citation-words'
import { ErrorAlert } from '../../components/error-alert'
import { asApiError } from '../../lib/errors'
import type { Rect } from './image-stage'
import { WithdrawButton } from '../../components/viewers/common/withdraw-button'
import { LinkToViolationButton } from '../../components/violations/link-to-violation-button'
import { useReadOnly } from '../../state/read-only'
import { useNoteSave } from '../../components/viewers/common/use-note-save'

/** A region annotation's rectangle (its anchor, checked against the contract when it was made). */
export function regionOf(a: AnnotationOf<'region'>): Rect {
  return a.anchor
}

interface FormProps {
  rect: Rect
  onSave(note: string): Promise<void>
  onCancel(): void
}

/** The note for a just-drawn region, saved as a `region` annotation. */
export function RegionForm({ rect, onSave, onCancel }: FormProps) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const { note, setNote, busy, failure, save } = useNoteSave(onSave)
  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('mediaViewer:image.region.new')}
      data-testid="region-form"
      className="media-card"
    >
      <Typography.Paragraph className="mono small" data-testid="pending-region">
        {t('mediaViewer:image.region.rect', { ...rect })}
      </Typography.Paragraph>
      {failure !== null && <ErrorAlert error={asApiError(failure)} />}
      <label className="media-field-label" htmlFor="region-note">
        {t('mediaViewer:common.note')}
      </label>
      <Input.TextArea
        id="region-note"
        autoFocus
        value={note}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('mediaViewer:common.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="media-form-actions">
        <Button onClick={onCancel}>{t('mediaViewer:common.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-region">
          {t('mediaViewer:common.save')}
        </Button>
      </div>
    </Card>
  )
}

interface ListProps {
  regions: AnnotationOf<'region'>[]
  labels: Map<string, string>
  selectedId: string | null
  onSelect(id: string | null): void
  onWithdraw(id: string, reason: string): Promise<unknown>
}

/** The item's regions, numbered R1… as on the image; withdrawn ones stay listed, struck through. */
export function RegionList({ regions, labels, selectedId, onSelect, onWithdraw }: ListProps) {
  const { t } = useTranslation()
  const zone = useCaseZone()
  const [showWithdrawn, setShowWithdrawn] = useState(false)
  const shown = regions.filter((a) => showWithdrawn || !a.withdrawnAt)
  const anyWithdrawn = regions.some((a) => a.withdrawnAt)
  return (
    <div data-testid="region-list">
      {anyWithdrawn && (
        <label className="media-switch">
          <Switch size="small" checked={showWithdrawn} onChange={setShowWithdrawn} />{' '}
          {t('mediaViewer:common.showWithdrawn')}
        </label>
      )}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediaViewer:image.region.empty')} />
      ) : (
        <ol className="media-list">
          {shown.map((a) => {
            const rect = regionOf(a)
            const selected = a.id === selectedId
            return (
              <li
                key={a.id}
                className={`media-list-item${selected ? ' selected' : ''}${a.withdrawnAt ? ' withdrawn' : ''}`}
                data-testid="region-row"
              >
                <button
                  type="button"
                  className="media-list-main"
                  aria-pressed={selected}
                  onClick={() => onSelect(selected ? null : a.id)}
                >
                  <span className="media-list-label">{labels.get(a.id)}</span>
                  {rect && (
                    <span className="mono small">{t('mediaViewer:image.region.rect', { ...rect })}</span>
                  )}
                  <span className="media-list-note" data-user-data>
                    {a.note || t('mediaViewer:common.noNote')}
                  </span>
                  <span className="secondary small" data-user-data>
                    {t('mediaViewer:common.by', { name: a.author.name, at: formatInZone(a.createdAt, zone) })}
                  </span>
                  {a.withdrawnAt && (
                    <span className="media-withdrawn small">
                      {t('mediaViewer:common.withdrawn', { reason: a.withdrawnReason ?? '' })}
                    </span>
                  )}
                </button>
                {!a.withdrawnAt && <LinkToViolationButton itemId={a.itemId} annotationId={a.id} />}
                {!a.withdrawnAt && <WithdrawButton onWithdraw={(reason) => onWithdraw(a.id, reason)} />}
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
