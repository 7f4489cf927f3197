import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { splitPart, type Mark, type Part } from './transcript-text'

export interface DialogueTurn {
  q: Part | null
  a: Part | null
}

const CLASS: Record<Mark['kind'], string> = { hit: 'tx-hit', current: 'tx-hit-current', quote: 'tx-quote' }

/** Record text with its highlights; each citable piece carries its offset (see transcript-text.ts). */
export function PartText({ part, marks }: { part: Part; marks: Mark[] }) {
  return (
    <span className="tx-text" data-user-data>
      {splitPart(part, marks).map((p, i) =>
        p.start === null ? (
          <span key={`u${i}`}>{p.text}</span>
        ) : (
          <span
            key={p.start}
            data-start={p.start}
            className={p.kinds.map((k) => CLASS[k]).join(' ') || undefined}
            data-hit-current={p.kinds.includes('current') ? '' : undefined}
            data-testid={
              p.kinds.includes('hit') || p.kinds.includes('current') ? 'transcript-hit' : undefined
            }
          >
            {p.text}
          </span>
        ),
      )}
    </span>
  )
}

/** 问/答 as a dialogue: each turn numbered, the question flush left, the answer indented under it. */
export function TranscriptDialogue({ turns, marks }: { turns: DialogueTurn[]; marks: Mark[] }) {
  const { t } = useTranslation()
  return (
    <ol className="tx-dialogue" aria-label={t('docsViewer:transcript.dialogue')}>
      {turns.map((turn, i) => (
        <li key={i} className="tx-turn" data-testid="transcript-turn">
          {turn.q && (
            <div className="tx-q" data-testid="transcript-question">
              <span
                className="tx-label tx-label-q"
                aria-label={t('docsViewer:transcript.turn', { n: i + 1 })}
              >
                <span className="tx-num">{i + 1}</span>
                {t('docsViewer:transcript.question')}
              </span>
              <PartText part={turn.q} marks={marks} />
            </div>
          )}
          <div className="tx-a" data-testid="transcript-answer">
            <span className="tx-label tx-label-a">{t('docsViewer:transcript.answer')}</span>
            {turn.a ? (
              <PartText part={turn.a} marks={marks} />
            ) : (
              <Typography.Text type="secondary">{t('docsViewer:transcript.noAnswer')}</Typography.Text>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}

/** The whole text when no turns were recognised: still citable, offsets from 0. */
export function TranscriptFullText({ text, marks }: { text: string; marks: Mark[] }) {
  return (
    <div className="tx-full">
      <PartText part={{ start: 0, text }} marks={marks} />
    </div>
  )
}
