import { Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../../shared/types'
import { Snippet } from './snippet'
import { KindIcon, itemLabel } from '../../kinds/registry'
import type { MessageKey } from '../../i18n/keys'

const FIELD_TEXT: Record<SearchHit['field'], MessageKey> = {
  name: 'timeline:search.field.name',
  meta: 'timeline:search.field.meta',
  body: 'timeline:search.field.body',
  note: 'timeline:search.field.note',
}

interface Props {
  id: string
  text: string
  hits: SearchHit[] | null
  total: number
  loading: boolean
  active: number
  onActive: (index: number) => void
  onOpen: (hit: SearchHit) => void
}

/** The results panel: states (idle, searching, nothing found) and one option per hit. */
export function SearchResults({ id, text, hits, total, loading, active, onActive, onOpen }: Props) {
  const { t } = useTranslation()
  if (!text) return <div className="cs-state">{t('timeline:search.idle')}</div>
  if (!hits)
    return (
      <div className="cs-state" data-testid="case-search-loading">
        <Spin size="small" /> {t('timeline:search.searching')}
      </div>
    )
  if (hits.length === 0)
    return (
      <div className="cs-state" data-testid="case-search-none">
        {t('timeline:search.none', { text })}
      </div>
    )
  return (
    <>
      <div className="cs-head">
        <span data-testid="case-search-total">
          {total > hits.length
            ? t('timeline:search.shown', { total, count: hits.length })
            : t('timeline:search.total', { count: total })}
          {loading && <Spin size="small" className="cs-spin" />}
        </span>
        <span className="cs-keys">{t('timeline:search.keys')}</span>
      </div>
      <ul className="cs-list" role="listbox" id={id} aria-label={t('timeline:search.label')}>
        {hits.map((hit, i) => (
          <li
            key={hit.item.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'cs-hit is-active' : 'cs-hit'}
            data-testid="case-search-hit"
            data-item-id={hit.item.id}
            data-field={hit.field}
            onMouseEnter={() => onActive(i)}
            // mousedown, not click: the input keeps its focus, so the panel does not close first
            onMouseDown={(e) => {
              e.preventDefault()
              onOpen(hit)
            }}
          >
            <div className="cs-hit-line">
              <span className="mono cs-number">{hit.item.number}</span>
              <span className="cs-kind">
                <KindIcon kind={hit.item.kind} /> {itemLabel(t, hit.item)}
              </span>
              <span className="cs-name" data-user-data>
                {hit.item.originalName}
              </span>
            </div>
            <div className="cs-hit-line">
              <span className="cs-field">{t(FIELD_TEXT[hit.field])}</span>
              <Snippet text={hit.snippet} />
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
