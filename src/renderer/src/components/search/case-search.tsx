import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Input } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../../shared/types'
import { api } from '../../api'
import { useDebounced } from '../../hooks/use-debounced'
import { asApiError } from '../../lib/errors'
import { itemViewer } from '../../state/viewer'
import { ErrorAlert } from '../error-alert'
import { SearchResults } from './search-results'
import './search.css'

const DEBOUNCE_MS = 250
const LIMIT = 50

interface Result {
  text: string
  hits: SearchHit[]
  total: number
  error?: unknown
}

/**
 * Case-wide search for the top bar: names, metadata and full text (two-character terms too),
 * results under the box with the match marked; arrow keys choose, Enter opens the viewer.
 */
export function CaseSearch() {
  const { t } = useTranslation()
  const listId = useId()
  const wrapRef = useRef<HTMLDivElement>(null)
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [result, setResult] = useState<Result | null>(null)
  const query = useDebounced(text.trim(), DEBOUNCE_MS)

  useEffect(() => {
    if (!query) return
    let live = true
    api.invoke('search:query', { text: query, limit: LIMIT }).then(
      (r) => {
        if (!live) return
        setResult({ text: query, hits: r.hits, total: r.total })
        setActive(0)
      },
      (error: unknown) => live && setResult({ text: query, hits: [], total: 0, error }),
    )
    return () => {
      live = false
    }
  }, [query])

  const typed = text.trim()
  // Results of an earlier query stay up (marked as loading) until the new ones arrive.
  const shown = typed && result ? result : null
  const loading = typed !== '' && (query !== typed || result?.text !== query)
  const hits = shown?.hits ?? null

  function openHit(hit: SearchHit) {
    setOpen(false)
    itemViewer.open(hit.item.id)
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = hits?.length ?? 0
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      if (n) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n))
    } else if (e.key === 'Enter') {
      if (hits && hits[active]) openHit(hits[active])
    } else if (e.key === 'Escape') {
      if (open) setOpen(false)
      else setText('')
    }
  }

  const expanded = open && typed !== ''
  return (
    <div
      className="cs-wrap"
      ref={wrapRef}
      onBlur={(e) => {
        if (!wrapRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <Input
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits?.length ? `${listId}-${active}` : undefined}
        aria-label={t('timeline:search.label')}
        placeholder={t('timeline:search.placeholder')}
        prefix={<SearchOutlined />}
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="cs-input"
        data-testid="case-search"
      />
      {open && (
        <div className="cs-panel" data-testid="case-search-results">
          {shown?.error ? (
            <ErrorAlert error={asApiError(shown.error)} />
          ) : (
            <SearchResults
              id={listId}
              text={typed}
              hits={hits}
              total={shown?.total ?? 0}
              loading={loading}
              active={active}
              onActive={setActive}
              onOpen={openHit}
            />
          )}
        </div>
      )}
    </div>
  )
}
