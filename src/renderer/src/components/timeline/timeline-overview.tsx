import { useMemo, useRef, useState, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lane } from './lanes'
import { KIND_UI } from '../../kinds/registry'
import { CUSTODY_COLOUR } from './lane-marks'
import { fitView, MIN_SPAN_MS, type View } from './time-scale'

const H = 44
const BUCKET_PX = 3

interface Props {
  lanes: Lane[]
  custody: Lane
  /** everything there is: the strip's whole width */
  extent: View
  view: View
  onView: (view: View) => void
  left: number
  width: number
}

/** Counts per pixel bucket across the extent, so the strip costs the same for 10 or 10 000 marks. */
function density(lanes: Lane[], extent: View, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0)
  const span = extent.end - extent.start
  for (const lane of lanes)
    for (const m of lane.marks) {
      const b = Math.floor(((m.start - extent.start) / span) * buckets)
      if (b >= 0 && b < buckets) counts[b]++
    }
  return counts
}

/**
 * The whole extent in miniature, with the visible window outlined. Dragging across it picks a
 * range to zoom to (a brush); a click centres the view there.
 */
export function TimelineOverview({ lanes, custody, extent, view, onView, left, width }: Props) {
  const { t } = useTranslation()
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null)
  const origin = useRef<number | null>(null)
  const plotW = Math.max(50, width - left - 20)
  const buckets = Math.max(1, Math.floor(plotW / BUCKET_PX))
  const evidence = useMemo(() => density(lanes, extent, buckets), [lanes, extent, buckets])
  const events = useMemo(() => density([custody], extent, buckets), [custody, extent, buckets])
  const max = Math.max(1, ...evidence)
  const maxEvents = Math.max(1, ...events)
  const span = extent.end - extent.start
  const toX = (ms: number) => left + ((ms - extent.start) / span) * plotW
  const msAt = (x: number) => extent.start + ((x - left) / plotW) * span

  const localX = (e: PointerEvent<SVGSVGElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left
  function down(e: PointerEvent<SVGSVGElement>) {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    origin.current = localX(e)
    setBrush({ from: origin.current, to: origin.current })
  }
  function move(e: PointerEvent<SVGSVGElement>) {
    if (origin.current !== null) setBrush({ from: origin.current, to: localX(e) })
  }
  function up(e: PointerEvent<SVGSVGElement>) {
    if (origin.current === null) return
    const a = Math.min(origin.current, localX(e))
    const b = Math.max(origin.current, localX(e))
    origin.current = null
    setBrush(null)
    if (b - a < 3) {
      const mid = msAt(a)
      const s = view.end - view.start
      onView({ start: mid - s / 2, end: mid + s / 2 })
    } else {
      const from = msAt(a)
      const to = msAt(b)
      onView(to - from < MIN_SPAN_MS ? fitView(from, to) : { start: from, end: to })
    }
  }

  const vx0 = Math.max(left, toX(view.start))
  const vx1 = Math.min(left + plotW, toX(view.end))
  return (
    <div className="tl-overview">
      <span className="tl-overview-label">{t('timeline:overview')}</span>
      <svg
        width={width}
        height={H}
        className="tl-overview-svg"
        data-testid="timeline-overview"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={() => {
          origin.current = null
          setBrush(null)
        }}
      >
        <rect x={left} y={0} width={plotW} height={H} className="tl-overview-bg" />
        {evidence.map((n, i) =>
          n ? (
            <rect
              key={i}
              x={left + i * BUCKET_PX}
              y={30 - (26 * n) / max}
              width={BUCKET_PX - 0.5}
              height={(26 * n) / max}
              fill={KIND_UI.image.colour}
              opacity={0.7}
            />
          ) : null,
        )}
        {events.map((n, i) =>
          n ? (
            <rect
              key={`c${i}`}
              x={left + i * BUCKET_PX}
              y={34}
              width={BUCKET_PX - 0.5}
              height={3 + (6 * n) / maxEvents}
              fill={CUSTODY_COLOUR}
              opacity={0.7}
            />
          ) : null,
        )}
        {vx1 > vx0 && (
          <rect
            x={vx0}
            y={0.5}
            width={Math.max(2, vx1 - vx0)}
            height={H - 1}
            className="tl-overview-window"
          />
        )}
        {brush && (
          <rect
            x={Math.min(brush.from, brush.to)}
            y={0}
            width={Math.abs(brush.to - brush.from)}
            height={H}
            className="tl-overview-brush"
            data-testid="timeline-brush"
          />
        )}
      </svg>
    </div>
  )
}
