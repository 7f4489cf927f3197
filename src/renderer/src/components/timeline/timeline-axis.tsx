import type { Tick } from './time-scale'

export const AXIS_H = 44

interface Props {
  ticks: Tick[]
  toX: (ms: number) => number
  left: number
  right: number
  /** bottom of the lanes, for the grid lines */
  bottom: number
}

/**
 * The time axis in the case's zone: tick labels on the lower row, the date with its UTC offset
 * on the upper row wherever a new day (or month) begins, and light grid lines through the lanes.
 */
export function TimelineAxis({ ticks, toX, left, right, bottom }: Props) {
  return (
    <g className="tl-axis" data-testid="timeline-axis">
      <line x1={left} x2={right} y1={AXIS_H - 0.5} y2={AXIS_H - 0.5} className="tl-axis-line" />
      {ticks.map((tick) => {
        const x = Math.round(toX(tick.ms)) + 0.5
        if (x < left - 1 || x > right + 1) return null
        return (
          <g key={tick.ms}>
            <line
              x1={x}
              x2={x}
              y1={AXIS_H - 6}
              y2={bottom}
              className={tick.major ? 'tl-grid is-major' : 'tl-grid'}
            />
            <text
              x={x + 3}
              y={AXIS_H - 9}
              className="tl-tick-label"
              data-testid="timeline-tick"
              data-ms={tick.ms}
            >
              {tick.label}
            </text>
            {tick.major && (
              <text x={x + 3} y={14} className="tl-major-label" data-testid="timeline-major">
                {tick.major}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )
}
