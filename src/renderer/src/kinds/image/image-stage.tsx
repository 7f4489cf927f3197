import { useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import { derivedServable } from '../../../../shared/kinds'
import type { EvidenceItem } from '../../../../shared/types'
import { mediaUrl } from '../../api'
import type { View } from './use-zoom'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface StageRegion {
  id: string
  label: string
  rect: Rect
}

interface Props {
  item: EvidenceItem
  /** upright pixel size */
  width: number
  height: number
  stageRef: RefObject<HTMLDivElement | null>
  view: View | null
  tool: 'pan' | 'region'
  regions: StageRegion[]
  selectedId: string | null
  pending: Rect | null
  onSelect(id: string | null): void
  onPan(dx: number, dy: number): void
  onDrawn(rect: Rect): void
  onError(): void
}

/**
 * The image at the current zoom, with regions drawn over it. The preview (already upright,
 * ≤ 1600 px) serves the fit view; the original takes over at 1:1 and beyond, or as soon as the
 * preview has fewer pixels than the screen shows. Chromium applies EXIF orientation to <img>
 * (`image-orientation: from-image`), so both show upright in a box of the upright size.
 */
export function ImageStage(props: Props) {
  const { item, width, height, stageRef, view, tool, regions, selectedId, pending } = props
  // made on the backend the first time it is asked for, if the import left it for later
  const previewReady = derivedServable(item.derived.preview)
  const [previewWidth, setPreviewWidth] = useState<number | null>(null)
  const [wantOriginal, setWantOriginal] = useState(!previewReady)
  const [originalLoaded, setOriginalLoaded] = useState(false)
  const [draft, setDraft] = useState<Rect | null>(null)
  const drag = useRef<{ x: number; y: number; startX: number; startY: number } | null>(null)

  const scale = view?.scale ?? 0
  const shownWidth = width * scale
  // Once asked for, the original stays: swapping back would only flicker.
  if (view && !wantOriginal && (scale >= 1 || (previewWidth !== null && shownWidth > previewWidth * 1.05)))
    setWantOriginal(true)

  const toImage = (e: ReactPointerEvent): { x: number; y: number } => {
    const rect = stageRef.current!.getBoundingClientRect()
    const v = view!
    const x = (e.clientX - rect.left - v.tx) / v.scale
    const y = (e.clientY - rect.top - v.ty) / v.scale
    return { x: Math.min(width, Math.max(0, x)), y: Math.min(height, Math.max(0, y)) }
  }

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!view || e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const p = toImage(e)
    drag.current = { x: e.clientX, y: e.clientY, startX: p.x, startY: p.y }
  }
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || !view) return
    if (tool === 'pan') {
      props.onPan(e.clientX - d.x, e.clientY - d.y)
      drag.current = { ...d, x: e.clientX, y: e.clientY }
      return
    }
    const p = toImage(e)
    setDraft(normalise(d.startX, d.startY, p.x, p.y))
  }
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current
    drag.current = null
    if (!d || tool !== 'region' || !view) return
    const p = toImage(e)
    setDraft(null)
    props.onDrawn(normalise(d.startX, d.startY, p.x, p.y))
  }

  const box = (r: Rect) =>
    view
      ? {
          left: view.tx + r.x * view.scale,
          top: view.ty + r.y * view.scale,
          width: r.w * view.scale,
          height: r.h * view.scale,
        }
      : { display: 'none' }

  return (
    <div
      ref={stageRef}
      className={`media-stage image-stage tool-${tool}`}
      data-testid="image-stage"
      data-scale={view ? view.scale.toFixed(4) : ''}
      data-showing={wantOriginal && originalLoaded ? 'original' : 'preview'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null
        setDraft(null)
      }}
    >
      {view && (
        <div
          className="image-frame"
          data-testid="image-frame"
          style={{ left: view.tx, top: view.ty, width: shownWidth, height: height * scale }}
        >
          {previewReady && (
            <img
              src={mediaUrl(item.id, 'preview')}
              alt={item.originalName}
              draggable={false}
              data-testid="image-preview"
              onLoad={(e) => setPreviewWidth(e.currentTarget.naturalWidth)}
              onError={() => setWantOriginal(true)}
            />
          )}
          {wantOriginal && (
            <img
              src={mediaUrl(item.id, 'original')}
              alt={item.originalName}
              draggable={false}
              data-testid="image-original"
              // Pixels are pixels at 1:1 and beyond: no smoothing that would invent detail.
              className={`${originalLoaded ? 'loaded' : ''} ${scale >= 1 ? 'pixelated' : ''}`}
              onLoad={() => setOriginalLoaded(true)}
              onError={props.onError}
            />
          )}
        </div>
      )}
      {regions.map((r) => (
        <div
          key={r.id}
          className={`region-box${r.id === selectedId ? ' selected' : ''}`}
          style={box(r.rect)}
          data-testid="region-box"
          data-region-id={r.id}
          onPointerDown={(e) => {
            if (tool !== 'pan') return
            e.stopPropagation()
            props.onSelect(r.id === selectedId ? null : r.id)
          }}
        >
          <span className="region-label">{r.label}</span>
        </div>
      ))}
      {(draft ?? pending) && (
        <div className="region-box draft" style={box((draft ?? pending)!)} data-testid="region-draft" />
      )}
    </div>
  )
}

/** A rectangle from two corners, in whole image pixels (anchors are stored as integers). */
function normalise(x1: number, y1: number, x2: number, y2: number): Rect {
  const x = Math.round(Math.min(x1, x2))
  const y = Math.round(Math.min(y1, y2))
  return { x, y, w: Math.round(Math.max(x1, x2)) - x, h: Math.round(Math.max(y1, y2)) - y }
}
