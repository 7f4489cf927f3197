import { useState } from 'react'
import { derivedServable } from '../../../../shared/kinds'
import type { DerivedRole, EvidenceItem } from '../../../../shared/types'
import { mediaUrl, type MediaRole } from '../../api'
import { KindIcon } from '../../kinds/registry'

/**
 * The best picture of an item that exists, by preference; only roles the backend says are
 * ready (or made when first asked for) are requested, so a missing picture never becomes a
 * failed request.
 */
function pictureRole(item: EvidenceItem, prefer: DerivedRole[]): MediaRole | null {
  return prefer.find((role) => derivedServable(item.derived[role])) ?? null
}

interface Props {
  item: EvidenceItem
  /** thumb for tiles and rows; preview for the details panel */
  size: 'thumb' | 'preview'
  alt: string
  className?: string
}

/** An item's thumbnail, preview or poster, or a tile with its kind's icon when it has none. */
export function ItemThumb({ item, size, alt, className }: Props) {
  const [broken, setBroken] = useState(false)
  const role = pictureRole(item, size === 'thumb' ? ['thumb', 'poster'] : ['preview', 'poster', 'thumb'])
  if (!role || broken)
    return (
      <div className={`item-thumb is-icon ${className ?? ''}`} data-kind={item.kind}>
        <KindIcon kind={item.kind} />
      </div>
    )
  return (
    <div className={`item-thumb ${className ?? ''}`}>
      <img
        src={mediaUrl(item.id, role)}
        alt={alt}
        loading="lazy"
        decoding="async"
        draggable={false}
        onError={() => setBroken(true)}
        data-role={role}
      />
    </div>
  )
}
