import type { TFunction } from 'i18next'
import type { MessageKey } from '../../i18n/keys'

/** Decimal degrees with six places (about 0.1 m), the form map tools and GPS units accept. */
export function decimalCoords(lat: number, lon: number): string {
  return `${lat.toFixed(6)}, ${lon.toFixed(6)}`
}

/** One coordinate as degrees-minutes-seconds with its hemisphere: 31°13′49.44″N. */
export function dms(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value)
  // Work in hundredths of a second so rounding never yields 60″ or 60′.
  const total = Math.round(abs * 360_000)
  const deg = Math.floor(total / 360_000)
  const min = Math.floor((total % 360_000) / 6000)
  const sec = (total % 6000) / 100
  return `${deg}°${String(min).padStart(2, '0')}′${sec.toFixed(2).padStart(5, '0')}″${value < 0 ? negative : positive}`
}

/** Latitude and longitude as DMS; N/S and E/W are kept as letters, as GPS units and forms write them. */
export function dmsCoords(lat: number, lon: number): string {
  return `${dms(lat, 'N', 'S')} ${dms(lon, 'E', 'W')}`
}

/** A signed number with a real minus sign (−90, not -90), as printed text uses. */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits).replace(/\.0+$/, '')
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text
}

const COMPASS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const
type CompassPoint = (typeof COMPASS)[number]

const COMPASS_TEXT: Record<CompassPoint, MessageKey> = {
  n: 'mediaViewer:image.drone.compass.n',
  ne: 'mediaViewer:image.drone.compass.ne',
  e: 'mediaViewer:image.drone.compass.e',
  se: 'mediaViewer:image.drone.compass.se',
  s: 'mediaViewer:image.drone.compass.s',
  sw: 'mediaViewer:image.drone.compass.sw',
  w: 'mediaViewer:image.drone.compass.w',
  nw: 'mediaViewer:image.drone.compass.nw',
}

/** The nearest of eight compass points for a heading in degrees (0 = north, clockwise). */
export function compassPoint(degrees: number): CompassPoint {
  const normal = ((degrees % 360) + 360) % 360
  return COMPASS[Math.round(normal / 45) % 8]
}

/** DJI gimbal pitch in words: −90° is straight down (a nadir shot), 0° level. */
export function pitchWords(pitch: number, t: TFunction): string {
  if (pitch <= -89.5) return t('mediaViewer:image.drone.pitchDown')
  if (Math.abs(pitch) < 0.5) return t('mediaViewer:image.drone.pitchLevel')
  return t(pitch < 0 ? 'mediaViewer:image.drone.pitchBelow' : 'mediaViewer:image.drone.pitchAbove')
}

export interface DroneMeta {
  relativeAltitude?: number
  absoluteAltitude?: number
  gimbalPitch?: number
  gimbalYaw?: number
  flightYaw?: number
}

function n(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** The drone facts the sentence uses, read defensively from `meta.drone`; null when there are none. */
export function readDrone(value: unknown): DroneMeta | null {
  if (!value || typeof value !== 'object') return null
  const d = value as Record<string, unknown>
  const out: DroneMeta = {
    relativeAltitude: n(d.relativeAltitude),
    absoluteAltitude: n(d.absoluteAltitude),
    gimbalPitch: n(d.gimbalPitch),
    gimbalYaw: n(d.gimbalYaw),
    flightYaw: n(d.flightYaw),
  }
  return Object.values(out).some((v) => v !== undefined) ? out : null
}

/** "距起飞点高度 30.1 米，云台俯仰 −90°（垂直向下），…": the attitude as an officer would write it. */
export function droneSentence(d: DroneMeta, t: TFunction): string {
  const parts: string[] = []
  if (d.relativeAltitude !== undefined)
    parts.push(t('mediaViewer:image.drone.relative', { value: signed(d.relativeAltitude) }))
  if (d.absoluteAltitude !== undefined)
    parts.push(t('mediaViewer:image.drone.absolute', { value: signed(d.absoluteAltitude) }))
  if (d.gimbalPitch !== undefined)
    parts.push(
      t('mediaViewer:image.drone.gimbalPitch', {
        value: signed(d.gimbalPitch),
        words: pitchWords(d.gimbalPitch, t),
      }),
    )
  // A heading means little when the camera looks straight down, but it still orients the picture.
  if (d.gimbalYaw !== undefined)
    parts.push(
      t('mediaViewer:image.drone.gimbalYaw', {
        value: signed(d.gimbalYaw),
        words: t(COMPASS_TEXT[compassPoint(d.gimbalYaw)]),
      }),
    )
  if (d.flightYaw !== undefined)
    parts.push(
      t('mediaViewer:image.drone.flightYaw', {
        value: signed(d.flightYaw),
        words: t(COMPASS_TEXT[compassPoint(d.flightYaw)]),
      }),
    )
  return parts.join(t('mediaViewer:image.drone.separator'))
}
