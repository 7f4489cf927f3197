/**
 * Audio recordings through the bundled ffprobe: codec, sample rate, channels, duration, descriptive
 * tags, the device where a tag names it, and when the recording began (container clock, a
 * recorder's BWF/ID3 date, the clock in the file name, or the file's modification time, said which).
 * Damaged files are kept with warnings.
 */
import { formatOffset, toIsoWithOffset, zonedWallTimeToInstant } from '../../../../shared/time-zone'
import { EvidenceError } from '../../../errors'
import { capturedAt, emptyFacts, reason, toNumber, type ExtractFacts } from '../../extract/extract-result'
import {
  containerInstant,
  formatDiff,
  probeMedia,
  probeTag,
  scanIsoBoxes,
  type Probe,
} from '../../extract/ffprobe'
import type { FilenameTime } from '../../extract/filename-time'
import { setRecordingTime } from '../../extract/recording-time'
import type { ExtractContext } from '../kind-module'
import { countStreams } from './detect'
import { chromiumPlaysAudio } from './playback'
import { parseRecordingName } from './recording-name'

const ISO_AUDIO = new Set(['audio/mp4', 'audio/quicktime', 'audio/3gpp', 'audio/3gpp2'])
/** Tags kept for display and search; the rest of a file's tags stay in the original. */
const DESCRIPTIVE_TAGS = [
  'title',
  'artist',
  'album',
  'album_artist',
  'comment',
  'description',
  'genre',
  'date',
  'encoder',
  'encoded_by',
  'coding_history',
  'copyright',
  'language',
]
const MAX_TAG_CHARS = 2000

/** Agreement tolerance between a tag's clock and the file-name clock. */
const CLOCK_TOLERANCE_MS = 5_000

/** Why the file is incomplete, from its structure (ISO boxes, the RIFF size), or null. */
async function truncation(ctx: ExtractContext): Promise<string | null> {
  if (ISO_AUDIO.has(ctx.mime)) {
    const boxes = await scanIsoBoxes(ctx.path, ctx.size).catch((e: unknown) => ({
      hasMoov: true,
      overrun: `box scan failed: ${reason(e)}`,
    }))
    if (boxes.overrun) return boxes.overrun
    if (!boxes.hasMoov)
      return 'the index (moov box) is missing, as when recording stopped before the file was closed'
  }
  if (ctx.mime === 'audio/wav' && ctx.head.length >= 12 && ctx.head.toString('latin1', 0, 4) === 'RIFF') {
    const declared = ctx.head.readUInt32LE(4) + 8
    if (declared > ctx.size && declared !== 0xffffffff + 8)
      return `the RIFF header declares ${declared} bytes but the file has ${ctx.size}`
  }
  return null
}

/** Descriptive tags of the file (format tags, then the audio stream's), trimmed; null when none. */
function descriptiveTags(data: Probe): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const key of DESCRIPTIVE_TAGS) {
    const v = probeTag(data, [key])
    if (v) out[key] = v.slice(0, MAX_TAG_CHARS)
  }
  return Object.keys(out).length > 0 ? out : null
}

/** True when the file carries a Broadcast WAV `bext` chunk (ffprobe shows its time_reference). */
const hasBext = (data: Probe): boolean => probeTag(data, ['time_reference']) !== null

/**
 * A recorder's wall-clock start from its tags: the BWF origination date and time (professional
 * recorders; ffmpeg shows them as `date` and a bare-time `creation_time`), or an ID3/Vorbis date
 * that carries a time of day. No zone is recorded with either.
 */
export function tagWallTime(data: Probe): { text: string; wall: FilenameTime['wall'] } | null {
  const date = probeTag(data, ['date'])
  const time = probeTag(data, ['creation_time'])
  const bext =
    hasBext(data) && date && time && /^\d{2}[:.-]\d{2}[:.-]\d{2}$/.test(time) ? `${date} ${time}` : null
  for (const text of [bext, date]) {
    const m = text
      ? /^(\d{4})[-:/](\d{2})[-:/](\d{2})[T ](\d{2})[-:.](\d{2})(?:[-:.](\d{2}))?$/.exec(text.trim())
      : null
    if (!m || !text) continue
    const [y, mo, d, h, mi, s] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)))
    if (y < 1990 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) continue
    return { text, wall: { year: y, month: mo, day: d, hour: h, minute: mi, second: s } }
  }
  return null
}

