/**
 * Each device's clock offset as the officers recorded it. Every set, change and removal is a row
 * (the latest per device wins; a removal has no offset) and a custody event; capture times are never
 * rewritten: items get their corrected time on read (`attachClocks`).
 */
import type { ReadableDB } from '../db/database'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import {
  clockOffsetProblem,
  correctedInstant,
  deviceKey,
  deviceName,
  findDevice,
  type ClockOffset,
  type DeviceIdentity,
} from '../../shared/clock-offset'
import type { EvidenceItem, Officer } from '../../shared/types'

interface OffsetRow {
  device_key: string
  device_json: string
  offset_ms: number | null
  checked_at: string
  against: string
  reason: string
  set_by_name: string
  set_by_cert_no: string
  set_at: string
}

function rowToOffset(r: OffsetRow & { offset_ms: number }): ClockOffset {
  return {
    deviceKey: r.device_key,
    device: JSON.parse(r.device_json) as DeviceIdentity,
    offsetMs: r.offset_ms,
    checkedAt: r.checked_at,
    against: r.against,
    reason: r.reason,
    setBy: { name: r.set_by_name, certNo: r.set_by_cert_no },
    setAt: r.set_at,
  }
}

/** The offsets in force, one per device, ordered by device name. */
export function clockOffsets(db: ReadableDB): ClockOffset[] {
  const rows = db
    .prepare(
      `SELECT * FROM clock_offsets c WHERE c.id = (SELECT max(id) FROM clock_offsets l WHERE l.device_key = c.device_key)
       AND c.offset_ms IS NOT NULL ORDER BY c.device_key`,
    )
    .all() as Array<OffsetRow & { offset_ms: number }>
  return rows.map(rowToOffset)
}

/** Every device the case's items record, one per key (an offset can only name one of these). */
export function caseDevices(db: ReadableDB): DeviceIdentity[] {
  const rows = db
    .prepare('SELECT DISTINCT device_json FROM items WHERE device_json IS NOT NULL ORDER BY ordinal')
    .all() as Array<{ device_json: string }>
  const byKey = new Map<string, DeviceIdentity>()
  for (const r of rows) {
    const device = JSON.parse(r.device_json) as DeviceIdentity | null
    const key = deviceKey(device)
    if (device && key && !byKey.has(key)) byKey.set(key, device)
  }
  return [...byKey.values()]
}

/**
 * The items with `clock` set where their device has an offset in force (stills and clips carry
 * their source's device, so they follow it). Items are returned unchanged otherwise.
 */
export function attachClocks<T extends EvidenceItem>(db: ReadableDB, items: T[]): T[] {
  if (items.length === 0) return items
  const offsets = new Map(clockOffsets(db).map((o) => [o.deviceKey, o]))
  if (offsets.size === 0) return items
  return items.map((item) => {
    const key = deviceKey(item.device)
    const offset = key ? offsets.get(key) : undefined
    if (!offset) return item
    return {
      ...item,
      clock: {
        offset,
        correctedAt: item.capturedAt ? correctedInstant(item.capturedAt, offset.offsetMs) : null,
      },
    }
  })
}

export interface ClockOffsetInput {
  /** the device's key, or its serial / id / make and model when one device alone has it */
  device: string
  offsetMs: number
  checkedAt: string
  against: string
  reason: string
}

function invalid(field: string, message: string): EvidenceError {
  return new EvidenceError('invalid-input', message, { fields: [{ path: field, code: 'invalid', message }] })
}

/** The case device an officer named, or an error naming the devices there are. */
function namedDevice(db: ReadableDB, name: string): { device: DeviceIdentity; key: string } {
  const devices = caseDevices(db)
  const { device, matches } = findDevice(name, devices)
  if (!device) {
    const known = (matches.length > 1 ? matches : devices).map((d) => deviceKey(d)).join(', ')
    throw invalid(
      'device',
      matches.length > 1
        ? `"${name}" names more than one device (${known}); give the device key.`
        : `No evidence in this case was recorded by a device "${name}". Devices here: ${known || 'none'}.`,
    )
  }
  return { device, key: deviceKey(device)! }
}

/**
 * Records (or changes) a device's offset: refused beyond ±7 days, without a reason or a reference,
 * or for a device no item of the case records. A custody event names the device, the offset, the
 * check and the reason (and the old offset on a change).
 */
export function setClockOffset(
  file: CaseFile,
  input: ClockOffsetInput,
  actor: Officer,
  clock: Clock,
): ClockOffset {
  const problem = clockOffsetProblem(input)
  if (problem) throw invalid(problem.field, problem.message)
  const { device, key } = namedDevice(file.db, input.device)
  const before = clockOffsets(file.db).find((o) => o.deviceKey === key) ?? null
  const at = clock()
  const entry = {
    offsetMs: input.offsetMs,
    checkedAt: input.checkedAt,
    against: input.against.trim(),
    reason: input.reason.trim(),
  }
  file.record(
    actor,
    at,
    {
      action: before ? 'clock-offset-changed' : 'clock-offset-set',
      itemId: null,
      details: {
        device: deviceName(device),
        deviceKey: key,
        ...entry,
        ...(before
          ? { from: { offsetMs: before.offsetMs, checkedAt: before.checkedAt, against: before.against } }
          : {}),
      },
    },
    () => insertRow(file, key, device, entry.offsetMs, entry, actor, at),
  )
  return clockOffsets(file.db).find((o) => o.deviceKey === key)!
}

/** Removes a device's offset (its times read as recorded again); the event names the old offset. */
export function removeClockOffset(
  file: CaseFile,
  input: { device: string; reason: string },
  actor: Officer,
  clock: Clock,
): void {
  if (!input.reason.trim()) throw invalid('reason', 'A reason is required.')
  const { device, key } = namedDevice(file.db, input.device)
  const before = clockOffsets(file.db).find((o) => o.deviceKey === key)
  if (!before) throw invalid('device', `${deviceName(device)} has no clock offset recorded.`)
  const at = clock()
  const reason = input.reason.trim()
  file.record(
    actor,
    at,
    {
      action: 'clock-offset-removed',
      itemId: null,
      details: {
        device: deviceName(device),
        deviceKey: key,
        from: { offsetMs: before.offsetMs, checkedAt: before.checkedAt, against: before.against },
        reason,
      },
    },
    () =>
      insertRow(
        file,
        key,
        device,
        null,
        { checkedAt: before.checkedAt, against: before.against, reason },
        actor,
        at,
      ),
  )
}

function insertRow(
  file: CaseFile,
  key: string,
  device: DeviceIdentity,
  offsetMs: number | null,
  e: { checkedAt: string; against: string; reason: string },
  actor: Officer,
  at: Date,
): void {
  file.db
    .prepare(
      `INSERT INTO clock_offsets (device_key, device_json, offset_ms, checked_at, against, reason, set_by_name, set_by_cert_no, set_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      key,
      JSON.stringify(device),
      offsetMs,
      e.checkedAt,
      e.against,
      e.reason,
      actor.name,
      actor.certNo,
      at.toISOString(),
    )
}
