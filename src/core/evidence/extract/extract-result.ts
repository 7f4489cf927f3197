/** What the import pipeline learns about one file, and small helpers the extractors share. */
import type { CapturedAtSource, EvidenceKind } from '../../../shared/types'
import { toIsoWithOffset, zoneOffsetMinutes, formatOffset } from '../../../shared/time-zone'

export type { CapturedAtSource }

export interface ExtractWarning {
  /** stable code the UI translates: truncated, extension-mismatch, metadata-unreadable, offset-assumed, clock-mismatch, time-from-filesystem, … */
  code: string
  /** English; names what is wrong and what was done about it */
  message: string
}

export interface GpsFix {
  /** WGS-84 decimal degrees, south and west negative */
  lat: number
  lon: number
  /** metres above sea level, negative below; null when the file gives none */
  alt: number | null
}

export interface DeviceInfo {
  make: string | null
  model: string | null
  serial: string | null
  /** an id that is not a serial: the recorder id from a body-cam file name */
  id: string | null
}

export interface TranscriptTurn {
  /** the question as written, continuation lines included (marker removed, end trimmed) */
  q: string
  a: string
  /** offset in the normalised text of the first character of `q`; null when the turn has no question */
  qStart: number | null
  /** offset of the first character of `a`; null when the question got no answer */
  aStart: number | null
}

export interface ExtractResult {
  kind: EvidenceKind
  mime: string
  /** ISO 8601 WITH offset, e.g. 2021-05-24T04:03:12+08:00 */
  capturedAt: string | null
  capturedAtSource: CapturedAtSource | null
  /** "+08:00" */
  utcOffset: string | null
  gps: GpsFix | null
  device: DeviceInfo | null
  /** as displayed (EXIF orientation / video rotation applied) */
  width: number | null
  height: number | null
  durationSec: number | null
  warnings: ExtractWarning[]
  meta: Record<string, unknown>
  /** full text for the search index (transcripts, docx, text documents) */
  text?: string
  needsProxy?: boolean
  /** transcripts: the 问/答 turns, offsets into `text` */
  turns?: TranscriptTurn[]
}

/** The per-kind part an extractor returns; index.ts adds kind and mime. */
export type ExtractFacts = Omit<ExtractResult, 'kind' | 'mime'>

export function emptyFacts(): ExtractFacts {
  return {
    capturedAt: null,
    capturedAtSource: null,
    utcOffset: null,
    gps: null,
    device: null,
    width: null,
    height: null,
    durationSec: null,
    warnings: [],
    meta: {},
  }
}

/** A captured-at triple for an instant written at a given offset. */
export function capturedAt(
  ms: number,
  offsetMinutes: number,
  source: CapturedAtSource,
): Pick<ExtractFacts, 'capturedAt' | 'capturedAtSource' | 'utcOffset'> {
  return {
    capturedAt: toIsoWithOffset(ms, offsetMinutes),
    capturedAtSource: source,
    utcOffset: formatOffset(offsetMinutes),
  }
}

/** The file's modification time as the last-resort capture time, written in the case zone, with its warning. */
export function filesystemTime(
  mtimeMs: number,
  caseTimeZone: string,
  why: string,
): Pick<ExtractFacts, 'capturedAt' | 'capturedAtSource' | 'utcOffset'> & { warning: ExtractWarning } {
  const off = zoneOffsetMinutes(caseTimeZone, mtimeMs)
  return {
    ...capturedAt(mtimeMs, off, 'filesystem'),
    warning: {
      code: 'time-from-filesystem',
      message: `${why}; the capture time is the source file's modification time (${toIsoWithOffset(mtimeMs, off)}), which copying may have changed.`,
    },
  }
}

/** A short, single-line reason from any thrown value, for warning messages. */
export function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.split('\n')[0].slice(0, 200)
}

/** A finite number from a number or a numeric string such as "+32.50"; null otherwise. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string') {
    const t = v.trim()
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null
    const n = Number(t)
    return Number.isFinite(n) ? n : null
  }
  return null
}

/** A trimmed string without NUL padding, or null when empty or not a string. */
export function cleanString(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const t = v.replace(/\0[\s\S]*$/, '').trim()
  return t.length > 0 ? t : null
}

/** Text kinds are read whole; beyond this they are kept without their text parsed. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024

/** Facts for a text file too large to parse: kept, with a warning saying so. */
export function tooBigToParse(size: number): ExtractFacts {
  const f = emptyFacts()
  f.warnings.push({
    code: 'metadata-unreadable',
    message: `The text file is ${Math.round(size / 1048576)} MiB, too large to parse; it is kept without its text indexed.`,
  })
  return f
}
