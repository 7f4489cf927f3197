/**
 * Shapes on the thermal image: from pointer positions to raw-pixel shapes, and drawing them
 * (and the hottest/coldest markers) on an overlay canvas. Pixel (x, y) covers [x, x+1) × [y, y+1)
 * in raw thermal coordinates; `scale` is display (CSS) pixels per raw pixel.
 */
import type { ThermalShape } from '../../../../shared/types'

export type Tool = 'inspect' | 'spot' | 'box' | 'line'
export interface Pixel {
  x: number
  y: number
}

/** The raw pixel under a pointer position, clamped to the frame. */
export function pixelAt(
  clientX: number,
  clientY: number,
  rect: Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>,
  width: number,
  height: number,
): Pixel {
  const x = Math.floor(((clientX - rect.left) / rect.width) * width)
  const y = Math.floor(((clientY - rect.top) / rect.height) * height)
  return { x: Math.min(width - 1, Math.max(0, x)), y: Math.min(height - 1, Math.max(0, y)) }
}

/** The shape a tool makes from a press at `a` and a release at `b`; null when it would be empty. */
export function shapeFrom(tool: Tool, a: Pixel, b: Pixel): ThermalShape | null {
  switch (tool) {
    case 'spot':
      return { type: 'spot', x: b.x, y: b.y }
    case 'box': {
      // both corner pixels are inside the box
      const x = Math.min(a.x, b.x)
      const y = Math.min(a.y, b.y)
      const w = Math.abs(a.x - b.x) + 1
      const h = Math.abs(a.y - b.y) + 1
      return w * h >= 2 ? { type: 'box', x, y, w, h } : null
    }
    case 'line':
      return a.x === b.x && a.y === b.y ? null : { type: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y }
    default:
      return null
  }
}

/** Where a label for the shape goes, in raw pixels (its top-left corner, or the spot itself). */
function anchorOf(shape: ThermalShape): Pixel {
  if (shape.type === 'spot') return { x: shape.x + 0.5, y: shape.y + 0.5 }
  if (shape.type === 'box') return { x: shape.x, y: shape.y }
  return { x: Math.max(shape.x1, shape.x2) + 0.5, y: Math.min(shape.y1, shape.y2) + 0.5 }
}

export interface ShapeStyle {
  stroke: string
  /** a dark halo keeps the line visible on both hot and cold colours */
  halo: string
  width: number
}

export const STYLE_SAVED: ShapeStyle = { stroke: '#ffffff', halo: 'rgba(0,0,0,0.75)', width: 1.5 }
export const STYLE_SELECTED: ShapeStyle = { stroke: '#36cfc9', halo: 'rgba(0,0,0,0.85)', width: 2.5 }
export const STYLE_PENDING: ShapeStyle = { stroke: '#fadb14', halo: 'rgba(0,0,0,0.85)', width: 2 }

function strokeTwice(ctx: CanvasRenderingContext2D, style: ShapeStyle, path: () => void): void {
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  ctx.strokeStyle = style.halo
  ctx.lineWidth = style.width + 2
  ctx.beginPath()
  path()
  ctx.stroke()
  ctx.strokeStyle = style.stroke
  ctx.lineWidth = style.width
  ctx.beginPath()
  path()
  ctx.stroke()
}

interface Rect {
  left: number
  top: number
  width: number
  height: number
}

const TAG_HEIGHT = 17

/**
 * Places tags on one canvas so they stay inside it and do not cover each other: beside the
 * point on the right if that fits, else on the left, else moved down or up a row at a time.
 */
export class TagPlacer {
  private readonly placed: Rect[] = []
  constructor(readonly bounds: { width: number; height: number }) {}

  place(x: number, y: number, gapX: number, dy: number, width: number): Rect {
    const fits = (r: Rect) =>
      r.left >= 0 &&
      r.top >= 0 &&
      r.left + r.width <= this.bounds.width &&
      r.top + r.height <= this.bounds.height &&
      !this.placed.some(
        (p) =>
          r.left < p.left + p.width &&
          p.left < r.left + r.width &&
          r.top < p.top + p.height &&
          p.top < r.top + r.height,
      )
    let chosen: Rect | null = null
    for (const k of [0, 1, -1, 2, -2, 3, -3]) {
      for (const left of [x + gapX, x - gapX - width]) {
        const r = { left, top: y + dy + k * (TAG_HEIGHT + 2), width, height: TAG_HEIGHT }
        if (fits(r)) {
          chosen = r
          break
        }
      }
      if (chosen) break
    }
    chosen ??= {
      left: Math.min(Math.max(0, x + gapX), this.bounds.width - width),
      top: Math.min(Math.max(0, y + dy), this.bounds.height - TAG_HEIGHT),
      width,
      height: TAG_HEIGHT,
    }
    this.placed.push(chosen)
    return chosen
  }
}

