import { useEffect, useRef } from 'react'
import { Tag, Tooltip } from 'antd'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import type { EvidencePager } from '../../hooks/use-evidence-pages'
import { formatBytes } from '../../lib/format'
import { warningText } from '../../lib/warnings'
import { CapturedTime } from './captured-time'
import { ItemCheckMark } from '../review/item-check'
import { useItemCheck } from '../../state/review-checks'
import { KindIcon, itemLabel } from '../../kinds/registry'
import type { MessageKey } from '../../i18n/keys'

const ROW_HEIGHT = 40
const COLUMNS = ['number', 'kind', 'name', 'captured', 'device', 'size', 'sha256', 'warnings'] as const
const COLUMN_TEXT: Record<(typeof COLUMNS)[number], MessageKey> = {
  number: 'library.col.number',
  kind: 'library.col.kind',
  name: 'library.col.name',
  captured: 'library.col.captured',
  device: 'library.col.device',
  size: 'library.col.size',
  sha256: 'library.col.sha256',
  warnings: 'library.col.warnings',
}
/** one template for the header and every row, so the columns line up without a <table> */
const TEMPLATE = '88px 150px minmax(180px, 2fr) 256px minmax(120px, 1fr) 84px 140px 76px'

interface Props {
  pager: EvidencePager
  total: number
  version: number
  selectedId: string | null
  onSelect(item: EvidenceItem): void
}

export function deviceText(device: EvidenceItem['device']): string {
  if (!device) return ''
  return [device.make, device.model].filter(Boolean).join(' ') || device.id || device.serial || ''
}

/** The library as rows, virtualised like the grid; the header stays while the rows scroll. */
export function EvidenceTable({ pager, total, selectedId, onSelect }: Props) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const visible = virtualizer.getVirtualItems()
  const first = visible[0]?.index ?? 0
  const last = visible[visible.length - 1]?.index ?? 0

  useEffect(() => {
    if (total > 0) pager.ensure(first, last)
  }, [pager, first, last, total])

  return (
    <div className="library-scroll table-scroll" ref={scrollRef} data-testid="evidence-table">
      <div className="vtable" role="table" aria-rowcount={total + 1}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
          {COLUMNS.map((c) => (
            <div key={c} role="columnheader" className={`vcell col-${c}${c === 'size' ? ' num' : ''}`}>
              {t(COLUMN_TEXT[c])}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {visible.map((row) => {
            const item = pager.itemAt(row.index)
            const style = {
              transform: `translateY(${row.start}px)`,
              height: ROW_HEIGHT,
              gridTemplateColumns: TEMPLATE,
            }
            if (!item)
              return (
                <div key={row.key} className="vtable-row is-loading" style={style} role="row" aria-busy />
              )
            return (
              <div
                key={row.key}
                role="row"
                tabIndex={0}
                aria-selected={item.id === selectedId}
                className={`vtable-row${item.id === selectedId ? ' is-selected' : ''}`}
                style={style}
                onClick={() => onSelect(item)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault()
                    onSelect(item)
                  }
                }}
                data-testid="evidence-row"
                data-number={item.number}
                data-category={item.category}
              >
                <div role="cell" className="vcell mono" data-user-data>
                  {item.number}
                </div>
                <div role="cell" className="vcell" title={itemLabel(t, item)}>
                  <KindIcon kind={item.kind} /> {itemLabel(t, item)}
                </div>
                <div role="cell" className="vcell ellipsis" title={item.originalName} data-user-data>
                  {item.originalName}
                </div>
                <div role="cell" className="vcell">
                  <CapturedTime item={item} className="table-time" />
                </div>
                <div role="cell" className="vcell ellipsis" data-user-data>
                  {deviceText(item.device)}
                </div>
                <div role="cell" className="vcell num mono">
                  {formatBytes(item.size)}
                </div>
                <HashCell item={item} />
                <div role="cell" className="vcell">
                  {item.warnings.length > 0 && (
                    <Tooltip
                      title={
                        <ul className="tip-list">
                          {item.warnings.map((w, i) => (
                            <li key={i}>{warningText(w, t)}</li>
                          ))}
                        </ul>
                      }
                    >
                      <Tag color="gold" data-testid="row-warning">
                        {item.warnings.length}
                      </Tag>
                    </Tooltip>
                  )}
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** The hash, shortened; in review the verification's mark stands before it. */
function HashCell({ item }: { item: EvidenceItem }) {
  const check = useItemCheck(item.id)
  return (
    <div role="cell" className="vcell mono ellipsis" title={item.sha256}>
      {check && <ItemCheckMark itemId={item.id} />}
      <span data-user-data>{item.sha256.slice(0, check ? 6 : 12)}…</span>
    </div>
  )
}
