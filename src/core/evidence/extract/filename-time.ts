/**
 * Recording time and device id from the file names body-worn recorders (执法记录仪, "DSJ"),
 * dash cams and drones give their clips:
 *   20210524_040312_DSJ-A8-00123.MP4   date_time_device
 *   DSJ_20210524040312_A8-00123.MP4    type_datetime_device
 *   20210524040312_00123.mp4           datetime_device
 *   0123456_012345_20210524040312_0001.MP4  (GA/T 947-style device_officer_datetime_sequence)
 *   DJI_20210524040312_0001_W.MP4      (no device id: DJI is a type prefix)
 * The time is the recorder's local clock reading; it carries no zone.
 */
import { isValidWallTime, type WallTime } from '../../../shared/time-zone'

export interface FilenameTime {
  wall: WallTime
  /** the recorder's id as written in the name, or null when the name holds none */
  deviceId: string | null
  /** the characters of the name that gave the time, for messages */
  matched: string
}

// 8 digits date + 6 digits time, optionally split by one separator, with separators allowed
// inside (2021-05-24_04-03-12). Digits must not continue on either side, so a 17-digit
// sequence number is never read as a date.
const STAMP = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})[-_ T.]?(\d{2})([-_.:]?)(\d{2})\6(\d{2})(?!\d)/

/** Tokens that name a kind of file or device, not one device. */
const TYPE_PREFIXES = new Set([
  'dsj',
  'dji',
  'vid',
  'img',
  'mov',
  'rec',
  'video',
  'record',
  'mvi',
  'pxl',
  'dcim',
  'clip',
])

/** A leftover token that is a device id rather than a sequence number, suffix or type word. */
function isIdToken(tok: string): boolean {
  if (tok.length === 0) return false
  if (/^\d{1,4}$/.test(tok)) return false // sequence number such as 0001
  if (/^[A-Za-z]$/.test(tok)) return false // DJI lens suffix W/T/Z, A/B segment suffixes
  if (TYPE_PREFIXES.has(tok.toLowerCase())) return false
  return true
}

/**
 * The local wall time and device id in a recorder file name, or null when the name holds no
 * valid date-time (year 1990–2099). Never throws. The time's zone is for the caller to supply.
 */
export function parseFilenameTime(fileName: string): FilenameTime | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '')
  const m = STAMP.exec(base)
  if (!m) return null
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[3]),
    day: Number(m[4]),
    hour: Number(m[5]),
    minute: Number(m[7]),
    second: Number(m[8]),
  }
  if (wall.year < 1990 || wall.year > 2099 || !isValidWallTime(wall)) return null
  const rest = (base.slice(0, m.index) + ' ' + base.slice(m.index + m[0].length))
    .split(/[_\s]+/)
    .map((t) => t.replace(/^[-.]+|[-.]+$/g, ''))
    .filter(isIdToken)
  return { wall, deviceId: rest.length > 0 ? rest.join('_') : null, matched: m[0] }
}
