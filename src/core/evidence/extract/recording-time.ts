/**
 * When a recording (video or audio) began: the container's clock, else the clock reading in its
 * file name in the case zone (offset assumed and said so), else the file's modification time;
 * and a warning when container and file name disagree. Shared by the kinds that record time.
 */
import {
  formatOffset,
  isValidWallTime,
  toIsoWithOffset,
  zoneOffsetMinutes,
  wallTimeAtOffset,
  zonedWallTimeToInstant,
  type WallTime,
} from '../../../shared/time-zone'
import { capturedAt, filesystemTime, type ExtractFacts } from './extract-result'
import { containerInstant, formatDiff, probeTag, type Probe } from './ffprobe'
import type { parseFilenameTime } from './filename-time'

export interface RecordingTimeOptions {
  caseTimeZone: string
  sourceMtimeMs: number
  /** what the messages call the file: "video", "recording" */
  noun: string
  /**
   * The maker writes its local clock into creation_time as if it were UTC (GoPro): the header
   * time is a wall clock with no zone. Names the maker for the messages.
   */
  localAsUtc?: string
  /** the recording's start from a GPS time track in the file (UTC), when it has one */
  gpsStartMs?: number | null
  /**
   * a clock reading from the stream itself: DV REC DATE/TIME (a wall clock), AVCHD's H.264 MDPM
   * (with the camera's zone, which wins over a container time without one)
   */
  streamClock?: { wall: WallTime; what: string; offsetMinutes?: number; dst?: boolean } | null
}

/** Agreement tolerance between the container clock and the file-name clock. */
const CLOCK_TOLERANCE_MS = 5_000
/** Agreement between a header time and the GPS time track (the header has whole seconds). */
const GPS_TOLERANCE_MS = 2_000

/** A creation_time text that names its zone (Z or an offset); AVI IDIT and some others do not. */
const hasZone = (text: string): boolean => /[zZ]$|[+-]\d{2}:?\d{2}$/.test(text.trim())

/** "2003-03-10 15:04:43" → wall time; null when not that shape. */
function wallOf(text: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text.trim())
  if (!m) return null
  const wall = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] }
  return wall.year >= 1980 && isValidWallTime(wall) ? wall : null
}

/**
 * Sets capturedAt/Source/utcOffset on `facts`. In order: QuickTime's creationdate with its own
 * offset; a GPS time track (the instant, said so; a header time that agrees is kept); a
 * creation_time that names its zone (UTC), written in the case zone; a creation_time without a
 * zone (AVI IDIT) or from a maker that writes local time as UTC — a wall clock taken in the case
 * zone (`offset-assumed`), never UTC; a wall clock in the stream (DV); the file-name clock in the
 * case zone (`offset-assumed`); mtime (`time-from-filesystem`). `clock-mismatch` when container
 * and file name disagree by more than 5 s (other than exactly the case offset, which is read as a
 * recorder writing local time as UTC, `offset-assumed`).
 */
