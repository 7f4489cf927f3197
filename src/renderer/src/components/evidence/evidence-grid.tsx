import { useEffect, useRef, type KeyboardEvent } from 'react'
import { Badge, Tooltip, Typography } from 'antd'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { useElementWidth } from '../../hooks/use-element-width'
import type { EvidencePager } from '../../hooks/use-evidence-pages'
import { CapturedTime } from './captured-time'
import { ItemThumb } from './item-thumb'
import { KindIcon, itemLabel } from '../../kinds/registry'
import { ItemCheckMark } from '../review/item-check'

const MIN_TILE = 200
const GAP = 12
// room for a second time line under the recorded one: the corrected time of a device with a clock offset
const TILE_HEIGHT = 242

interface Props {
  pager: EvidencePager
  total: number
  /** changes when pages arrive; a prop so this view re-renders with them */
  version: number
  selectedId: string | null
  onSelect(item: EvidenceItem): void
}

/** Thumbnails of the whole library, virtualised by rows: only what is on screen exists in the page. */
export function EvidenceGrid({ pager, total, selectedId, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const width = useElementWidth(scrollRef)
  const cols = Math.max(1, Math.floor((width - 2 * GAP + GAP) / (MIN_TILE + GAP)))
  const rows = Math.ceil(total / cols)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TILE_HEIGHT + GAP,
    overscan: 3,
    paddingStart: GAP,
    paddingEnd: GAP,
  })
  const visible = virtualizer.getVirtualItems()
  const first = (visible[0]?.index ?? 0) * cols
  const last = Math.min(total, ((visible[visible.length - 1]?.index ?? 0) + 1) * cols) - 1

  useEffect(() => {
    if (total > 0) pager.ensure(first, last)
  }, [pager, first, last, total])

  return (
    <div className="library-scroll" ref={scrollRef} data-testid="evidence-grid" role="list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {visible.map((row) => (
          <div
            key={row.key}
            className="grid-row"
            style={{
              transform: `translateY(${row.start}px)`,
              gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`,
              gap: GAP,
              height: TILE_HEIGHT,
            }}
          >
            {Array.from({ length: cols }, (_, c) => {
              const index = row.index * cols + c
              if (index >= total) return <span key={c} />
              const item = pager.itemAt(index)
              return item ? (
                <Tile key={item.id} item={item} selected={item.id === selectedId} onSelect={onSelect} />
              ) : (
                <div key={`p${index}`} className="evidence-tile is-loading" aria-busy />
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
}

function Tile({
  item,
  selected,
  onSelect,
}: {
  item: EvidenceItem
  selected: boolean
  onSelect(item: EvidenceItem): void
}) {
  const { t } = useTranslation()
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect(item)
    }
  }
  return (
    <div
      role="listitem"
      tabIndex={0}
      aria-selected={selected}
      className={`evidence-tile${selected ? ' is-selected' : ''}`}
      onClick={() => onSelect(item)}
      onKeyDown={onKey}
      data-testid="evidence-tile"
      data-number={item.number}
      data-kind={item.kind}
      data-category={item.category}
    >
      <div className="tile-picture">
        <ItemThumb item={item} size="thumb" alt={item.originalName} />
        {item.warnings.length > 0 && (
          <Tooltip title={t('library.warningCount', { count: item.warnings.length })}>
            <Badge
              count={item.warnings.length}
              color="gold"
              className="tile-warning"
              data-testid="tile-warning"
            />
          </Tooltip>
        )}
      </div>
      <div className="tile-line">
        <Typography.Text strong className="mono" data-user-data>
          {item.number}
        </Typography.Text>
        <ItemCheckMark itemId={item.id} />
        <span className="tile-kind" title={itemLabel(t, item)}>
          <KindIcon kind={item.kind} />
          <span className="tile-category" data-testid="tile-category">
            {itemLabel(t, item)}
          </span>
        </span>
      </div>
      <Typography.Text className="tile-name" ellipsis={{ tooltip: item.originalName }} data-user-data>
        {item.originalName}
      </Typography.Text>
      <CapturedTime item={item} className="small secondary tile-time" />
    </div>
  )
}
