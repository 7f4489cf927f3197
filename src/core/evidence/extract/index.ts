/**
 * One entry point for the import pipeline: everything Evidence Desk learns about one file.
 * Kind comes from content (detectKind); each kind has its extractor; a mislabelled or damaged
 * file is kept and described by warnings. Only an unreadable file makes this reject.
 */
import { open } from 'node:fs/promises'
import { detectKind, type DetectedKind } from '../detect-kind'
import { readThermal } from '../thermal'
import { EvidenceError } from '../../errors'
import { isValidTimeZone } from '../../../shared/time-zone'
import { emptyFacts, reason, type ExtractFacts, type ExtractResult } from './extract-result'
import { extractImage } from './image'
import { extractVideo } from './video'
import { extractTranscript, looksLikeTranscript } from './transcript'
import { extractMonitoring } from './monitoring'

export type {
  ExtractResult,
  ExtractWarning,
  GpsFix,
  DeviceInfo,
  CapturedAtSource,
  TranscriptTurn,
} from './extract-result'

export interface ExtractOptions {
  /** IANA zone of the case, for clock readings that carry no offset */
  caseTimeZone: string
  /** the original name (the stored object has none) */
  fileName: string
  /** the source file's modification time, the last-resort capture time */
  sourceMtimeMs: number
  signal?: AbortSignal
  /** case exceedance limits per pollutant id (SO2, NOx, PM, …) for monitoring files without their own */
  limits?: Record<string, number>
}

/** Thermal detection wants the JPEG header, which for R-JPEGs runs to about 1.5 MiB. */
const HEAD_BYTES = 2 * 1024 * 1024
const TAIL_BYTES = 64 * 1024
/** Text kinds are read whole; beyond this they are kept as documents without parsing. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024

async function readEnds(path: string): Promise<{ head: Buffer; tail: Buffer; size: number }> {
  const fh = await open(path, 'r')
  try {
    const size = (await fh.stat()).size
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES))
    let got = 0
    while (got < head.length) {
      const { bytesRead } = await fh.read(head, got, head.length - got, got)
      if (bytesRead === 0) break
      got += bytesRead
    }
    let tail = Buffer.alloc(0)
    if (size > head.length) {
      tail = Buffer.alloc(Math.min(TAIL_BYTES, size - head.length))
      const { bytesRead } = await fh.read(tail, 0, tail.length, size - tail.length)
      tail = tail.subarray(0, bytesRead)
    }
    return { head: head.subarray(0, got), tail, size }
  } finally {
    await fh.close()
  }
}

function mismatchWarning(d: DetectedKind, fileName: string): { code: string; message: string } {
  const ext =
    fileName
      .replace(/^.*[\\/]/, '')
      .split('.')
      .pop() ?? ''
  const expected =
    d.expectedExtensions.length > 0
      ? d.expectedExtensions
          .slice(0, 3)
          .map((e) => `.${e}`)
          .join(' or ')
      : null
  return {
    code: 'extension-mismatch',
    message: expected
      ? `The file is named .${ext} but its content is ${d.mime}; expected ${expected}. It is kept under its original name and treated by content.`
      : `The file is named .${ext} but its content is not recognised as that format (${d.mime}). It is kept as it is.`,
  }
}

/**
 * Kind, MIME, capture time (ISO with offset), GPS, device, displayed size, duration, warnings and
 * per-kind meta of the file at `path`. Bad content never rejects (warnings instead); an OS error
 * opening or reading the file is rethrown as is; an abort rejects with EvidenceError `cancelled`.
 */
export async function extractFile(path: string, opts: ExtractOptions): Promise<ExtractResult> {
  if (!isValidTimeZone(opts.caseTimeZone)) {
    throw new EvidenceError(
      'invalid-input',
      `The case time zone "${opts.caseTimeZone}" is not a known IANA zone; fix the case settings.`,
    )
  }
  const { head, tail, size } = await readEnds(path)
  const detected = detectKind(head, opts.fileName, { tail, complete: size <= head.length })
  let kind = detected.kind
  let facts: ExtractFacts
  try {
    facts = await extractByKind(path, detected, opts, head, size)
  } catch (e) {
    if (e instanceof EvidenceError && e.code === 'cancelled') throw e
    if (isOsError(e)) throw e
    // An extractor bug must not lose the evidence: keep the file, say what failed.
    facts = emptyFacts()
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: `Reading the file's metadata failed (${reason(e)}); the file is kept as it is.`,
    })
  }
  // A Word file is a transcript only when it reads like one; otherwise it is a document.
  if (
    detected.mime.endsWith('wordprocessingml.document') &&
    typeof facts.text === 'string' &&
    !looksLikeTranscript(facts.text)
  )
    kind = 'document'
  if (detected.extensionMismatch) facts.warnings.unshift(mismatchWarning(detected, opts.fileName))
  if (size === 0)
    facts.warnings.unshift({
      code: 'empty',
      message: 'The file is empty (0 bytes); there is nothing to preserve.',
    })
  return { kind, mime: detected.mime, ...facts }
}

function isOsError(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException
  return !!err && typeof err === 'object' && typeof err.code === 'string' && typeof err.syscall === 'string'
}

async function extractByKind(
  path: string,
  d: DetectedKind,
  opts: ExtractOptions,
  head: Buffer,
  size: number,
): Promise<ExtractFacts> {
  switch (d.kind) {
    case 'image':
      return extractImage(path, {
        caseTimeZone: opts.caseTimeZone,
        sourceMtimeMs: opts.sourceMtimeMs,
        mime: d.mime,
        head,
        fileSize: size,
      })
    case 'thermal': {
      const facts = await extractImage(path, {
        caseTimeZone: opts.caseTimeZone,
        sourceMtimeMs: opts.sourceMtimeMs,
        mime: d.mime,
        head,
        fileSize: size,
      })
      try {
        const reading = await readThermal(path)
        Object.assign(facts.meta, reading.meta)
        facts.warnings.push(...reading.warnings)
      } catch (e) {
        if (e instanceof EvidenceError && (e.code === 'io-error' || e.code === 'not-found'))
          throw e.cause ?? e
        facts.warnings.push({
          code: 'metadata-unreadable',
          message: `Thermal data could not be read (${reason(e)}).`,
        })
      }
      return facts
    }
    case 'video':
      return extractVideo(path, {
        caseTimeZone: opts.caseTimeZone,
        fileName: opts.fileName,
        sourceMtimeMs: opts.sourceMtimeMs,
        mime: d.mime,
        fileSize: size,
        signal: opts.signal,
      })
    case 'transcript':
      if (size > MAX_TEXT_BYTES) return tooBig(size)
      return extractTranscript(path, { isDocx: d.mime !== 'text/plain' })
    case 'monitoring':
      if (size > MAX_TEXT_BYTES) return tooBig(size)
      return extractMonitoring(path, { caseTimeZone: opts.caseTimeZone, limits: opts.limits })
    case 'document':
      if (d.mime.startsWith('text/') && size <= MAX_TEXT_BYTES) {
        // Plain text documents are indexed for search like transcripts, without turns.
        const t = await extractTranscript(path, { isDocx: false })
        return { ...emptyFacts(), warnings: t.warnings, meta: { encoding: t.meta.encoding }, text: t.text }
      }
      return emptyFacts()
    default:
      return emptyFacts()
  }
}

function tooBig(size: number): ExtractFacts {
  const f = emptyFacts()
  f.warnings.push({
    code: 'metadata-unreadable',
    message: `The text file is ${Math.round(size / 1048576)} MiB, too large to parse; it is kept without its text indexed.`,
  })
  return f
}
