import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseOffset, toIsoWithOffset } from '../../../../shared/time-zone'
import type {
  DerivedFrom,
  EvidenceItem,
  ImportFileResult,
  ItemWarning,
  Officer,
} from '../../../../shared/types'
import type { CaseFile, Clock } from '../../../case/case-file'
import { caseLayout, objectPath } from '../../../case/layout'
import { EvidenceError } from '../../../errors'
import { importPaths } from '../../import'
import { getItem } from '../../item-repository'
import { ffmpegPath, runTool } from '../../media-tools'

export interface DeriveRequest {
  itemId: string
  operation: 'still' | 'clip'
  /** media seconds */
  start: number
  /** media seconds; clips only */
  end?: number
}

/** "12.345" → "00-00-12.345" for file names. */
function stamp(sec: number): string {
  const h = Math.floor(sec / 3600)
  const m = Math.floor((sec % 3600) / 60)
  const s = (sec % 60).toFixed(3).padStart(6, '0')
  return `${String(h).padStart(2, '0')}-${String(m).padStart(2, '0')}-${s}`
}

/**
 * The exact ffmpeg arguments for a still frame (frame-accurate: the seek is after the input) or a
 * clip (re-encoded H.264/AAC so it starts exactly at `start`, not at the previous key frame).
 */
export function deriveCommand(req: DeriveRequest): string[] {
  const base = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-i',
    '{source}',
    '-ss',
    req.start.toFixed(3),
  ]
  if (req.operation === 'still') return [...base, '-frames:v', '1', '-q:v', '2', '-f', 'image2', '{output}']
  return [
    ...base,
    '-to',
    (req.end ?? req.start).toFixed(3),
    '-map',
    '0:v:0',
    '-map',
    '0:a?',
    '-c:v',
    'libx264',
    '-preset',
    'medium',
    '-crf',
    '18',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    '{output}',
  ]
}

/** The source's warnings about its clock, which hold for every frame cut from it. */
const TIME_WARNINGS = new Set(['offset-assumed', 'clock-mismatch', 'time-from-filesystem', 'time-from-gps'])

/**
 * The instant of the frame `startSec` into `source`: its capture time plus the offset, written
 * with the source's own UTC offset; its time warnings carried over (an assumed offset stays
 * assumed), each saying it is the source's. Null when the source has no capture time.
 */
export function frameTime(
  source: Pick<EvidenceItem, 'number' | 'capturedAt' | 'utcOffset' | 'warnings'>,
  startSec: number,
): { capturedAt: string; utcOffset: string | null; warnings: ItemWarning[] } | null {
  const ms = source.capturedAt ? Date.parse(source.capturedAt) : NaN
  if (Number.isNaN(ms)) return null
  const own = /(Z|[+-]\d{2}:?\d{2})$/.exec(source.capturedAt!)
  const offset =
    (source.utcOffset ? parseOffset(source.utcOffset) : null) ?? (own ? parseOffset(own[1]) : null) ?? 0
  return {
    capturedAt: toIsoWithOffset(ms + Math.round(startSec * 1000), offset),
    utcOffset: source.utcOffset,
    warnings: source.warnings
      .filter((w) => TIME_WARNINGS.has(w.code))
      .map((w) => ({ code: w.code, message: `${source.number}: ${w.message}` })),
  }
}

/**
 * Makes a still frame or a clip of a video item with the bundled ffmpeg and imports it as a new
 * evidence item whose record names the source hash, the exact command and the time range. The
 * original is only read.
 */
export async function deriveFromVideo(
  file: CaseFile,
  req: DeriveRequest,
  actor: Officer,
  clock: Clock,
  signal?: AbortSignal,
): Promise<ImportFileResult> {
  const item = getItem(file.db, req.itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${req.itemId} in this case.`)
  if (item.kind !== 'video') throw new EvidenceError('invalid-input', `${item.number} is not a video.`)
  const duration = item.durationSec ?? Infinity
  if (!(req.start >= 0) || req.start > duration)
    throw new EvidenceError(
      'invalid-input',
      `The start ${req.start} s lies outside ${item.number} (0–${duration} s).`,
    )
  if (
    req.operation === 'clip' &&
    !(req.end !== undefined && req.end > req.start && req.end <= duration + 0.001)
  ) {
    throw new EvidenceError(
      'invalid-input',
      `A clip needs an end after its start and within ${item.number} (0–${duration} s).`,
    )
  }
  const work = join(caseLayout(file.dir).objectsTmp, `derive-${randomBytes(6).toString('hex')}`)
  await mkdir(work, { recursive: true, mode: 0o700 })
  const name =
    req.operation === 'still'
      ? `${item.number}_still_${stamp(req.start)}.jpg`
      : `${item.number}_clip_${stamp(req.start)}_${stamp(req.end!)}.mp4`
  const out = join(work, name)
  const command = deriveCommand(req)
  try {
    const args = command.map((a) =>
      a === '{source}' ? objectPath(file.dir, item.sha256) : a === '{output}' ? out : a,
    )
    const run = await runTool(ffmpegPath(), args, { timeoutMs: 10 * 60_000, signal })
    if (run.code !== 0) {
      throw new EvidenceError('io-error', `ffmpeg could not make the ${req.operation} of ${item.number}.`, {
        detail: run.stderr.trim().slice(-2000),
      })
    }
    const record: DerivedFrom = {
      sourceId: item.id,
      sourceNumber: item.number,
      sourceSha256: item.sha256,
      operation: req.operation,
      start: req.start,
      end: req.operation === 'clip' ? req.end! : null,
      command: ['ffmpeg', ...command],
      tool: 'ffmpeg (bundled @ffmpeg-installer/ffmpeg)',
    }
    const { results } = await importPaths(file, [out], {
      actor,
      clock,
      signal,
      derivedFrom: {
        record,
        sourceLabel: `derived from ${item.number} (${item.sha256})`,
        // the frame's instant on the source's clock, not the moment ffmpeg wrote the file
        time: frameTime(item, req.start),
        device: item.device,
      },
    })
    const result = results[0]
    if (!result || result.status === 'rejected')
      throw new EvidenceError(
        'io-error',
        `The ${req.operation} of ${item.number} could not be stored: ${result?.error?.message ?? 'unknown error'}`,
      )
    return result
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
