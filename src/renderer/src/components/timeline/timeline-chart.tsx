import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { itemViewer } from '../../state/viewer'
import { LaneLabel } from './lane-label'
import { CLUSTER_GAP_PX, HATCH_ID, LaneMarks } from './lane-marks'
import { visibleClusters, type Cluster, type Lane } from './lanes'
import { MarkTooltip } from './mark-tooltip'
import { AXIS_H, TimelineAxis } from './timeline-axis'
import { fitView, ticksFor, zoomView, type View } from './time-scale'
import { useRafView } from './use-raf-view'

export const LABEL_W = 230
const RIGHT_PAD = 20
const LANE_H = 40
const CUSTODY_GAP = 12
const DRAG_PX = 4

interface Props {
  lanes: Lane[]
  custody: Lane
  view: View
  onView: (view: View) => void
  zone: string
  width: number
  numbers: Map<string, string>
}

/**
 * The lanes on one time axis, drawn as SVG. Only what is in view is drawn, and marks closer than
 * a few pixels merge, so the element count follows the width, not the number of items: zooming
 * and panning stay smooth with thousands of items.
 */
export function TimelineChart({ lanes, custody, view, onView, zone, width, numbers }: Props) {
  const { t } = useTranslation()
  const svgRef = useRef<SVGSVGElement>(null)
  const [hover, setHover] = useState<{ cluster: Cluster; x: number; y: number } | null>(null)
  const [dragging, setDragging] = useState(false)
  const schedule = useRafView(view, onView)
  const drag = useRef<{ x: number; view: View; id: number; moved: boolean } | null>(null)
  const suppressClick = useRef(false)

  const plotLeft = LABEL_W
  const plotRight = Math.max(plotLeft + 50, width - RIGHT_PAD)
  const plotW = plotRight - plotLeft
  const span = view.end - view.start
  const toX = (ms: number) => plotLeft + ((ms - view.start) / span) * plotW
  const all = useMemo(() => [...lanes, custody], [lanes, custody])
  const laneY = (i: number) => AXIS_H + i * LANE_H + (i === lanes.length ? CUSTODY_GAP : 0)
  const height = laneY(all.length) + 8

  const ticks = useMemo(() => ticksFor(view, plotW, zone), [view, plotW, zone])
  const shown = useMemo(() => {
    const x = (ms: number) => plotLeft + ((ms - view.start) / (view.end - view.start)) * plotW
    return all.map((lane) => visibleClusters(lane, x, view, CLUSTER_GAP_PX))
  }, [all, view, plotLeft, plotW])

  // Wheel zoom needs a non-passive listener to keep the page from scrolling at the same time.
  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const px = e.clientX - svg.getBoundingClientRect().left - plotLeft
      schedule((v) => {
        const s = v.end - v.start
        if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
          const d = ((e.deltaX || e.deltaY) / 1000) * s
          return { start: v.start + d, end: v.end + d }
        }
        return zoomView(v, Math.pow(1.0015, e.deltaY), v.start + (px / plotW) * s)
      })
    }
    svg.addEventListener('wheel', onWheel, { passive: false })
    return () => svg.removeEventListener('wheel', onWheel)
  }, [schedule, plotLeft, plotW])

  /**
   * Tooltip position in the window (fixed, so no scrolling or clipping container cuts it off),
   * flipped to the other side of the pointer near the right and bottom edges.
   */
  function hoverAt(cluster: Cluster | null, clientX: number, clientY: number) {
    if (!cluster) return setHover(null)
    const x = clientX + 360 > window.innerWidth ? clientX - 356 : clientX + 14
    const y = clientY + 240 > window.innerHeight ? clientY - 236 : clientY + 16
    setHover({ cluster, x: Math.max(4, x), y: Math.max(4, y) })
  }

  function activate(c: Cluster) {
    if (suppressClick.current) return
    if (c.marks.length > 1) {
      onView(fitView(c.marks[0].start, Math.max(...c.marks.map((m) => m.end))))
      return
    }
    const m = c.marks[0]
    const id = m.item?.id ?? m.event?.itemId
    if (id) itemViewer.open(id)
  }

  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    suppressClick.current = false
    if (e.button !== 0) return
    drag.current = { x: e.clientX, view, id: e.pointerId, moved: false }
  }
  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current
    if (!d) return
    const dx = e.clientX - d.x
    if (!d.moved && Math.abs(dx) < DRAG_PX) return
    if (!d.moved) {
      // captured only once it is a drag, so a plain click still reaches the mark under it
      d.moved = true
      e.currentTarget.setPointerCapture(d.id)
      setHover(null)
      setDragging(true)
    }
    const shift = (-dx / plotW) * (d.view.end - d.view.start)
    schedule(() => ({ start: d.view.start + shift, end: d.view.end + shift }))
  }
  function onPointerUp() {
    if (drag.current?.moved) suppressClick.current = true
    drag.current = null
    setDragging(false)
  }
  function onKeyDown(e: KeyboardEvent) {
    const mid = (view.start + view.end) / 2
    const step = span / 10
    if (e.key === '+' || e.key === '=') onView(zoomView(view, 0.5, mid))
    else if (e.key === '-') onView(zoomView(view, 2, mid))
    else if (e.key === 'ArrowLeft') onView({ start: view.start - step, end: view.end - step })
    else if (e.key === 'ArrowRight') onView({ start: view.start + step, end: view.end + step })
    else return
    e.preventDefault()
  }
  function centreOn(ms: number) {
    onView({ start: ms - span / 2, end: ms + span / 2 })
  }

  return (
    <div className="tl-chart" onKeyDown={onKeyDown} data-testid="timeline-chart">
      <svg
        ref={svgRef}
        width={width}
        height={height}
        className={dragging ? 'tl-svg is-dragging' : 'tl-svg'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-start={Math.round(view.start)}
        data-end={Math.round(view.end)}
      >
        <defs>
          <pattern
            id={HATCH_ID}
            width={5}
            height={5}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1={0} y1={0} x2={0} y2={5} stroke="#262626" strokeWidth={1.6} />
          </pattern>
          <clipPath id="tl-plot-clip">
            <rect x={plotLeft - 10} y={0} width={plotW + 20} height={height} />
          </clipPath>
        </defs>
        {all.map((lane, i) => (
          <rect
            key={lane.key}
            x={0}
            y={laneY(i)}
            width={width}
            height={LANE_H}
            className={i % 2 ? 'tl-band is-odd' : 'tl-band'}
          />
        ))}
        <TimelineAxis ticks={ticks} toX={toX} left={plotLeft} right={plotRight} bottom={height} />
        {all.map((lane, i) => (
          <LaneLabel key={lane.key} lane={lane} y={laneY(i)} height={LANE_H} />
        ))}
        <g clipPath="url(#tl-plot-clip)">
          {all.map((lane, i) => (
            <LaneMarks
              key={lane.key}
              lane={lane}
              clusters={shown[i].clusters}
              y={laneY(i) + LANE_H / 2}
              onHover={hoverAt}
              onActivate={activate}
            />
          ))}
        </g>
        {all.map((lane, i) => {
          const { before, after } = shown[i]
          const y = laneY(i) + LANE_H / 2 + 4
          return (
            <g key={lane.key} className="tl-edge">
              {before > 0 && (
                <text
                  x={plotLeft + 2}
                  y={y - 12}
                  role="button"
                  tabIndex={0}
                  data-testid="timeline-before"
                  onClick={() => centreOn(lane.marks[before - 1].start)}
                >
                  <title>{t('timeline:offscreenBefore', { count: before })}</title>
                  {`‹ ${before}`}
                </text>
              )}
              {after > 0 && (
                <text
                  x={plotRight + 2}
                  y={y - 12}
                  textAnchor="end"
                  role="button"
                  tabIndex={0}
                  data-testid="timeline-after"
                  onClick={() => centreOn(lane.marks[lane.marks.length - after].start)}
                >
                  <title>{t('timeline:offscreenAfter', { count: after })}</title>
                  {`${after} ›`}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      {hover && (
        <div
          className="tl-tip"
          data-testid="timeline-tooltip"
          style={{ left: Math.max(0, hover.x), top: hover.y }}
        >
          <MarkTooltip cluster={hover.cluster} zone={zone} numbers={numbers} />
        </div>
      )}
    </div>
  )
}
