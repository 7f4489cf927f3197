import type { KeyboardEvent, MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { actionLabel } from '../../lib/custody-summary'
import { KIND_UI } from '../../kinds/registry'
import type { Cluster, Lane } from './lanes'
import type { ItemCheck } from '../../../../shared/package-types'
import { useItemChecks } from '../../state/review-checks'

function isProblem(check: ItemCheck | undefined): boolean {
  return check?.state === 'altered' || check?.state === 'missing'
}

/** Reviewer mode: a red badge on a mark whose file a failed verification names. */
function AlteredBadge({ x, y }: { x: number; y: number }) {
  return (
    <g data-testid="timeline-altered" pointerEvents="none">
      <circle cx={x} cy={y - 10} r={6} fill="#ff4d4f" stroke="#fff" strokeWidth={1.5} />
      <text x={x} y={y - 6.5} textAnchor="middle" fontSize={10} fontWeight={700} fill="#fff">
        !
      </text>
    </g>
  )
}

/** Reviewer mode: a small green tick on a mark whose file verified against the package manifest. */
function VerifiedTick({ x, y }: { x: number; y: number }) {
  return (
    <g data-testid="timeline-verified" pointerEvents="none">
      <circle cx={x} cy={y - 10} r={5} fill="#389e0d" stroke="#fff" strokeWidth={1.5} />
      <path
        d={`M${x - 2.4} ${y - 10} l1.7 1.8 l3.1 -3.4`}
        fill="none"
        stroke="#fff"
        strokeWidth={1.4}
        strokeLinecap="round"
      />
    </g>
  )
}

/** The red badge, the green tick, or nothing, for one item's mark. */
function CheckMark({ check, x, y }: { check: ItemCheck | undefined; x: number; y: number }) {
  if (isProblem(check)) return <AlteredBadge x={x} y={y} />
  return check?.state === 'verified' ? <VerifiedTick x={x} y={y} /> : null
}

export const CUSTODY_COLOUR = '#722ed1'
export const EXCEEDANCE_COLOUR = '#cf1322'

/** A lane's colour: its kind's (kinds/registry), the custody lane's or the exceedance lane's. */
export function laneColour(kind: Lane['kind']): string {
  if (kind === 'custody') return CUSTODY_COLOUR
  if (kind === 'exceedance') return EXCEEDANCE_COLOUR
  return KIND_UI[kind].colour
}

export const HATCH_ID = 'tl-hatch'
/** Marks closer than this merge into one cluster. */
export const CLUSTER_GAP_PX = 10
const BAR_MIN_PX = 8

interface Props {
  lane: Lane
  clusters: Cluster[]
  /** vertical centre of the lane */
  y: number
  onHover: (cluster: Cluster | null, x: number, y: number) => void
  onActivate: (cluster: Cluster) => void
}

/**
 * A lane's marks: a dot per item, a bar over a video's duration, a tick per custody event, and
 * a counted pill where several would overlap. Weak capture times are hatched with a dashed edge.
 */
export function LaneMarks({ lane, clusters, y, onHover, onActivate }: Props) {
  const color = laneColour(lane.kind)
  const checks = useItemChecks()
  const { t, i18n } = useTranslation()
  return (
    <g data-testid="timeline-lane-marks">
      {clusters.map((c) => {
        const single = c.marks.length === 1 ? c.marks[0] : null
        const weak = c.marks.some((m) => m.weak)
        const label = single?.exceedance
          ? `${single.item?.number ?? ''} ${t('timeline:tip.exceedance')}`
          : single?.item
            ? `${single.item.number} ${single.item.originalName}`
            : single?.event
              ? actionLabel(single.event.action, i18n.language)
              : String(c.marks.length)
        const handlers = {
          onMouseEnter: (e: MouseEvent) => onHover(c, e.clientX, e.clientY),
          onMouseMove: (e: MouseEvent) => onHover(c, e.clientX, e.clientY),
          onMouseLeave: () => onHover(null, 0, 0),
          onClick: () => onActivate(c),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault()
              onActivate(c)
            }
          },
          onFocus: (e: { currentTarget: Element }) => {
            const r = e.currentTarget.getBoundingClientRect()
            onHover(c, r.x + r.width / 2, r.y + r.height / 2)
          },
          onBlur: () => onHover(null, 0, 0),
        }
        const common = {
          role: 'button',
          tabIndex: 0,
          'aria-label': label,
          className: `tl-mark${weak ? ' is-weak' : ''}`,
          'data-weak': weak ? 'true' : 'false',
          'data-count': c.marks.length,
          ...handlers,
        }
        const stroke = { stroke: color, strokeWidth: 1.5, strokeDasharray: weak ? '3 2' : undefined }
        if (lane.kind === 'custody') {
          const actions = c.marks.map((m) => m.event?.action ?? '').join(',')
          const w = Math.max(4, c.x1 - c.x0 + 4)
          return (
            <g key={c.key} {...common} data-testid="custody-marker" data-actions={actions}>
              <rect x={c.x0 - 2} y={y - 9} width={w} height={18} rx={2} fill={color} opacity={0.85} />
              {c.marks.length > 1 && w > 14 && (
                <text x={c.x0 - 2 + w / 2} y={y + 4} textAnchor="middle" className="tl-count">
                  {c.marks.length}
                </text>
              )}
            </g>
          )
        }
        if (lane.kind === 'exceedance') {
          // a window is never a point: at least a few pixels wide, so a one-hour exceedance in a year's view still shows
          const w = Math.max(4, c.x1 - c.x0)
          return (
            <g
              key={c.key}
              {...common}
              data-testid="timeline-exceedance"
              data-item-id={c.marks[0].item?.id}
              data-start={c.marks[0].start}
              data-end={c.marks[c.marks.length - 1].end}
            >
              <rect x={c.x0} y={y - 7} width={w} height={14} rx={2} fill={color} opacity={0.8} />
              {c.marks.length > 1 && w > 14 && (
                <text x={c.x0 + w / 2} y={y + 4} textAnchor="middle" className="tl-count">
                  {c.marks.length}
                </text>
              )}
            </g>
          )
        }
        if (single?.item) {
          const isBar = c.x1 - c.x0 >= BAR_MIN_PX
          const itemAttrs = {
            'data-testid': 'timeline-item',
            'data-item-id': single.item.id,
            'data-number': single.item.number,
            // the instant it is placed at (the corrected one where a device clock offset is recorded)
            'data-start': single.start,
          }
          return (
            <g key={c.key} {...common} {...itemAttrs} data-shape={isBar ? 'bar' : 'point'}>
              {isBar ? (
                <>
                  <rect
                    x={c.x0}
                    y={y - 7}
                    width={c.x1 - c.x0}
                    height={14}
                    rx={3}
                    fill={color}
                    opacity={weak ? 0.3 : 0.75}
                    {...stroke}
                  />
                  {weak && (
                    <rect
                      x={c.x0}
                      y={y - 7}
                      width={c.x1 - c.x0}
                      height={14}
                      rx={3}
                      fill={`url(#${HATCH_ID})`}
                    />
                  )}
                </>
              ) : (
                <>
                  <circle cx={c.x0} cy={y} r={6.5} fill={weak ? '#fff' : color} {...stroke} />
                  {weak && <circle cx={c.x0} cy={y} r={6.5} fill={`url(#${HATCH_ID})`} />}
                </>
              )}
              <CheckMark check={checks?.[single.item.id]} x={c.x0} y={y} />
            </g>
          )
        }
        const mid = (c.x0 + c.x1) / 2
        const w = Math.max(22, c.x1 - c.x0 + 14)
        return (
          <g key={c.key} {...common} data-testid="timeline-cluster">
            {c.marks.some((m) => m.item && isProblem(checks?.[m.item.id])) && (
              <AlteredBadge x={mid - w / 2} y={y} />
            )}
            <rect
              x={mid - w / 2}
              y={y - 9}
              width={w}
              height={18}
              rx={9}
              fill={color}
              opacity={0.9}
              {...stroke}
            />
            {weak && (
              <rect x={mid - w / 2} y={y - 9} width={w} height={18} rx={9} fill={`url(#${HATCH_ID})`} />
            )}
            <text x={mid} y={y + 4} textAnchor="middle" className="tl-count">
              {c.marks.length}
            </text>
          </g>
        )
      })}
    </g>
  )
}
