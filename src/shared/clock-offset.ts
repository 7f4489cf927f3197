/**
 * A device's clock offset as an officer recorded it ("DSJ-A8-00123 runs 3 min 12 s fast, checked
 * against 北京时间 on 2021-05-24"), and the corrected time it gives. Capture times are never
 * rewritten: the corrected instant is derived on read (recorded − offset) and shown beside the
 * recorded one. Pure helpers, used by core, the renderer and the command line alike.
 */
import { parseOffset, toIsoWithOffset, zoneOffsetMinutes } from './time-zone'
import type { Officer } from './types'

/** The UI languages (as citations/in-words names them; spelled out here so that module may import this one). */
type WordsLanguage = 'zh-CN' | 'en'

/** The identity a capture device records: make, model, serial, id (any may be missing). */
export interface DeviceIdentity {
  make: string | null
  model: string | null
  serial: string | null
  id: string | null
}

/** An offset in force for one device, with who recorded it and why. */
export interface ClockOffset {
  /** `deviceKey` of the device it applies to */
  deviceKey: string
  device: DeviceIdentity
  /** signed, in milliseconds: positive = the device clock runs fast, so corrected = recorded − offset */
  offsetMs: number
  /** when the device was checked: a day ("2021-05-24") or an instant (UTC ISO) */
  checkedAt: string
  /** the reference it was checked against: 北京时间, 授时中心, GPS or the officer's own words */
  against: string
  reason: string
  setBy: Officer
  setAt: string
}

/** What an item's time is once its device's offset applies. */
export interface ItemClock {
  offset: ClockOffset
  /** the capture instant corrected (ISO with the recorded offset), null when the item has no capture time */
  correctedAt: string | null
}

/** The widest offset accepted: a clock wrong by more than a week is a wrong date, not a drift. */
export const MAX_CLOCK_OFFSET_MS = 7 * 24 * 3600 * 1000

const clean = (v: string | null | undefined): string => (v ?? '').trim()

/**
 * The one key of a device: make, model and serial (the id where no serial was recorded), so items
 * of one recorder share a lane, an offset and a name. Null when the item records no device at all.
 */
export function deviceKey(device: DeviceIdentity | null | undefined): string | null {
  if (!device) return null
  const parts = [clean(device.make), clean(device.model), clean(device.serial) || clean(device.id)]
  if (parts.every((p) => p === '')) return null
  return parts.join('|')
}

/** The device in words: its serial or id, else make and model ("DSJ-A8-00123"). */
export function deviceName(device: DeviceIdentity | null | undefined): string | null {
  if (!device) return null
  return (
    clean(device.id) ||
    clean(device.serial) ||
    [clean(device.make), clean(device.model)].filter(Boolean).join(' ') ||
    null
  )
}

/**
 * The device an officer named among `devices`: its key, or (when one device alone matches) its
 * serial, id, or make and model. `matches` lists every candidate when the name is ambiguous.
 */
export function findDevice(
  name: string,
  devices: DeviceIdentity[],
): { device: DeviceIdentity | null; matches: DeviceIdentity[] } {
  const wanted = name.trim().toLowerCase()
  const exact = devices.find((d) => deviceKey(d)?.toLowerCase() === wanted)
  if (exact) return { device: exact, matches: [exact] }
  const matches = devices.filter((d) =>
    [clean(d.serial), clean(d.id), [clean(d.make), clean(d.model)].filter(Boolean).join(' '), clean(d.model)]
      .map((s) => s.toLowerCase())
      .includes(wanted),
  )
  return { device: matches.length === 1 ? matches[0] : null, matches }
}

/** The capture instant corrected for the offset, written with the recorded UTC offset. */
export function correctedInstant(capturedAt: string, offsetMs: number): string | null {
  const ms = Date.parse(capturedAt)
  if (Number.isNaN(ms)) return null
  const suffix = /(Z|[+-]\d{2}:?\d{2})$/.exec(capturedAt)?.[1]
  const minutes = suffix ? (parseOffset(suffix) ?? 0) : 0
  return toIsoWithOffset(ms - offsetMs, minutes)
}

/**
 * "+192s", "-3m12s", "3分12秒", "+1h2m", "-0.5s", "192" (seconds) → signed milliseconds; null when
 * the text is none of these. A leading "+" or nothing means fast, "-" slow.
 */
