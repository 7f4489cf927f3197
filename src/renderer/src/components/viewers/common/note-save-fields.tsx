import { Button, Flex, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../../lib/errors'
import { ErrorAlert } from '../../error-alert'
import '../../reason-button.css'

interface NoteFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** what saving threw, shown under the text; null when nothing failed */
  failure: unknown
  placeholder?: string
  maxLength: number
  /** the text area's id and test id (a dialog's label points at it) */
  id?: string
  /**
   * 'docs': the document viewers' cards (label and text one block, space below, docs-viewers.css);
   * 'reason': the label on its own line above the text, as the reason dialogs and the media cards
   * have it (reason-button.css).
   */
  look: 'docs' | 'reason'
}

/**
 * A note or a reason as every form here asks for it: its label, a text area of two to five lines,
 * and the error if saving failed. The shared body of the citation forms (quote, data range, video
 * time range) and of the dialogs that record a reason (clock offset, time zone, withdraw or unlink).
 */
export function NoteField({
  label,
  value,
  onChange,
  failure,
  placeholder,
  maxLength,
  id,
  look,
}: NoteFieldProps) {
  const area = (
    <Input.TextArea
      id={id}
      aria-label={look === 'docs' ? label : undefined}
      value={value}
      maxLength={maxLength}
      autoSize={{ minRows: 2, maxRows: 5 }}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      data-testid={id}
    />
  )
  return (
    <>
      {look === 'docs' ? (
        <label className="docs-field">
          <span>{label}</span>
          {area}
        </label>
      ) : (
        <>
          <label className="reason-label" htmlFor={id}>
            {label}
          </label>
          {area}
        </>
      )}
      {failure !== null && (
        <ErrorAlert error={asApiError(failure)} className={look === 'docs' ? 'docs-alert' : 'reason-alert'} />
      )}
    </>
  )
}

interface Props {
  note: string
  setNote(note: string): void
  busy: boolean
  failure: unknown
  save(): Promise<void>
  onCancel(): void
  saveLabel: string
  saveTestId: string
}

/** The note, the error if saving failed, and cancel/save: the lower half of a new quote or data range. */
export function NoteSaveFields({
  note,
  setNote,
  busy,
  failure,
  save,
  onCancel,
  saveLabel,
  saveTestId,
}: Props) {
  const { t } = useTranslation()
  return (
    <>
      <NoteField
        look="docs"
        label={t('docsViewer:common.note')}
        value={note}
        onChange={setNote}
        failure={failure}
        maxLength={2000}
        placeholder={t('docsViewer:common.notePlaceholder')}
      />
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t('docsViewer:common.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid={saveTestId}>
          {saveLabel}
        </Button>
      </Flex>
    </>
  )
}
