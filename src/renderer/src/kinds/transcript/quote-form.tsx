import { Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReadOnly } from '../../state/read-only'
import { useNoteSave } from '../../components/viewers/common/use-note-save'
import { NoteSaveFields } from '../../components/viewers/common/note-save-fields'

interface Props {
  /** [start, end) in view.text and exactly view.text.slice(start, end) */
  quote: { start: number; end: number; text: string }
  onSave(note: string): Promise<unknown>
  onCancel(): void
}

/** The selected passage as it will be cited (the record's own text, not the screen's), with a note. */
export function QuoteForm({ quote, onSave, onCancel }: Props) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const { note, setNote, busy, failure, save } = useNoteSave(onSave)

  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      size="small"
      title={t('docsViewer:transcript.select.title')}
      data-testid="quote-form"
      className="docs-card"
    >
      <blockquote className="tx-quote-text" data-testid="pending-quote" data-user-data>
        {quote.text}
      </blockquote>
      <Typography.Text type="secondary" className="small mono" data-testid="pending-quote-range">
        {t('docsViewer:transcript.select.range', { start: quote.start, end: quote.end })}
      </Typography.Text>
      <NoteSaveFields
        note={note}
        setNote={setNote}
        busy={busy}
        failure={failure}
        save={save}
        onCancel={onCancel}
        saveLabel={t('docsViewer:transcript.select.save')}
        saveTestId="save-quote"
      />
    </Card>
  )
}
