import { Button, Flex, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../../lib/errors'
import { ErrorAlert } from '../../error-alert'

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
      <label className="docs-field">
        <span>{t('docsViewer:common.note')}</span>
        <Input.TextArea
          aria-label={t('docsViewer:common.note')}
          value={note}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('docsViewer:common.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="docs-alert" />}
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t('docsViewer:common.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid={saveTestId}>
          {saveLabel}
        </Button>
      </Flex>
    </>
  )
}
