import { Card, Empty, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AnnotationOf } from '../../components/viewers/common/use-annotations'
import type { QuoteAnchor } from '../../../../shared/citations'
import { CitationFooter } from '../../components/viewers/common/citation-footer'

export type { QuoteAnchor } from '../../../../shared/citations'

/** A quote annotation's anchor (checked against the contract when it was made). */
export function readQuote(a: AnnotationOf<'quote'>): QuoteAnchor {
  return a.anchor
}

interface Props {
  quotes: AnnotationOf<'quote'>[]
  /** view.text, to flag a quote whose offsets no longer hold its text */
  text: string
  /** a plain-text document rather than an interview record */
  plain?: boolean
  timezone: string
  selectedId: string | null
  onSelect(id: string | null): void
  onWithdraw(id: string, reason: string): Promise<unknown>
}

/** The record's 摘录, oldest first, numbered Q1…; withdrawn ones stay, struck through, with the reason. */
export function QuoteList({
  quotes,
  text,
  plain = false,
  timezone,
  selectedId,
  onSelect,
  onWithdraw,
}: Props) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      title={t('docsViewer:transcript.quotes.title')}
      className="docs-card"
      data-testid="quote-list"
    >
      {quotes.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(
            plain ? 'docsViewer:transcript.plain.quotesEmpty' : 'docsViewer:transcript.quotes.empty',
          )}
        />
      ) : (
        <ol className="docs-list">
          {quotes.map((a, i) => {
            const q = readQuote(a)
            const stale = q !== null && text.slice(q.start, q.end) !== q.text
            const withdrawn = a.withdrawnAt !== null
            return (
              <li
                key={a.id}
                className={`docs-list-item${a.id === selectedId ? ' selected' : ''}${withdrawn ? ' withdrawn' : ''}`}
                data-testid="quote-row"
                data-start={q?.start}
                data-end={q?.end}
              >
                <button
                  type="button"
                  className="docs-list-main"
                  onClick={() => onSelect(a.id === selectedId ? null : a.id)}
                >
                  <span className="docs-list-label">Q{i + 1}</span>
                  <span className="mono small secondary">
                    {q && t('docsViewer:transcript.quotes.range', { start: q.start, end: q.end })}
                  </span>
                  {withdrawn && <Tag>{t('docsViewer:common.withdrawn')}</Tag>}
                  {stale && <Tag color="red">{t('docsViewer:transcript.quotes.stale')}</Tag>}
                  <blockquote className="tx-quote-text" data-testid="quote-text" data-user-data>
                    {q?.text}
                  </blockquote>
                </button>
                <CitationFooter
                  citation={a}
                  timezone={timezone}
                  subject={q?.text ?? ''}
                  successMessage={t('docsViewer:transcript.quotes.withdrawn')}
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
