/**
 * When a recording (video or audio) began: the container's clock, else the clock reading in its
 * file name in the case zone (offset assumed and said so), else the file's modification time;
 * and a warning when container and file name disagree. Shared by the kinds that record time.
 */
import {
  formatOffset,
  toIsoWithOffset,
  zoneOffsetMinutes,
  zonedWallTimeToInstant,
} from '../../../shared/time-zone'
import { capturedAt, filesystemTime, type ExtractFacts } from './extract-result'
import { containerInstant, formatDiff, probeTag, type Probe } from './ffprobe'
import type { parseFilenameTime } from './filename-time'

export interface RecordingTimeOptions {
  caseTimeZone: string
  sourceMtimeMs: number
  /** what the messages call the file: "video", "recording" */
  noun: string
}

/** Agreement tolerance between the container clock and the file-name clock. */
const CLOCK_TOLERANCE_MS = 5_000

/**
 * Sets capturedAt/Source/utcOffset on `facts`: container creation_time (UTC, written in the case
 * zone; QuickTime's creationdate with its own offset first), else the file-name clock in the case
 * zone (`offset-assumed`), else mtime (`time-from-filesystem`); `clock-mismatch` when container and
 * file name disagree by more than 5 s (other than exactly the case offset, which is read as a
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
  const utcMs = containerInstant(data ? probeTag(data, ['creation_time']) : null)
  let container: { ms: number; off: number; labelledUtc: boolean } | null = null
  if (qtMs !== null && qtOff) {
    const off = (qtOff[1] === '-' ? -1 : 1) * (Number(qtOff[2]) * 60 + Number(qtOff[3]))
    container = { ms: qtMs, off, labelledUtc: false }
  } else if (utcMs !== null) {
    container = { ms: utcMs, off: zoneOffsetMinutes(zone, utcMs), labelledUtc: true }
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
