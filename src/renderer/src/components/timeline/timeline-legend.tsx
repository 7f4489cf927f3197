import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { KIND_UI } from '../../kinds/registry'
import { CUSTODY_COLOUR, EXCEEDANCE_COLOUR } from './lane-marks'
import { useItemChecks } from '../../state/review-checks'
import type { MessageKey } from '../../i18n/keys'

const HATCH = 'tl-legend-hatch'

/** What the shapes mean, the hatched "time may be wrong" mark above all. */
export function TimelineLegend() {
  const { t } = useTranslation()
  const c = KIND_UI.image.colour
  // the verified tick only means something in reviewer mode, after a verification
  const reviewing = useItemChecks() !== null
  const entries: Array<{ key: string; label: MessageKey; swatch: ReactNode }> = [
    {
      key: 'item',
      label: 'timeline:legend.item',
      swatch: <circle cx={12} cy={8} r={6} fill={c} stroke={c} strokeWidth={1.5} />,
    },
    {
      key: 'weak',
      label: 'timeline:legend.weak',
      swatch: (
        <>
          <circle cx={12} cy={8} r={6} fill="#fff" stroke={c} strokeWidth={1.5} strokeDasharray="3 2" />
          <circle cx={12} cy={8} r={6} fill={`url(#${HATCH})`} />
        </>
      ),
    },
    {
      key: 'video',
      label: 'timeline:legend.video',
      swatch: <rect x={1} y={2} width={22} height={12} rx={3} fill={KIND_UI.video.colour} opacity={0.75} />,
    },
    {
      key: 'cluster',
      label: 'timeline:legend.cluster',
      swatch: (
        <>
          <rect x={1} y={0} width={22} height={16} rx={8} fill={c} opacity={0.9} />
          <text x={12} y={12} textAnchor="middle" className="tl-count">
            3
          </text>
        </>
      ),
    },
    {
      key: 'exceedance',
      label: 'timeline:legend.exceedance',
      swatch: <rect x={1} y={2} width={22} height={12} rx={2} fill={EXCEEDANCE_COLOUR} opacity={0.8} />,
    },
    {
      key: 'custody',
      label: 'timeline:legend.custody',
      swatch: <rect x={10} y={0} width={4} height={16} rx={1} fill={CUSTODY_COLOUR} />,
    },
    ...(reviewing
      ? [
          {
            key: 'verified',
            label: 'timeline:legend.verified' as const,
            swatch: (
              <>
                <circle cx={12} cy={8} r={6} fill="#389e0d" />
                <path
                  d="M9 8 l2 2.2 l3.8 -4"
                  fill="none"
                  stroke="#fff"
                  strokeWidth={1.6}
                  strokeLinecap="round"
                />
              </>
            ),
          },
        ]
      : []),
  ]
  return (
    <div className="tl-legend" data-testid="timeline-legend">
      <svg width={0} height={0} className="tl-legend-defs" aria-hidden>
        <defs>
          <pattern
            id={HATCH}
            width={5}
            height={5}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1={0} y1={0} x2={0} y2={5} stroke="#262626" strokeWidth={1.6} />
          </pattern>
        </defs>
      </svg>
      <span className="tl-legend-title">{t('timeline:legend.title')}</span>
      {entries.map((e) => (
        <span key={e.key} className="tl-legend-entry" data-testid={`legend-${e.key}`}>
          <svg width={24} height={16} aria-hidden>
            {e.swatch}
          </svg>
          {t(e.label)}
        </span>
      ))}
    </div>
  )
}
