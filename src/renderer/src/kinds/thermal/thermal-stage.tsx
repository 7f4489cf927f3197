import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { ThermalShape, ThermalStats } from '../../../../shared/types'
import type { PaletteName } from './palettes'
import { ScaleBar } from './scale-bar'
import {
  drawExtreme,
  drawShape,
  drawTag,
  pixelAt,
  shapeFrom,
  STYLE_PENDING,
  STYLE_SAVED,
  STYLE_SELECTED,
  TagPlacer,
  type Pixel,
  type Tool,
} from './thermal-geometry'
import { formatValue, paintFrame, valueAt, type ThermalFrameData } from './thermal-render'

export type ViewMode = 'thermal' | 'side' | 'blend'

export interface StageMark {
  id: string
  shape: ThermalShape
  tag: string
}

export interface StageLabels {
  idle: string
  pixel: (x: number, y: number) => string
  invalid: string
  unit: string
  max: string
  min: string
  visibleAlt: string
  canvas: string
}

interface Props {
  frame: ThermalFrameData
  stats: ThermalStats | null
  relativeOnly: boolean
  palette: PaletteName
  lo: number
  hi: number
  tool: Tool
  marks: StageMark[]
  selectedId: string | null
  pending: ThermalShape | null
  showExtremes: boolean
  view: ViewMode
  /** thermal layer opacity in blend view, 0..1 */
  opacity: number
  visibleUrl: string | null
  labels: StageLabels
  onShape(shape: ThermalShape): void
}

const SCALE_BAR_SPACE = 76
const SIDE_GAP = 12
const MAX_HEIGHT = 560

/** Sizes a canvas's backing store to its CSS size at the device pixel ratio; returns a context in CSS pixels. */
function prepare(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1
  const bw = Math.round(w * dpr)
  const bh = Math.round(h * dpr)
  if (canvas.width !== bw) canvas.width = bw
  if (canvas.height !== bh) canvas.height = bh
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, w, h)
  return ctx
}

/**
 * The thermal image with its overlays: measurements, the hottest and coldest points, the shape
 * being drawn and the reading under the pointer. The pointer is tracked outside React: a move
 * only records the position, and one animation frame redraws the cursor layer and the readout,
 * so reading stays at display rate without re-rendering the viewer.
 */
