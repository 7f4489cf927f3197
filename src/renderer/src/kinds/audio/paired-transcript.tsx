import { useMemo, useRef, useState } from 'react'
import { App, Card, Empty, Spin, Typography } from 'antd'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../../components/error-alert'
import { useAnnotations } from '../../components/viewers/common/use-annotations'
import { QuoteForm } from '../transcript/quote-form'
import { readQuote } from '../transcript/quote-list'
import { TranscriptDialogue, TranscriptFullText, type DialogueTurn } from '../transcript/transcript-dialogue'
import { placePart, selectionOffsets, trimRange, type Mark } from '../transcript/transcript-text'
import { useTranscript } from '../transcript/use-transcript'
import { formatMediaTime, toMs } from '../video/playback'
import { useAudioWords } from './audio-words'
import '../../components/viewers/common/docs-viewers.css'

interface Props {
  transcriptId: string
  recordingId: string
  /** the recording's position now: a quote saved here carries it as the time the words were said */
  time: number
  onSeek(seconds: number): void
}

/**
 * The paired interview record beside its recording. Selecting words quotes them (on the record,
 * by their offsets in its text) with the recording's current position as `saidAt`; a quote that
 * carries a time in this recording plays from there when clicked.
 */
export function PairedTranscript({ transcriptId, recordingId, time, onSeek }: Props) {
  const w = useAudioWords().quote
  const { message } = App.useApp()
  const { view, failure, loading } = useTranscript(transcriptId)
  const quotes = useAnnotations(transcriptId, 'quote')
  const textRef = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<{ start: number; end: number; text: string; at: number } | null>(
    null,
  )

  const turns = useMemo<DialogueTurn[]>(
    () =>
      (view?.turns ?? []).map((turn) => ({
        q: turn.qStart === null && !turn.q ? null : placePart(view!, turn.q, turn.qStart),
        a: turn.aStart === null && !turn.a ? null : placePart(view!, turn.a, turn.aStart),
      })),
    [view],
  )
  const said = quotes.annotations.filter((a) => !a.withdrawnAt && readQuote(a).saidAt?.itemId === recordingId)
  const marks = useMemo<Mark[]>(() => {
    const quoted = said.map((a) => ({ start: a.anchor.start, end: a.anchor.end, kind: 'quote' as const }))
    return pending ? [...quoted, { start: pending.start, end: pending.end, kind: 'quote' as const }] : quoted
  }, [said, pending])

  function onPointerUp() {
    if (!view || !textRef.current) return
    const offsets = selectionOffsets(textRef.current, window.getSelection())
    if (!offsets) return
    const { start, end } = trimRange(view.text, offsets.start, offsets.end)
    if (end <= start) return
    // the record's own text at these offsets, never the screen's selection string
    setPending({ start, end, text: view.text.slice(start, end), at: toMs(time) })
  }

  async function save(note: string) {
    if (!pending) return
    const { start, end, text, at } = pending
    await quotes.add({ start, end, text, saidAt: { itemId: recordingId, start: at } }, note)
    setPending(null)
    window.getSelection()?.removeAllRanges()
    void message.success(w.saved)
  }

  if (loading) return <Spin data-testid="paired-transcript" />
  if (!view) return <ErrorAlert error={asApiError(failure)} />
  return (
    <div className="audio-pair" data-testid="paired-transcript">
      <Typography.Text type="secondary" className="small">
        {w.hint}
      </Typography.Text>
      <div className="audio-paired-text" ref={textRef} onMouseUp={onPointerUp} onKeyUp={onPointerUp}>
        {turns.length > 0 ? (
          <TranscriptDialogue turns={turns} marks={marks} />
        ) : (
          <TranscriptFullText text={view.text} marks={marks} />
        )}
      </div>
      {pending && (
        <>
          <Typography.Text strong data-testid="pending-said-at">
            {w.saidAt(formatMediaTime(pending.at))}
          </Typography.Text>
          <QuoteForm
            key={`${pending.start}-${pending.end}`}
            quote={pending}
            onSave={save}
            onCancel={() => setPending(null)}
          />
        </>
      )}
      {quotes.failure !== null && <ErrorAlert error={asApiError(quotes.failure)} />}
      <Card size="small" title={w.list} className="media-card">
        {said.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w.empty} />
        ) : (
          <ol className="media-list" data-testid="said-at-list">
            {said.map((a) => {
              const at = readQuote(a).saidAt!.start
              return (
                <li key={a.id} className="media-list-item" data-testid="said-at-row">
                  <Typography.Link className="media-list-main" title={w.seekTip} onClick={() => onSeek(at)}>
                    <span className="mono audio-said-at">{formatMediaTime(at)}</span>
                    <span data-user-data>“{a.anchor.text}”</span>
                  </Typography.Link>
                </li>
              )
            })}
          </ol>
        )}
      </Card>
    </div>
  )
}
