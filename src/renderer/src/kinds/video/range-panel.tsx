import { Button, Card, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import type { AnnotationOf } from '../../components/viewers/common/use-annotations'
import { formatInZone } from '../../lib/time'
import { useCaseZone } from '../../lib/citation-words'
import { WithdrawButton } from '../../components/viewers/common/withdraw-button'
import { LinkToViolationButton } from '../../components/violations/link-to-violation-button'
import { absoluteAt, formatMediaTime } from './playback'
import { useCan, useReadOnly } from '../../state/read-only'
import { useNoteSave } from '../../components/viewers/common/use-note-save'
import { NoteField } from '../../components/viewers/common/note-save-fields'

export interface Marks {
  in: number | null
  out: number | null
}

interface FormProps {
  marks: Marks
  onClear(): void
  onSave(note: string): Promise<void>
}

/** The in/out marks and the note; saving makes a `time-range` annotation. */
export function MarksForm({ marks, onClear, onSave }: FormProps) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const { note, setNote, busy, failure, save } = useNoteSave(onSave)
  const complete = marks.in !== null && marks.out !== null
  const valid = complete && marks.out! > marks.in!
  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('mediaViewer:video.range.title')}
      className="media-card"
      data-testid="marks-form"
    >
      <div className="mono" data-testid="marks">
        {t('mediaViewer:video.marks.in')}{' '}
        {marks.in === null ? t('mediaViewer:video.marks.none') : formatMediaTime(marks.in)} ·{' '}
        {t('mediaViewer:video.marks.out')}{' '}
        {marks.out === null ? t('mediaViewer:video.marks.none') : formatMediaTime(marks.out)}
      </div>
      {complete && !valid && (
        <Typography.Text type="danger">{t('mediaViewer:video.marks.invalid')}</Typography.Text>
      )}
      <NoteField
        look="reason"
        id="range-note"
        label={t('mediaViewer:common.note')}
        value={note}
        onChange={setNote}
        failure={failure}
        maxLength={2000}
        placeholder={t('mediaViewer:common.notePlaceholder')}
      />
      <div className="media-form-actions">
        <Button onClick={onClear} disabled={marks.in === null && marks.out === null}>
          {t('mediaViewer:video.marks.clear')}
        </Button>
        <Button
          type="primary"
          disabled={!valid}
          loading={busy}
          onClick={() => void save()}
          data-testid="save-range"
        >
          {t('mediaViewer:video.marks.saveRange')}
        </Button>
      </div>
    </Card>
  )
}

export function rangeOf(a: AnnotationOf<'time-range'>): { start: number; end: number } {
  return a.anchor
}

interface ListProps {
  item: EvidenceItem
  ranges: AnnotationOf<'time-range'>[]
  onSeek(seconds: number): void
  onWithdraw(id: string, reason: string): Promise<unknown>
}

/** The item's time ranges, numbered T1…; a click goes to the start. Withdrawn ones are not listed here. */
export function RangeList({ item, ranges, onSeek, onWithdraw }: ListProps) {
  const { t } = useTranslation()
  const zone = useCaseZone()
  const readOnly = !useCan('annotation:add')
  const active = ranges.filter((a) => !a.withdrawnAt)
  if (active.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        // review: no hint at keys that would cite (nothing is cited in a package under review)
        description={t(readOnly ? 'mediaViewer:video.range.none' : 'mediaViewer:video.range.empty')}
      />
    )
  return (
    <ol className="media-list" data-testid="range-list">
      {active.map((a) => {
        const r = rangeOf(a)
        const label = `T${ranges.indexOf(a) + 1}`
        const at = r ? absoluteAt(item, r.start) : null
        return (
          <li key={a.id} className="media-list-item" data-testid="range-row">
            <Typography.Link
              className="media-list-main"
              title={t('mediaViewer:video.range.seekTip')}
              onClick={() => r && onSeek(r.start)}
            >
              <span>
                <span className="media-list-label">{label}</span>{' '}
                {r && (
                  <span className="mono" data-testid="range-times">
                    {formatMediaTime(r.start)} – {formatMediaTime(r.end)}
                  </span>
                )}
              </span>
              {r && (
                <span className="secondary small">
                  {t('mediaViewer:video.range.length', { value: formatMediaTime(r.end - r.start) })}
                  {at && ` · ${at}`}
                </span>
              )}
              <span className="media-list-note" data-user-data>
                {a.note || t('mediaViewer:common.noNote')}
              </span>
              {/* the officer's name and the time: the template adds no words of its own */}
              <span className="secondary small" data-user-data>
                {t('mediaViewer:common.by', { name: a.author.name, at: formatInZone(a.createdAt, zone) })}
              </span>
            </Typography.Link>
            <LinkToViolationButton itemId={item.id} annotationId={a.id} />
            <WithdrawButton onWithdraw={(reason) => onWithdraw(a.id, reason)} />
          </li>
        )
      })}
    </ol>
  )
}