export function parseClockOffset(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(/^快/, '+').replace(/^慢/, '-')
  const m =
    /^([+-]?)(?:(\d+)(?:h|时|小时))?(?:(\d+)(?:m|min|分|分钟))?(?:(\d+(?:\.\d{1,3})?)(?:s|秒)?)?$/i.exec(t)
  if (!m || (m[2] === undefined && m[3] === undefined && m[4] === undefined)) return null
  // a bare number is seconds, but "3m" followed by a unitless number is ambiguous: require the unit
  if (m[4] !== undefined && !/(s|秒)$/i.test(t) && (m[2] !== undefined || m[3] !== undefined)) return null
  const ms = Number(m[2] ?? 0) * 3_600_000 + Number(m[3] ?? 0) * 60_000 + Math.round(Number(m[4] ?? 0) * 1000)
  return m[1] === '-' ? -ms : ms
}

/** Why an offset cannot be recorded (each names the field), or null when it can. */
export function clockOffsetProblem(o: {
  offsetMs: number
  checkedAt: string
  against: string
  reason: string
}): { field: 'offset' | 'checked' | 'against' | 'reason'; message: string } | null {
  if (!Number.isInteger(o.offsetMs))
    return { field: 'offset', message: 'The offset must be a whole number of milliseconds.' }
  if (Math.abs(o.offsetMs) > MAX_CLOCK_OFFSET_MS)
    return {
      field: 'offset',
      message: 'An offset beyond ±7 days is a wrong date, not a clock drift; check the value.',
    }
  if (!isCheckedAt(o.checkedAt))
    return {
      field: 'checked',
      message:
        'The check date must be a day (2021-05-24) or an instant with its offset (2021-05-24T09:00:00+08:00).',
    }
  if (!o.against.trim()) return { field: 'against', message: 'Say what the clock was checked against.' }
  if (!o.reason.trim()) return { field: 'reason', message: 'A reason is required.' }
  return null
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** A real calendar day, or an ISO instant with its offset. */
export function isCheckedAt(text: string): boolean {
  const d = DAY.exec(text)
  if (d) {
    const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])))
    return date.getUTCMonth() === Number(d[2]) - 1 && date.getUTCDate() === Number(d[3])
  }
  return INSTANT.test(text) && !Number.isNaN(Date.parse(text))
}

/** "快 3分12秒" / "3 min 12 s fast"; "慢 …" / "… slow"; "无偏差" / "no offset" for zero. */
export function offsetInWords(offsetMs: number, lang: WordsLanguage): string {
  if (offsetMs === 0) return lang === 'en' ? 'no offset' : '无偏差'
  const abs = Math.abs(offsetMs)
  const h = Math.floor(abs / 3_600_000)
  const m = Math.floor((abs % 3_600_000) / 60_000)
  const sMs = abs % 60_000
  const s = sMs % 1000 === 0 ? String(sMs / 1000) : (sMs / 1000).toFixed(3).replace(/0+$/, '')
  const fast = offsetMs > 0
  if (lang === 'en') {
    const parts = [h ? `${h} h` : '', m ? `${m} min` : '', sMs ? `${s} s` : ''].filter(Boolean).join(' ')
    return `${parts} ${fast ? 'fast' : 'slow'}`
  }
  const parts = [h ? `${h}小时` : '', m ? `${m}分` : '', sMs ? `${s}秒` : ''].join('')
  return `${fast ? '快' : '慢'} ${parts}`
}

/** The check date in words: a day as "2021年5月24日" / "2021-05-24", an instant in the case zone. */
export function checkedAtInWords(checkedAt: string, lang: WordsLanguage, timezone: string): string {
  const d = DAY.exec(checkedAt)
  if (d) return lang === 'en' ? checkedAt : `${Number(d[1])}年${Number(d[2])}月${Number(d[3])}日`
  const ms = Date.parse(checkedAt)
  if (Number.isNaN(ms)) return checkedAt
  const local = toIsoWithOffset(ms, zoneOffsetMinutes(timezone, ms))
  if (lang === 'en') return `${local.slice(0, 10)} ${local.slice(11, 16)}`
  return `${Number(local.slice(0, 4))}年${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`
}

/** "2021年5月24日与北京时间核对" / "checked against 北京时间 on 2021-05-24". */
export function checkInWords(
  o: Pick<ClockOffset, 'checkedAt' | 'against'>,
  lang: WordsLanguage,
  timezone: string,
): string {
  const when = checkedAtInWords(o.checkedAt, lang, timezone)
  return lang === 'en' ? `checked against ${o.against} on ${when}` : `${when}与${o.against}核对`
}
