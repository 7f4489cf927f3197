import type { TFunction } from 'i18next'
import type { ImageMeta } from '../../../../shared/kinds'
import { fmt, type factRows } from '../../components/evidence/fact-rows'

/** DJI flight facts (altitudes, gimbal and aircraft attitude) as rows; nothing for other cameras. */
export function droneRows(
  drone: ImageMeta['drone'],
  add: ReturnType<typeof factRows>['add'],
  t: TFunction,
): void {
  if (!drone) return
  const deg = (v: number | null | undefined) => fmt(v, 1, (n) => `${n}°`)
  const metres = (v: number | null | undefined) => fmt(v, 1, (n) => t('item.metres', { value: n }))
  add('absAlt', t('item.drone.absoluteAltitude'), metres(drone.absoluteAltitude))
  add('relAlt', t('item.drone.relativeAltitude'), metres(drone.relativeAltitude))
  const gimbal = [drone.gimbalYaw, drone.gimbalPitch, drone.gimbalRoll].map(deg)
  if (gimbal.some(Boolean))
    add(
      'gimbal',
      t('item.drone.gimbal'),
      t('item.drone.angles', { yaw: gimbal[0] ?? '—', pitch: gimbal[1] ?? '—', roll: gimbal[2] ?? '—' }),
    )
  const flight = [drone.flightYaw, drone.flightPitch, drone.flightRoll].map(deg)
  if (flight.some(Boolean))
    add(
      'flight',
      t('item.drone.flight'),
      t('item.drone.angles', { yaw: flight[0] ?? '—', pitch: flight[1] ?? '—', roll: flight[2] ?? '—' }),
    )
}
