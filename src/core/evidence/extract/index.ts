/**
 * One entry point for the import pipeline: everything Evidence Desk learns about one file.
 * Kind comes from content (detectKind); each kind has its extractor; a mislabelled or damaged
 * file is kept and described by warnings. Only an unreadable file makes this reject.
 */
import { open } from 'node:fs/promises'
import type { EvidenceKind } from '../../../shared/types'
import { isValidTimeZone } from '../../../shared/time-zone'
import { EvidenceError } from '../../errors'
import { detectKind, extensionCheck, extensionOf } from '../detect-kind'
import type { ExtractContext } from '../kinds/kind-module'
import { kindModule, modulesInDetectionOrder } from '../kinds/registry'
import { emptyFacts, reason, type ExtractFacts, type ExtractResult } from './extract-result'
import { withProbeMemo } from './ffprobe'

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
  /**
   * The whole content of the file at `path`, when the caller already holds it (a small file the
   * import read whole, hashed and stored from this very buffer): it is not read a second time.
   */
  content?: Buffer
}

/** Thermal detection wants the JPEG header, which for R-JPEGs runs to about 1.5 MiB. */
const HEAD_BYTES = 2 * 1024 * 1024
const TAIL_BYTES = 64 * 1024

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

/** The same ends as `readEnds`, of content already in memory. */
function endsOf(content: Buffer): { head: Buffer; tail: Buffer; size: number } {
  const head = content.subarray(0, HEAD_BYTES)
  const tail =
    content.length > head.length
      ? content.subarray(Math.max(head.length, content.length - TAIL_BYTES))
      : Buffer.alloc(0)
  return { head, tail, size: content.length }
}

function mismatchWarning(
  mime: string,
  expectedExtensions: string[],
  fileName: string,
): { code: string; message: string } {
  const ext = extensionOf(fileName)
  const expected =
    expectedExtensions.length > 0
      ? expectedExtensions
          .slice(0, 3)
          .map((e) => `.${e}`)
          .join(' or ')
      : null
  return {
    code: 'extension-mismatch',
    message: expected
      ? `The file is named .${ext} but its content is ${mime}; expected ${expected}. It is kept under its original name and treated by content.`
      : `The file is named .${ext} but its content is not recognised as that format (${mime}). It is kept as it is.`,
  }
}

/**
 * Kind, MIME, capture time (ISO with offset), GPS, device, displayed size, duration, warnings and
 * per-kind meta of the file at `path`. Bad content never rejects (warnings instead); an OS error
 * opening or reading the file is rethrown as is; an abort rejects with EvidenceError `cancelled`.
 */
export function extractFile(path: string, opts: ExtractOptions): Promise<ExtractResult> {
  return withProbeMemo(path, () => extractOnce(path, opts))
}

async function extractOnce(path: string, opts: ExtractOptions): Promise<ExtractResult> {
  if (!isValidTimeZone(opts.caseTimeZone)) {
    throw new EvidenceError(
      'invalid-input',
      `The case time zone "${opts.caseTimeZone}" is not a known IANA zone; fix the case settings.`,
    )
  }
  const { head, tail, size } = opts.content ? endsOf(opts.content) : await readEnds(path)
  const detected = detectKind(head, opts.fileName, { tail, complete: size <= head.length })
  let kind: EvidenceKind = detected.kind
  let fit = detected
  const ctx: ExtractContext = {
    path,
    fileName: opts.fileName,
    caseTimeZone: opts.caseTimeZone,
    sourceMtimeMs: opts.sourceMtimeMs,
    mime: detected.mime,
    head,
    size,
    signal: opts.signal,
    limits: opts.limits,
  }
  // A kind may take a file back from the one that claimed it, on a slower look (ffprobe streams).
  for (const mod of modulesInDetectionOrder()) {
    if (!mod.reclaims?.from.includes(kind)) continue
    const mime = await mod.reclaims.check(ctx).catch((e: unknown) => {
      if (e instanceof EvidenceError && e.code === 'cancelled') throw e
      return null
    })
    if (mime) {
      kind = mod.kind
      ctx.mime = mime
      fit = { kind, mime, ...extensionCheck(mime, opts.fileName, size > 0) }
      break
    }
  }
  const mod = kindModule(kind)
  let facts: ExtractFacts
  try {
    facts = await mod.extract(ctx)
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
  if (mod.settle) kind = mod.settle(facts, ctx)
  if (fit.extensionMismatch)
    facts.warnings.unshift(mismatchWarning(ctx.mime, fit.expectedExtensions, opts.fileName))
  if (size === 0)
    facts.warnings.unshift({
      code: 'empty',
      message: 'The file is empty (0 bytes); there is nothing to preserve.',
    })
  return { kind, mime: ctx.mime, ...facts }
}

function isOsError(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException
  return !!err && typeof err === 'object' && typeof err.code === 'string' && typeof err.syscall === 'string'
}
