import type { TFunction } from 'i18next'
import type { Annotation } from '../../../../shared/types'
import { anchorText } from './anchor-text'

/** An item's active citations as select options: type, anchor in words, and the citation's own note. */
export function citationOptions(annotations: Annotation[], t: TFunction) {
  return annotations
    .filter((a) => a.withdrawnAt === null)
    .map((a) => {
      const anchor = anchorText(a.type, a.anchor, t) ?? ''
      const type = t(`violations.links.types.${a.type}`)
      return {
        value: a.id,
        search: `${type} ${anchor} ${a.note}`.toLowerCase(),
        label: (
          <span className="vio-citation-option" data-testid="citation-option">
            <span className="vio-citation-type">{type}</span>{' '}
            <span className={a.type === 'quote' ? '' : 'mono'} data-user-data>
              {anchor}
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
