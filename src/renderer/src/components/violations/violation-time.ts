import {
  formatLocalWithOffset,
  isValidWallTime,
  toIsoWithOffset,
  zoneOffsetMinutes,
  zonedWallTimeToInstant,
} from '../../../../shared/time-zone'

const WALL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/

/**
 * What an officer typed as "2021-05-24 02:00" (wall time in the case's zone) as an ISO instant
 * with that zone's offset then; '' is null (unknown), anything unreadable is 'invalid' so the
 * form says so instead of guessing.
 */
export function parseCaseTime(text: string, zone: string): string | null | 'invalid' {
  const s = text.trim()
  if (s === '') return null
  const m = WALL.exec(s)
  if (!m) return 'invalid'
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)))
  const wall = { year, month, day, hour, minute, second }
  if (!isValidWallTime(wall)) return 'invalid'
  const { ms, offsetMinutes } = zonedWallTimeToInstant(wall, zone)
  return toIsoWithOffset(ms, offsetMinutes)
}

/** An instant as the editor shows it: wall time in the case's zone, seconds only when not zero. */
export function caseTimeInput(iso: string | null, zone: string): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const text = formatLocalWithOffset(iso, zoneOffsetMinutes(zone, ms))
  return text.slice(17, 19) === '00' ? text.slice(0, 16) : text.slice(0, 19)
}