/** A text tag with a dark backing near (x, y), placed by `placer`. */
export function drawTag(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  gapX: number,
  dy: number,
  colour: string,
  placer: TagPlacer,
): void {
  ctx.font = '600 12px system-ui, "Noto Sans CJK SC", sans-serif'
  const r = placer.place(x, y, gapX, dy, ctx.measureText(text).width + 8)
  ctx.fillStyle = 'rgba(0,0,0,0.68)'
  ctx.beginPath()
  ctx.roundRect(r.left, r.top, r.width, r.height, 3)
  ctx.fill()
  ctx.fillStyle = colour
  ctx.textBaseline = 'middle'
  ctx.fillText(text, r.left + 4, r.top + r.height / 2 + 0.5)
}

/** Draws a shape at `scale`, with an optional tag next to it. */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: ThermalShape,
  scale: number,
  style: ShapeStyle,
  tag: string | null,
  placer: TagPlacer,
): void {
  let spotRadius = 0
  if (shape.type === 'spot') {
    const cx = (shape.x + 0.5) * scale
    const cy = (shape.y + 0.5) * scale
    const r = Math.max(6, ((shape.r ?? 0) + 0.5) * scale)
    spotRadius = r
    strokeTwice(ctx, style, () => {
      ctx.arc(cx, cy, r, 0, Math.PI * 2)
      ctx.moveTo(cx - r - 5, cy)
      ctx.lineTo(cx - r + 3, cy)
      ctx.moveTo(cx + r - 3, cy)
      ctx.lineTo(cx + r + 5, cy)
      ctx.moveTo(cx, cy - r - 5)
      ctx.lineTo(cx, cy - r + 3)
      ctx.moveTo(cx, cy + r - 3)
      ctx.lineTo(cx, cy + r + 5)
    })
  } else if (shape.type === 'box') {
    strokeTwice(ctx, style, () =>
      ctx.rect(shape.x * scale, shape.y * scale, shape.w * scale, shape.h * scale),
    )
  } else {
    strokeTwice(ctx, style, () => {
      ctx.moveTo((shape.x1 + 0.5) * scale, (shape.y1 + 0.5) * scale)
      ctx.lineTo((shape.x2 + 0.5) * scale, (shape.y2 + 0.5) * scale)
    })
    for (const [x, y] of [
      [shape.x1, shape.y1],
      [shape.x2, shape.y2],
    ]) {
      ctx.fillStyle = style.stroke
      ctx.beginPath()
      ctx.arc((x + 0.5) * scale, (y + 0.5) * scale, 2.5, 0, Math.PI * 2)
      ctx.fill()
    }
  }
  if (tag) {
    const a = anchorOf(shape)
    if (shape.type === 'spot')
      drawTag(ctx, tag, a.x * scale, a.y * scale, spotRadius + 6, -TAG_HEIGHT / 2, style.stroke, placer)
    else drawTag(ctx, tag, a.x * scale, a.y * scale, 0, -TAG_HEIGHT - 3, style.stroke, placer)
  }
}

/** The hottest (red, pointing down at it) or coldest (blue, pointing up at it) pixel, tagged. */
export function drawExtreme(
  ctx: CanvasRenderingContext2D,
  p: Pixel,
  scale: number,
  kind: 'max' | 'min',
  tag: string,
  placer: TagPlacer,
): void {
  const cx = (p.x + 0.5) * scale
  const cy = (p.y + 0.5) * scale
  const colour = kind === 'max' ? '#ff4d4f' : '#40a9ff'
  const dir = kind === 'max' ? -1 : 1 // the triangle sits above the hottest point, below the coldest
  ctx.beginPath()
  ctx.moveTo(cx, cy + dir * 2)
  ctx.lineTo(cx - 7, cy + dir * 14)
  ctx.lineTo(cx + 7, cy + dir * 14)
  ctx.closePath()
  ctx.fillStyle = colour
  ctx.strokeStyle = 'rgba(0,0,0,0.8)'
  ctx.lineWidth = 1.5
  ctx.fill()
  ctx.stroke()
  drawTag(ctx, tag, cx, cy + dir * 8, 10, -TAG_HEIGHT / 2, colour, placer)
}
