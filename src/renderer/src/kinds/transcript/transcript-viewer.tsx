import { useContext, useEffect, useMemo, useRef, useState } from 'react'
import { App, Card, Descriptions, Empty, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { asApiError } from '../../lib/errors'
import { SessionContext } from '../../state/session'
import { ErrorAlert } from '../../components/error-alert'
import '../../components/viewers/common/docs-viewers.css'
import { DecodingPanel } from './decoding-panel'
import { QuoteForm } from './quote-form'
import { QuoteList, readQuote } from './quote-list'
import { TranscriptDialogue, TranscriptFullText, type DialogueTurn } from './transcript-dialogue'
import { TranscriptSearch } from './transcript-search'
import { findMatches, placePart, selectionOffsets, trimRange, type Mark } from './transcript-text'
import { useAnnotations } from '../../components/viewers/common/use-annotations'
import { useTranscript } from './use-transcript'

/**
 * 询问笔录 viewer: the header as a description list, 问/答 as a numbered dialogue, find with
 * next/previous, and 摘录: select text to cite it by its character offsets in the record text.
 */
export function TranscriptViewer({ item }: { item: EvidenceItem }) {
  // The item as its decoding was last set here: the viewer's item may be a snapshot taken when it opened.
  const [reread, setReread] = useState<EvidenceItem | null>(null)
  const current = reread?.id === item.id ? reread : item
  // Keyed by item and its decoding: a search, a half-made quote and a selection belong to one
  // record as read one way; another decoding is another text.
  return (
    <TranscriptViewerBody
      key={`${current.id}:${String(current.meta.encoding)}`}
      item={current}
      onDecodingChanged={setReread}
    />
  )
}

function TranscriptViewerBody({
  item,
  onDecodingChanged,
}: {
  item: EvidenceItem
  onDecodingChanged(item: EvidenceItem): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useContext(SessionContext)
  const timezone = session?.currentCase?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const { view, failure, loading } = useTranscript(item.id)
  // a plain-text document shown here has no 笔录 header or 问/答 to look for
  const plain = item.kind !== 'transcript'
  const quotes = useAnnotations(item.id, 'quote')
  const textRef = useRef<HTMLDivElement>(null)

  const [query, setQuery] = useState('')
  const [hitIndex, setHitIndex] = useState(0)
  const [pending, setPending] = useState<{ start: number; end: number; text: string } | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const turns = useMemo<DialogueTurn[]>(
    () =>
      (view?.turns ?? []).map((turn) => ({
        q: turn.qStart === null && !turn.q ? null : placePart(view!, turn.q, turn.qStart),
        a: turn.aStart === null && !turn.a ? null : placePart(view!, turn.a, turn.aStart),
      })),
    [view],
  )
  const parts = useMemo(
    () =>
      turns.length > 0
        ? turns.flatMap((turn) => [turn.q, turn.a]).filter((p) => p !== null)
        : view
          ? [{ start: 0, text: view.text }]
          : [],
    [turns, view],
  )
  const hits = useMemo(() => findMatches(parts, query), [parts, query])
  const current = hits.length > 0 ? Math.min(hitIndex, hits.length - 1) : 0

  const marks = useMemo<Mark[]>(() => {
    const live = quotes.annotations.filter((a) => a.withdrawnAt === null || a.id === selectedId)
    const quoteMarks = live.flatMap((a) => {
      const q = readQuote(a)
      return q ? [{ start: q.start, end: q.end, kind: 'quote' as const }] : []
    })
    const pendingMark = pending ? [{ start: pending.start, end: pending.end, kind: 'quote' as const }] : []
    const hitMarks = hits.map((h, i) => ({
      ...h,
      kind: i === current ? ('current' as const) : ('hit' as const),
    }))
    return [...quoteMarks, ...pendingMark, ...hitMarks]
  }, [quotes.annotations, selectedId, pending, hits, current])

  // The current match, or a quote picked in the list, is brought into view.
  useEffect(() => {
    textRef.current?.querySelector('[data-hit-current]')?.scrollIntoView({ block: 'center' })
  }, [current, hits])
  useEffect(() => {
    const q = quotes.annotations.find((a) => a.id === selectedId)
    const anchor = q ? readQuote(q) : null
    if (anchor)
      textRef.current?.querySelector(`[data-start="${anchor.start}"]`)?.scrollIntoView({ block: 'center' })
  }, [selectedId, quotes.annotations])

  function onPointerUp() {
    if (!view || !textRef.current) return
    const offsets = selectionOffsets(textRef.current, window.getSelection())
    if (!offsets) return
    const { start, end } = trimRange(view.text, offsets.start, offsets.end)
    if (end <= start) return
    // What is saved is the record's own text at these offsets, never the screen's selection string.
    setPending({ start, end, text: view.text.slice(start, end) })
    setSelectedId(null)
  }

  async function saveQuote(note: string) {
    if (!pending) return
    await quotes.add({ start: pending.start, end: pending.end, text: pending.text }, note)
    setPending(null)
    window.getSelection()?.removeAllRanges()
    void message.success(t('docsViewer:transcript.quotes.saved'))
  }

  if (loading) {
    return (
      <div className="docs-viewer docs-loading" data-testid="transcript-viewer" data-state="loading">
        <Spin />
        <Typography.Text type="secondary">{t('docsViewer:common.loading')}</Typography.Text>
      </div>
    )
  }
  if (!view) {
    return (
      <div className="docs-viewer" data-testid="transcript-viewer" data-state="failed">
        <ErrorAlert error={asApiError(failure)} subject={`${item.number} ${item.originalName}`} />
      </div>
    )
  }

  const headerItems = Object.entries(view.header).map(([key, value]) => ({
    key,
    // the record's own field names (时间, 地点 …), not the interface's words
    label: <span data-user-data>{key}</span>,
    children: <span data-user-data>{value}</span>,
  }))

  return (
    <div className="docs-viewer" data-testid="transcript-viewer" data-state="ready">
      <div className="docs-grid">
        <div className="docs-main">
          <div className="tx-toolbar">
            <TranscriptSearch
              query={query}
              onQuery={(q) => {
                setQuery(q)
                setHitIndex(0)
              }}
              total={hits.length}
              current={current}
              onStep={(d) => setHitIndex((current + d + hits.length) % Math.max(hits.length, 1))}
              plain={plain}
            />
            <Typography.Text type="secondary" className="small">
              {t(plain ? 'docsViewer:transcript.plain.hint' : 'docsViewer:transcript.select.hint')}
            </Typography.Text>
          </div>
          <div className="tx-scroll" ref={textRef} onMouseUp={onPointerUp} onKeyUp={onPointerUp}>
            {view.title && (
              <Typography.Title level={4} className="tx-title" data-user-data>
                {view.title}
              </Typography.Title>
            )}
            {!plain && (
              <Card size="small" title={t('docsViewer:transcript.header')} className="docs-card tx-header">
                {headerItems.length > 0 ? (
                  <Descriptions
                    size="small"
                    column={{ xs: 1, md: 2, xl: 3 }}
                    items={headerItems}
                    data-testid="transcript-header"
                  />
                ) : (
                  <Typography.Text type="secondary">{t('docsViewer:transcript.noHeader')}</Typography.Text>
                )}
              </Card>
            )}
            {turns.length > 0 ? (
              <TranscriptDialogue turns={turns} marks={marks} />
            ) : (
              <>
                {!plain && (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('docsViewer:transcript.noTurns')}
                  />
                )}
                <TranscriptFullText text={view.text} marks={marks} />
              </>
            )}
          </div>
        </div>
        <div className="docs-side">
          {pending && (
            <QuoteForm
              key={`${pending.start}-${pending.end}`}
              quote={pending}
              onSave={saveQuote}
              onCancel={() => setPending(null)}
            />
          )}
          {quotes.failure !== null && <ErrorAlert error={asApiError(quotes.failure)} />}
          <QuoteList
            quotes={quotes.annotations}
            text={view.text}
            plain={plain}
            timezone={timezone}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onWithdraw={quotes.withdraw}
          />
          <DecodingPanel item={item} onChanged={onDecodingChanged} />
        </div>
      </div>
    </div>
  )
}
