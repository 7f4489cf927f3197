import { useTranslation } from 'react-i18next'
import { deviceParts, type Lane } from './lanes'
import { laneColour } from './lane-marks'
import { categoryLabel, kindLabel } from '../../kinds/registry'

/** Characters that fit the label column at 12px; longer device names end in "…" (full text on hover). */
const FIT = 30

/** Kinds a camera or recorder makes: for them a missing device is worth saying; a transcript or a data export has none. */
const RECORDED_BY_DEVICE = new Set<Lane['kind']>(['video', 'image', 'thermal', 'audio'])

function fit(text: string): string {
  return text.length > FIT ? `${text.slice(0, FIT - 1)}…` : text
}

/** A lane's name in the label column: the kind, then the device (make model, serial or id). */
export function LaneLabel({ lane, y, height }: { lane: Lane; y: number; height: number }) {
  const { t } = useTranslation()
  const custody = lane.kind === 'custody'
  const exceedance = lane.kind === 'exceedance'
  const title =
    lane.kind === 'custody'
      ? t('timeline:lane.custody')
      : lane.kind === 'exceedance'
        ? t('timeline:lane.exceedance')
        : lane.category
          ? categoryLabel(t, lane.category, 'many')
          : kindLabel(t, lane.kind, 'many')
  const count = custody
    ? t('timeline:lane.events', { count: lane.marks.length })
    : exceedance
      ? t('timeline:lane.windows', { count: lane.marks.length })
      : t('timeline:lane.count', { count: lane.marks.length })
  const d = deviceParts(lane.device)
  const device =
    custody || exceedance
      ? ''
      : [
          d.name ??
            (d.serial || d.id || !RECORDED_BY_DEVICE.has(lane.kind) ? '' : t('timeline:lane.noDevice')),
          d.serial ? t('timeline:lane.serial', { serial: d.serial }) : '',
          d.id ? t('timeline:lane.deviceId', { id: d.id }) : '',
        ]
          .filter(Boolean)
          .join(' · ')
  return (
    <g
      className="tl-lane-label"
      data-testid="timeline-lane"
      data-lane={lane.key}
      data-kind={lane.kind}
      data-category={lane.category ?? undefined}
    >
      <title>{[title, device, count].filter(Boolean).join('\n')}</title>
      <rect x={8} y={y + height / 2 - 12} width={4} height={24} rx={2} fill={laneColour(lane.kind)} />
      <text x={18} y={y + (device ? height / 2 - 3 : height / 2 + 4)} className="tl-lane-title">
        {title}
        <tspan className="tl-lane-count">{`  ${count}`}</tspan>
      </text>
      {device && (
        <text x={18} y={y + height / 2 + 12} className="tl-lane-device" data-user-data>
          {fit(device)}
        </text>
      )}
    </g>
  )
}