function setTime(
  facts: ExtractFacts,
  data: Probe | null,
  ctx: ExtractContext,
  fromName: FilenameTime | null,
): void {
  const hasContainerClock =
    data !== null &&
    (containerInstant(probeTag(data, ['creation_time'])) !== null ||
      probeTag(data, ['com.apple.quicktime.creationdate']) !== null)
  const tag = data && !hasContainerClock ? tagWallTime(data) : null
  if (!tag) {
    setRecordingTime(
      facts,
      data,
      { caseTimeZone: ctx.caseTimeZone, sourceMtimeMs: ctx.sourceMtimeMs, noun: 'recording' },
      fromName,
    )
    return
  }
  const zone = ctx.caseTimeZone
  const at = zonedWallTimeToInstant(tag.wall, zone)
  Object.assign(facts, capturedAt(at.ms, at.offsetMinutes, 'container'))
  facts.warnings.push({
    code: 'offset-assumed',
    message: `The recording's start comes from its tags (${tag.text}, read as ${zone} local time); the recorder stores no offset, so ${formatOffset(at.offsetMinutes)} is assumed.`,
  })
  if (fromName) {
    const named = zonedWallTimeToInstant(fromName.wall, zone)
    const diff = at.ms - named.ms
    if (Math.abs(diff) > CLOCK_TOLERANCE_MS)
      facts.warnings.push({
        code: 'clock-mismatch',
        message: `The tagged start ${toIsoWithOffset(at.ms, at.offsetMinutes)} differs from the file-name time ${toIsoWithOffset(named.ms, named.offsetMinutes)} (${fromName.matched}) by ${formatDiff(diff)}. The tagged time is used; check the recorder's clock.`,
      })
  }
}

/**
 * Facts of an audio file. Never rejects for bad content (warnings `truncated`,
 * `metadata-unreadable`, also when no sound stream is found); rejects only on abort (`cancelled`).
 */
export async function extractAudio(ctx: ExtractContext): Promise<ExtractFacts> {
  const facts = emptyFacts()
  const fromName = parseRecordingName(ctx.fileName)
  const truncatedWhy = ctx.size > 0 ? await truncation(ctx) : null
  let data: Probe | null = null
  let probeError: string | null = null
  try {
    const res = await probeMedia(ctx.path, { signal: ctx.signal })
    data = res.data
    probeError = res.error
  } catch (e) {
    if (e instanceof EvidenceError && e.code === 'cancelled') throw e
    probeError = reason(e)
  }
  if (truncatedWhy)
    facts.warnings.push({
      code: 'truncated',
      message: `The recording is incomplete: ${truncatedWhy}. It is kept as it is; playback may fail or stop early.`,
    })
  else if (probeError && ctx.size > 0)
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: `ffprobe could not read the recording fully (${probeError}). The file is kept as it is.`,
    })

  const audio = data?.streams?.find((s) => s.codec_type === 'audio')
  facts.meta = { container: null, codec: null, sampleRate: null, channels: null }
  if (data) {
    const format = data.format ?? {}
    facts.meta.container = format.format_name || null
    facts.meta.formatLongName = format.format_long_name ?? null
    facts.meta.codec = audio?.codec_name ?? null
    if (typeof audio?.profile === 'string' && audio.profile) facts.meta.codecProfile = audio.profile
    facts.meta.sampleRate = toNumber(audio?.sample_rate)
    facts.meta.channels = toNumber(audio?.channels)
    if (typeof audio?.channel_layout === 'string') facts.meta.channelLayout = audio.channel_layout
    const bitRate = toNumber(format.bit_rate) ?? toNumber(audio?.bit_rate)
    if (bitRate !== null) facts.meta.bitRate = bitRate
    const tags = descriptiveTags(data)
    if (tags) facts.meta.tags = tags
    const dur = toNumber(format.duration) ?? toNumber(audio?.duration)
    facts.durationSec = dur === null ? null : Math.round(dur * 1000) / 1000
    const make = probeTag(data, ['com.apple.quicktime.make', 'make', 'com.android.manufacturer'])
    // a BWF originator names the recorder (ffmpeg shows it as encoded_by)
    const originator = hasBext(data) ? probeTag(data, ['encoded_by']) : null
    const model = probeTag(data, ['com.apple.quicktime.model', 'model', 'com.android.model']) ?? originator
    if (make || model) facts.device = { make, model, serial: null, id: null }
  }
  if (data && !truncatedWhy && !probeError && countStreams(data).audio === 0)
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: 'ffprobe found no sound in the file; it is kept as it is, but nothing can be played.',
    })
  facts.needsProxy =
    !!audio && !chromiumPlaysAudio(ctx.mime, facts.meta.container as string | null, audio.codec_name ?? null)
  setTime(facts, data, ctx, fromName)
  return facts
}