export function setRecordingTime(
  facts: ExtractFacts,
  data: Probe | null,
  opts: RecordingTimeOptions,
  fromName: ReturnType<typeof parseFilenameTime>,
): void {
  const zone = opts.caseTimeZone
  const nameInstant = fromName ? zonedWallTimeToInstant(fromName.wall, zone) : null
  const nameText = fromName ? `${fromName.matched} (read as ${zone} local time)` : ''
  // QuickTime's own creation date carries the camera's offset; prefer it when present.
  const qtDate = data ? probeTag(data, ['com.apple.quicktime.creationdate']) : null
  const qtOff = qtDate ? /([+-])(\d{2}):?(\d{2})$/.exec(qtDate) : null
  const qtMs = qtOff ? containerInstant(qtDate) : null
  const creationText = data ? probeTag(data, ['creation_time']) : null
  const zoned = creationText !== null && hasZone(creationText)
  const utcMs = zoned ? containerInstant(creationText) : null
  const headerWall = creationText && (!zoned || opts.localAsUtc) ? wallOf(creationText) : null
  let container: { ms: number; off: number; labelledUtc: boolean } | null = null
  const zonedStream = opts.streamClock?.offsetMinutes !== undefined ? opts.streamClock : null
  if (zonedStream && zonedStream.offsetMinutes !== undefined) {
    const off = zonedStream.offsetMinutes
    Object.assign(facts, capturedAt(wallTimeAtOffset(zonedStream.wall, off), off, 'container'))
    facts.meta.timeFrom = zonedStream.what
    if (zonedStream.dst)
      facts.warnings.push({
        code: 'offset-assumed',
        message: `The ${zonedStream.what} marks its zone ${formatOffset(off)} as summer time; the offset is written as the camera recorded it, which may be one hour less than the civil offset that day.`,
      })
    return
  }
  if (qtMs !== null && qtOff) {
    const off = (qtOff[1] === '-' ? -1 : 1) * (Number(qtOff[2]) * 60 + Number(qtOff[3]))
    container = { ms: qtMs, off, labelledUtc: false }
  } else if (opts.gpsStartMs != null) {
    const gps = opts.gpsStartMs
    const agrees = utcMs !== null && Math.abs(utcMs - gps) <= GPS_TOLERANCE_MS
    const ms = agrees && utcMs !== null ? utcMs : Math.round(gps / 1000) * 1000
    container = { ms, off: zoneOffsetMinutes(zone, ms), labelledUtc: false }
    facts.meta.timeFrom = 'gps'
    facts.warnings.push({
      code: 'time-from-gps',
      message: agrees
        ? `The recording's GPS time track (${new Date(gps).toISOString()}) confirms the header creation time ${new Date(ms).toISOString()} as UTC.`
        : `The header creation time${creationText ? ` (${creationText})` : ''} is not UTC${opts.localAsUtc ? ` (${opts.localAsUtc} writes local time there)` : ''}; the start comes from the recording's GPS time track: ${new Date(ms).toISOString()}.`,
    })
  } else if (headerWall && creationText) {
    const z = zonedWallTimeToInstant(headerWall, zone)
    Object.assign(facts, capturedAt(z.ms, z.offsetMinutes, 'container'))
    facts.warnings.push({
      code: 'offset-assumed',
      message: opts.localAsUtc
        ? `${opts.localAsUtc} writes its local clock into creation_time as if it were UTC and the file has no GPS time; ${creationText} was read as ${zone} local time (${formatOffset(z.offsetMinutes)}).`
        : `The ${opts.noun}'s creation time (${creationText}) has no zone; it was read as ${zone} local time (${formatOffset(z.offsetMinutes)}).`,
    })
    return
  } else if (utcMs !== null) {
    container = { ms: utcMs, off: zoneOffsetMinutes(zone, utcMs), labelledUtc: true }
  } else if (opts.streamClock) {
    const z = zonedWallTimeToInstant(opts.streamClock.wall, zone)
    Object.assign(facts, capturedAt(z.ms, z.offsetMinutes, 'container'))
    facts.warnings.push({
      code: 'offset-assumed',
      message: `The ${opts.streamClock.what} has no zone; it was read as ${zone} local time (${formatOffset(z.offsetMinutes)}).`,
    })
    return
  }
  if (container) {
    Object.assign(facts, capturedAt(container.ms, container.off, 'container'))
    if (nameInstant) {
      const diff = container.ms - nameInstant.ms
      const caseOff = nameInstant.offsetMinutes * 60_000
      if (container.labelledUtc && caseOff !== 0 && Math.abs(diff - caseOff) <= CLOCK_TOLERANCE_MS) {
        // The recorder wrote its local clock reading into a field defined as UTC.
        Object.assign(facts, capturedAt(container.ms - caseOff, nameInstant.offsetMinutes, 'container'))
        facts.warnings.push({
          code: 'offset-assumed',
          message: `The container creation_time (${new Date(container.ms).toISOString()}) equals the file-name clock ${nameText}; the recorder stored local time as UTC, so it was read as ${zone} local time (${formatOffset(nameInstant.offsetMinutes)}).`,
        })
      } else if (Math.abs(diff) > CLOCK_TOLERANCE_MS) {
        facts.warnings.push({
          code: 'clock-mismatch',
          message: `The container creation time ${toIsoWithOffset(container.ms, container.off)} differs from the file-name time ${toIsoWithOffset(nameInstant.ms, nameInstant.offsetMinutes)} (${nameText}) by ${formatDiff(diff)}. The container time is used; check the recorder's clock.`,
        })
      }
    }
  }
  if (facts.capturedAt) return
  if (nameInstant && fromName) {
    Object.assign(facts, capturedAt(nameInstant.ms, nameInstant.offsetMinutes, 'filename'))
    facts.warnings.push({
      code: 'offset-assumed',
      message: `The ${opts.noun} has no container creation time; the time comes from the file name ${nameText}, offset ${formatOffset(nameInstant.offsetMinutes)} assumed.`,
    })
    return
  }
  const fs = filesystemTime(
    opts.sourceMtimeMs,
    zone,
    `The ${opts.noun} has no container creation time and its name holds no date`,
  )
  facts.capturedAt = fs.capturedAt
  facts.capturedAtSource = fs.capturedAtSource
  facts.utcOffset = fs.utcOffset
  facts.warnings.push(fs.warning)
}
