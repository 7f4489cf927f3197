import { useEffect, useState } from 'react'
import { App, Button, Card, Input, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import {
  CHOOSABLE_TEXT_ENCODINGS,
  type ChoosableTextEncoding,
  type TextDecodingPreview,
} from '../../../../shared/text-encodings'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../../components/error-alert'
import { useReadOnly } from '../../state/read-only'

interface Candidate {
  encoding: string
  confidence: number
}

/** The decoding facts a text item's meta carries (transcripts and plain-text documents alike). */
function decodingOf(item: EvidenceItem): {
  encoding: string | null
  chosen: boolean
  candidates: Candidate[]
} {
  const meta = item.meta as { encoding?: unknown; encodingChosen?: unknown; encodingCandidates?: unknown }
  const candidates = Array.isArray(meta.encodingCandidates)
    ? (meta.encodingCandidates as Candidate[]).filter((c) => typeof c?.encoding === 'string')
    : []
  return {
    encoding: typeof meta.encoding === 'string' ? meta.encoding : null,
    chosen: meta.encodingChosen === true,
    candidates,
  }
}

const upper = (e: string): string => e.toUpperCase()

/**
 * How a text original is read, and (outside review) a way to read it in another decoding when the
 * detector was unsure: the officer compares the opening of the text in each, gives a reason, and
 * the choice becomes a custody event. The original's bytes never change.
 */
export function DecodingPanel({
  item,
  onChanged,
}: {
  item: EvidenceItem
  onChanged(item: EvidenceItem): void
}) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { encoding, chosen, candidates } = decodingOf(item)
  const others = candidates.filter((c) => c.encoding !== encoding)
  const [choice, setChoice] = useState<ChoosableTextEncoding | null>(null)
  const [preview, setPreview] = useState<TextDecodingPreview | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  useEffect(() => {
    if (!choice) return
    let live = true
    api.invoke('text:preview', { itemId: item.id, encoding: choice }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setFailure(e),
    )
    return () => {
      live = false
    }
  }, [choice, item.id])

  if (!encoding) return null

  async function save() {
    if (!choice || !reason.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      const reread = await api.invoke('text:setDecoding', {
        itemId: item.id,
        encoding: choice,
        reason: reason.trim(),
      })
      void message.success(t('docsViewer:transcript.decoding.saved', { encoding: upper(choice) }))
      onChanged(reread)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const byConfidence = new Map(candidates.map((c) => [c.encoding, c.confidence]))
  const options = [
    ...others.map((c) => c.encoding),
    ...CHOOSABLE_TEXT_ENCODINGS.filter((e) => e !== encoding && !byConfidence.has(e)),
  ]
    .filter((e): e is ChoosableTextEncoding => (CHOOSABLE_TEXT_ENCODINGS as readonly string[]).includes(e))
    .map((e) => ({
      value: e,
      label: byConfidence.has(e)
        ? t('docsViewer:transcript.decoding.candidate', {
            encoding: upper(e),
            confidence: byConfidence.get(e),
          })
        : upper(e),
    }))

  return (
    <Card
      size="small"
      title={t('docsViewer:transcript.decoding.title')}
      className="docs-card"
      data-testid="decoding-panel"
    >
      <div className="decoding-current">
        <span className="secondary">{t('docsViewer:transcript.decoding.current')}</span>
        <strong data-testid="current-decoding">{upper(encoding)}</strong>
        <span className="secondary">
          {t(chosen ? 'docsViewer:transcript.decoding.chosen' : 'docsViewer:transcript.decoding.detected')}
        </span>
      </div>
      {!chosen && others.length > 0 && (
        <Typography.Paragraph type="warning" className="small" data-testid="decoding-uncertain">
          {t('docsViewer:transcript.decoding.uncertain', {
            others: others.map((c) => upper(c.encoding)).join('、'),
          })}
        </Typography.Paragraph>
      )}
      {!readOnly && (
        <>
          <label className="docs-field">
            <span>{t('docsViewer:transcript.decoding.choose')}</span>
            <Select
              aria-label={t('docsViewer:transcript.decoding.choose')}
              value={choice}
              onChange={(v: ChoosableTextEncoding) => {
                setFailure(null)
                setChoice(v)
              }}
              options={options}
              data-testid="decoding-select"
            />
          </label>
          {choice && preview?.encoding === choice && (
            <div className="docs-field" data-testid="decoding-preview">
              <span>{t('docsViewer:transcript.decoding.preview', { encoding: upper(choice) })}</span>
              <pre className="decoding-preview" data-user-data>
                {preview.text}
                {preview.truncated ? '…' : ''}
              </pre>
              {preview.undecodable > 0 && (
                <Typography.Text type="danger" className="small">
                  {t('docsViewer:transcript.decoding.undecodable', { count: preview.undecodable })}
                </Typography.Text>
              )}
            </div>
          )}
          {choice && (
            <label className="docs-field">
              <span>{t('docsViewer:transcript.decoding.reason')}</span>
              <Input.TextArea
                aria-label={t('docsViewer:transcript.decoding.reason')}
                value={reason}
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder={t('docsViewer:transcript.decoding.reasonPlaceholder')}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          )}
          {failure !== null && <ErrorAlert error={asApiError(failure)} className="docs-alert" />}
          {choice && (
            <>
              <Typography.Paragraph type="secondary" className="small">
                {t('docsViewer:transcript.decoding.unchanged')}
              </Typography.Paragraph>
              <Button
                block
                loading={busy}
                disabled={!reason.trim()}
                onClick={() => void save()}
                data-testid="save-decoding"
              >
                {t('docsViewer:transcript.decoding.save')}
              </Button>
            </>
          )}
        </>
      )}
    </Card>
  )
}
