import type { Annotation, EvidenceKind } from '../../../../shared/types'
import type { CitationWordsFn } from '../../lib/citation-words'

/** An item's active citations as select options: type, anchor in words, and the citation's own note. */
export function citationOptions(
  annotations: Annotation[],
  kind: EvidenceKind | null,
  words: CitationWordsFn,
) {
  return annotations
    .filter((a) => a.withdrawnAt === null)
    .map((a) => {
      const { noun, where } = words(a.type, a.anchor, kind)
      return {
        value: a.id,
        search: `${noun} ${where ?? ''} ${a.note}`.toLowerCase(),
        label: (
          <span className="vio-citation-option" data-testid="citation-option">
            <span className="vio-citation-type">{noun}</span>{' '}
            <span className={a.type === 'quote' ? '' : 'mono'} data-user-data>
              {where}
            </span>
            {a.note && (
              <span className="secondary" data-user-data>
                {' '}
                — {a.note}
              </span>
            )}
          </span>
        ),
      }
    })
}
