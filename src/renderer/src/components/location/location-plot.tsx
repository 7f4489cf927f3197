import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { formatCoordinate } from '../../lib/format'
import { formatCapturedAt } from '../../lib/item-time'
import { itemViewer } from '../../state/viewer'
import { KIND_UI } from '../../kinds/registry'
import { centroid, formatMetres, niceMetres, project } from './geo'

export type GpsItem = EvidenceItem & { gps: NonNullable<EvidenceItem['gps']> }

const HEIGHT = 440
const PAD = 48
/** Never zoom closer than this many metres across, so one point or a tight group is not blown up. */
const MIN_EXTENT_M = 20

/**
 * The points drawn to scale around their centroid (equirectangular, north up), with a scale
 * bar and a north arrow. No map tiles: the app works offline.
 */
export function LocationPlot({ points, width }: { points: GpsItem[]; width: number }) {
  const { t } = useTranslation()
  const layout = useMemo(() => {
    const origin = centroid(points.map((p) => p.gps))
    const xy = points.map((p) => project(p.gps, origin))
    const minX = Math.min(...xy.map((p) => p.x))
    const maxX = Math.max(...xy.map((p) => p.x))
    const minY = Math.min(...xy.map((p) => p.y))
    const maxY = Math.max(...xy.map((p) => p.y))
    const spanX = Math.max(maxX - minX, MIN_EXTENT_M)
    const spanY = Math.max(maxY - minY, MIN_EXTENT_M)
    // one scale for both axes (pixels per metre), so distances on screen are true in every direction
    const scale = Math.min((width - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY)
    const cx = (minX + maxX) / 2
    const cy = (minY + maxY) / 2
    const screen = xy.map((p) => ({ x: width / 2 + (p.x - cx) * scale, y: HEIGHT / 2 - (p.y - cy) * scale }))
    return { screen, scale }
  }, [points, width])

  const barM = niceMetres(width / 4 / layout.scale)
  const barPx = barM * layout.scale
  return (
    <svg
      width={width}
      height={HEIGHT}
      className="loc-plot"
      data-testid="location-plot"
      data-scale={layout.scale}
    >
      <rect x={0} y={0} width={width} height={HEIGHT} className="loc-bg" />
      <g className="loc-north" transform={`translate(${width - 36}, 40)`} data-testid="location-north">
        <path d="M0,-22 L8,6 L0,0 L-8,6 Z" />
        <text y={22} textAnchor="middle">
          {t('timeline:location.north')}
        </text>
      </g>
      <g
        className="loc-scale"
        transform={`translate(24, ${HEIGHT - 24})`}
        data-testid="location-scale"
        data-metres={barM}
      >
        <path d={`M0,-6 V0 H${barPx} V-6`} />
        <text x={barPx / 2} y={-10} textAnchor="middle">
          {formatMetres(barM)}
        </text>
      </g>
      {points.map((p, i) => {
        const s = layout.screen[i]
        const time = formatCapturedAt(p)
        const label = `${p.number} ${p.originalName}`
        return (
          <g
            key={p.id}
            className="loc-point"
            role="button"
            tabIndex={0}
            aria-label={label}
            data-testid="location-point"
            data-item-id={p.id}
            data-number={p.number}
            transform={`translate(${s.x}, ${s.y})`}
            onClick={() => itemViewer.open(p.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault()
                itemViewer.open(p.id)
              }
            }}
          >
            <title>
              {[label, `${formatCoordinate(p.gps.lat)}, ${formatCoordinate(p.gps.lon)}`, time]
                .filter(Boolean)
                .join('\n')}
            </title>
            <circle r={7} fill={KIND_UI[p.kind].colour} />
            <text x={10} y={-8} className="loc-label">
              {p.number}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
