import { Card, Empty, Tag } from 'antd'
import { outletInWords, type MonitoringBasis } from '../../../../shared/kinds/monitoring-words'
import type { UiLanguage } from '../../../../shared/error-words'
import { useTranslation } from 'react-i18next'
import type { AnnotationOf, ItemAnnotations } from '../../components/viewers/common/use-annotations'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import { CitationFooter } from '../../components/viewers/common/citation-footer'
import { useReadOnly } from '../../state/read-only'
import { useNoteSave } from '../../components/viewers/common/use-note-save'
import { NoteSaveFields } from '../../components/viewers/common/note-save-fields'
import { ErrorAlert } from '../../components/error-alert'
import { asApiError } from '../../lib/errors'
import type { RangeCiting } from './use-range-citing'

export interface DataRange {
  pollutant: string
  /** the outlet, in a file with several */
  outlet?: string
  /** the concentration basis of the series cited */
  basis?: MonitoringBasis
  /** ISO instants with the case zone's offset */
  start: string
  end: string
}

/** A data-range annotation's range (its anchor, checked against the contract when it was made). */
export function readRange(a: AnnotationOf<'data-range'>): DataRange {
  return a.anchor
}

/** "1号排放口 SO2", a comparison's "差值 A−B E001−E002 SO2" / "Difference A−B E001−E002 SO2". */
function seriesText(r: DataRange, lang: UiLanguage): string {
  return r.outlet ? `${outletInWords(r.outlet, lang)} ${r.pollutant}` : r.pollutant
}

function spanText(r: DataRange, t: (k: string, o: Record<string, string>) => string): string {
  return t('docsViewer:monitoring.range.span', {
    start: formatIsoWithOwnOffset(r.start),
    end: formatIsoWithOwnOffset(r.end),
  })
}

/** The two instants, each kept on one line: a date broken at its hyphen is hard to read. */
function SpanText({ r }: { r: DataRange }) {
  return (
    <span className="mono small mon-span">
      <span>{formatIsoWithOwnOffset(r.start)}</span> — <span>{formatIsoWithOwnOffset(r.end)}</span>
    </span>
  )
}

/** The range dragged on the chart, ready to save as a 数据区间 with a note. */
export function RangeForm({
  range,
  onSave,
  onCancel,
}: {
  range: DataRange
  onSave(note: string): Promise<unknown>
  onCancel(): void
}) {
  const readOnly = useReadOnly()
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { note, setNote, busy, failure, save } = useNoteSave(onSave)
  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('docsViewer:monitoring.range.title')}
      className="docs-card"
      data-testid="range-form"
    >
      <div className="mono small" data-testid="pending-range">
        {seriesText(range, lang)} · {spanText(range, t)}
      </div>
      <NoteSaveFields
        note={note}
        setNote={setNote}
        busy={busy}
        failure={failure}
        save={save}
        onCancel={onCancel}
        saveLabel={t('docsViewer:monitoring.range.save')}
        saveTestId="save-range"
      />
    </Card>
  )
}

interface ListProps {
  ranges: AnnotationOf<'data-range'>[]
  timezone: string
  onWithdraw(id: string, reason: string): Promise<unknown>
}

/** The item's 数据区间, oldest first, numbered R1…; withdrawn ones stay, struck through, with the reason. */
export function RangeList({ ranges, timezone, onWithdraw }: ListProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <Card
      size="small"
      title={t('docsViewer:monitoring.range.listTitle')}
      className="docs-card"
      data-testid="range-list"
    >
      {ranges.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('docsViewer:monitoring.range.empty')} />
      ) : (
        <ol className="docs-list">
          {ranges.map((a, i) => {
            const r = readRange(a)
            const withdrawn = a.withdrawnAt !== null
            return (
              <li
                key={a.id}
                className={`docs-list-item${withdrawn ? ' withdrawn' : ''}`}
                data-testid="range-row"
              >
                <div className="docs-list-span">
                  <span className="docs-list-label">R{i + 1}</span> <strong>{seriesText(r, lang)}</strong>{' '}
                  {withdrawn && <Tag className="mon-tag">{t('docsViewer:common.withdrawn')}</Tag>}
                  {r && <SpanText r={r} />}
                </div>
                <CitationFooter
                  citation={a}
                  timezone={timezone}
                  subject={r ? `${r.pollutant} ${spanText(r, t)}` : ''}
                  successMessage={t('docsViewer:monitoring.range.withdrawn')}
                  onWithdraw={onWithdraw}
                />
              </li>
            )
          })}
        </ol>
      )}
    </Card>
  )
}

/** The side panel's 数据区间: the range waiting for its note, then the item's list (both monitoring views). */
export function CitedRanges({
  citing,
  ranges,
  timezone,
}: {
  citing: RangeCiting
  ranges: ItemAnnotations<'data-range'>
  timezone: string
}) {
  const { pending } = citing
  return (
    <>
      {pending && (
        <RangeForm
          key={`${pending.pollutant}${pending.start}${pending.end}`}
          range={pending}
          onSave={citing.save}
          onCancel={citing.cancel}
        />
      )}
      {ranges.failure !== null && <ErrorAlert error={asApiError(ranges.failure)} />}
      <RangeList ranges={ranges.annotations} timezone={timezone} onWithdraw={ranges.withdraw} />
    </>
  )
}