export function ThermalStage(props: Props) {
  const { frame, stats, relativeOnly, palette, lo, hi, marks, selectedId, pending, showExtremes, view } =
    props
  const { opacity, visibleUrl, labels } = props
  const container = useRef<HTMLDivElement>(null)
  const base = useRef<HTMLCanvasElement>(null)
  const overlay = useRef<HTMLCanvasElement>(null)
  const cursor = useRef<HTMLCanvasElement>(null)
  const readout = useRef<HTMLDivElement>(null)
  const [available, setAvailable] = useState(0)

  useLayoutEffect(() => {
    const el = container.current
    if (!el) return
    const observer = new ResizeObserver((entries) => setAvailable(Math.floor(entries[0].contentRect.width)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const side = view === 'side' && visibleUrl !== null
  const boxWidth = Math.max(120, (available - SCALE_BAR_SPACE - (side ? SIDE_GAP : 0)) / (side ? 2 : 1))
  const scale = Math.min(boxWidth / frame.width, MAX_HEIGHT / frame.height, 16)
  const dispW = Math.max(1, Math.floor(frame.width * scale))
  const dispH = Math.max(1, Math.floor(frame.height * scale))
  const drawScale = dispW / frame.width

  // The palette image at the raw resolution; CSS scales it up with crisp pixels. The canvas
  // mounts once the width is known, hence `mounted`.
  const mounted = available > 0
  useEffect(() => {
    const ctx = base.current?.getContext('2d')
    if (!ctx) return
    const image = ctx.createImageData(frame.width, frame.height)
    paintFrame(frame, image, palette, lo, hi)
    ctx.putImageData(image, 0, 0)
  }, [frame, palette, lo, hi, mounted])

  useEffect(() => {
    const c = overlay.current
    if (!c || available === 0) return
    const ctx = prepare(c, dispW, dispH)
    if (!ctx) return
    const placer = new TagPlacer({ width: dispW, height: dispH })
    // Raw counts carry no unit in the tags: the scale bar says "raw" once.
    const tagUnit = relativeOnly ? '' : ` ${labels.unit}`
    // The automatic marks first, so the officer's own measurements are drawn over them.
    if (showExtremes && stats) {
      drawExtreme(
        ctx,
        stats.max,
        drawScale,
        'max',
        `${labels.max} ${formatValue(stats.maxC, relativeOnly)}${tagUnit}`,
        placer,
      )
      drawExtreme(
        ctx,
        stats.min,
        drawScale,
        'min',
        `${labels.min} ${formatValue(stats.minC, relativeOnly)}${tagUnit}`,
        placer,
      )
    }
    for (const m of marks) {
      if (m.id !== selectedId) drawShape(ctx, m.shape, drawScale, STYLE_SAVED, m.tag, placer)
    }
    const selected = marks.find((m) => m.id === selectedId)
    if (selected) drawShape(ctx, selected.shape, drawScale, STYLE_SELECTED, selected.tag, placer)
    if (pending) drawShape(ctx, pending, drawScale, STYLE_PENDING, null, placer)
  }, [
    marks,
    selectedId,
    pending,
    showExtremes,
    stats,
    dispW,
    dispH,
    drawScale,
    available,
    relativeOnly,
    labels,
  ])

  // What the animation-frame callback reads: the latest props, without re-binding handlers.
  const live = useRef({
    frame,
    tool: props.tool,
    relativeOnly,
    labels,
    dispW,
    dispH,
    drawScale,
    onShape: props.onShape,
  })
  useEffect(() => {
    live.current = {
      frame,
      tool: props.tool,
      relativeOnly,
      labels,
      dispW,
      dispH,
      drawScale,
      onShape: props.onShape,
    }
  })
  const pointer = useRef<{ x: number; y: number } | null>(null)
  const dragStart = useRef<Pixel | null>(null)
  const raf = useRef(0)

  const drawCursor = () => {
    raf.current = 0
    const c = cursor.current
    const out = readout.current
    if (!c || !out) return
    const { frame: f, tool, relativeOnly: rel, labels: l, dispW: w, dispH: h, drawScale: s } = live.current
    const ctx = prepare(c, w, h)
    if (!ctx) return
    const p = pointer.current
    if (!p) {
      out.textContent = l.idle
      return
    }
    const px = pixelAt(p.x, p.y, c.getBoundingClientRect(), f.width, f.height)
    const v = valueAt(f, px.x, px.y)
    const text = Number.isFinite(v) ? `${formatValue(v, rel)} ${l.unit}` : l.invalid
    out.textContent = `${l.pixel(px.x, px.y)} · ${text}`
    const cx = (px.x + 0.5) * s
    const cy = (px.y + 0.5) * s
    ctx.strokeStyle = 'rgba(255,255,255,0.85)'
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(cx - 12, cy)
    ctx.lineTo(cx - 3, cy)
    ctx.moveTo(cx + 3, cy)
    ctx.lineTo(cx + 12, cy)
    ctx.moveTo(cx, cy - 12)
    ctx.lineTo(cx, cy - 3)
    ctx.moveTo(cx, cy + 3)
    ctx.lineTo(cx, cy + 12)
    ctx.stroke()
    if (dragStart.current) {
      const shape = shapeFrom(tool, dragStart.current, px)
      if (shape) drawShape(ctx, shape, s, STYLE_PENDING, null, new TagPlacer({ width: w, height: h }))
    }
    drawTag(ctx, text, cx, cy, 14, 4, '#ffffff', new TagPlacer({ width: w, height: h }))
  }
  const schedule = () => {
    if (!raf.current) raf.current = requestAnimationFrame(drawCursor)
  }
  useEffect(() => () => cancelAnimationFrame(raf.current), [])
  // Redraw the readout when what it shows changes under a still pointer (palette, unit, size).
  useEffect(() => {
    if (!raf.current) raf.current = requestAnimationFrame(drawCursor)
  })

  const pixelOf = (e: PointerEvent<HTMLCanvasElement>): Pixel =>
    pixelAt(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect(), frame.width, frame.height)

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return
    if (props.tool === 'box' || props.tool === 'line') {
      dragStart.current = pixelOf(e)
      e.currentTarget.setPointerCapture(e.pointerId)
    }
  }
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return
    const at = pixelOf(e)
    const start = dragStart.current
    dragStart.current = null
    if (props.tool === 'spot') props.onShape({ type: 'spot', x: at.x, y: at.y })
    else if (start) {
      const shape = shapeFrom(props.tool, start, at)
      if (shape) props.onShape(shape)
    }
    schedule()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && dragStart.current) {
      dragStart.current = null
      schedule()
    }
  }

  const boxStyle = { width: dispW, height: dispH }
  const blend = view === 'blend' && visibleUrl !== null
  return (
    <div className="thermal-stage" ref={container} onKeyDown={onKeyDown}>
      {mounted && (
        <div className="thermal-stage-row">
          <div className="thermal-box" style={boxStyle} data-testid="thermal-box">
            {blend && (
              <img
                className="thermal-visible-under"
                src={visibleUrl}
                alt={labels.visibleAlt}
                draggable={false}
              />
            )}
            <canvas
              ref={base}
              width={frame.width}
              height={frame.height}
              className="thermal-layer thermal-base"
              style={{ ...boxStyle, opacity: blend ? opacity : 1 }}
            />
            <canvas ref={overlay} className="thermal-layer" style={boxStyle} aria-hidden />
            <canvas
              ref={cursor}
              className={`thermal-layer thermal-cursor tool-${props.tool}`}
              style={boxStyle}
              data-testid="thermal-canvas"
              data-raw-width={frame.width}
              data-raw-height={frame.height}
              role="img"
              aria-label={labels.canvas}
              tabIndex={0}
              onPointerMove={(e) => {
                pointer.current = { x: e.clientX, y: e.clientY }
                schedule()
              }}
              onPointerLeave={() => {
                if (dragStart.current) return // captured: the drag goes on outside
                pointer.current = null
                schedule()
              }}
              onPointerDown={onPointerDown}
              onPointerUp={onPointerUp}
              onPointerCancel={() => {
                dragStart.current = null
                schedule()
              }}
            />
          </div>
          {side && (
            <div className="thermal-box thermal-visible-side" style={boxStyle}>
              <img src={visibleUrl} alt={labels.visibleAlt} draggable={false} data-testid="thermal-visible" />
            </div>
          )}
          <ScaleBar
            palette={palette}
            lo={lo}
            hi={hi}
            height={dispH}
            unit={labels.unit}
            relativeOnly={relativeOnly}
          />
        </div>
      )}
      {/* filled by the animation-frame callback only, never by React */}
      <div className="thermal-readout mono" ref={readout} data-testid="thermal-readout" aria-live="off" />
    </div>
  )
}
