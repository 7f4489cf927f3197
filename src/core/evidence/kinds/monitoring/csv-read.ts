/**
 * Monitoring CSV/TXT exports read with csv-parse, row by row into the table builder: from a text
 * already in memory (detection on a file's head, small files) or streamed from a file or bytes
 * (csv-job.ts, on a worker thread for a large file). Never the whole file as one string, never one
 * object per row kept. Names (headers, factors, outlets) are NFC-normalised where the builder
 * reads them; values are digits.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { parse as parseStream, type Options } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import { iconv } from '../../../util/text-codecs'
import { EvidenceError } from '../../../errors'
import { detectTextEncoding, type TextEncoding } from '../../extract/text-decode'
import { pickDelimiter } from './cems-csv'
import type { CompactTable } from './compact-table'
import { CemsTableBuilder } from './table-builder'
import { Utf8Watch } from './utf8-watch'

/** Characters of text looked at to choose the delimiter. */
const DELIMITER_SAMPLE = 64 * 1024
/** Bytes looked at to detect the encoding (GB18030 is told from Big5 by statistics). */
const ENCODING_SAMPLE = 1024 * 1024
/** A field longer than this is not monitoring data: the parser stops rather than hold it. */
const MAX_RECORD_CHARS = 1024 * 1024

function delimiterOf(head: string): CompactTable['delimiter'] {
  const lines = head.split('\n', 41).filter((l) => l.trim().length > 0)
  // the last line of a sample may be cut
  if (head.length >= DELIMITER_SAMPLE) lines.pop()
  return pickDelimiter(lines)
}

const OPTIONS: Options = {
  relax_quotes: true,
  relax_column_count: true,
  // every line comes as a record (an empty one as ['']), so lines can be counted; the builder skips blank ones
  skip_empty_lines: false,
  max_record_size: MAX_RECORD_CHARS,
}

/** Numbers records by the file line they start on: one line each, plus the line breaks inside quoted fields. */
function lineCounter(): (record: string[]) => number {
  let last = 0
  return (record) => {
    const start = last + 1
    last = start
    for (const field of record)
      for (let k = field.indexOf('\n'); k !== -1; k = field.indexOf('\n', k + 1)) last++
    return start
  }
}

/** The table in a decoded, normalised text (LF line ends); null when it is not a monitoring export. */
export function readCemsText(text: string, caseTimeZone: string): CompactTable | null {
  const delimiter = delimiterOf(text.slice(0, DELIMITER_SAMPLE))
  const builder = new CemsTableBuilder(delimiter, caseTimeZone)
  const lineOf = lineCounter()
  try {
    parseSync(text, {
      ...OPTIONS,
      delimiter,
      on_record: (record: string[]) => {
        builder.push(record, lineOf(record))
        return null
      },
    })
  } catch {
    // a malformed tail (an unclosed quote) ends the table where the parser stopped
  }
  return builder.finish()
}

export type CsvSource = { path: string } | { bytes: Uint8Array }

export interface StreamedTable {
  /** null when the bytes are not text */
  encoding: TextEncoding | null
  table: CompactTable | null
  /** why the parser stopped before the end (a malformed line), with the line; the rows before it are kept */
  problem: string | null
  /** read as UTF-8 (from its first MiB), but bytes further on are not UTF-8: where the first are */
  notUtf8After?: { line: number; byte: number } | null
}

/** What the parser is fed: UTF-8 bytes as they are (csv-parse decodes each field), other encodings decoded here. */
interface Feeder {
  /** the chunk for the parser, and its text while `sampling` (to choose the delimiter from) */
  next(chunk: Buffer, sampling: boolean): { data: Buffer | string; sample: string }
  end(): { data: Buffer | string; sample: string }
}

function feederFor(encoding: TextEncoding): Feeder {
  if (encoding === 'utf-8') {
    const sample = new StringDecoder('utf8')
    return {
      next: (chunk, sampling) => ({ data: chunk, sample: sampling ? sample.write(chunk) : '' }),
      end: () => ({ data: Buffer.alloc(0), sample: sample.end() }),
    }
  }
  const decoder = iconv().getDecoder(iconv().encodingExists(encoding) ? encoding : 'gb18030')
  const text = (t: string | undefined) => ({ data: t ?? '', sample: t ?? '' })
  return { next: (chunk) => text(decoder.write(chunk)), end: () => text(decoder.end()) }
}

/**
 * Streams a monitoring export from a file or bytes: encoding detected on its first MiB, parsed row
 * by row (UTF-8 straight from the bytes, other encodings decoded chunk by chunk). Rejects only on
 * an OS error or on abort (EvidenceError `cancelled`).
 */
export async function readCemsStream(
  source: CsvSource,
  caseTimeZone: string,
  signal?: AbortSignal,
): Promise<StreamedTable> {
  const input =
    'path' in source
      ? createReadStream(source.path, { highWaterMark: ENCODING_SAMPLE })
      : Readable.from([Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength)])
  let feeder: Feeder | null = null
  let watch: Utf8Watch | null = null
  let encoding: TextEncoding | null = null
  let builder: CemsTableBuilder | null = null
  let parser: ReturnType<typeof parseStream> | null = null
  let problem: string | null = null
  let done: Promise<void> = Promise.resolve()
  // until the delimiter is chosen: the chunks, and their text
  let held: Array<Buffer | string> = []
  let sample = ''

  const start = (): ReturnType<typeof parseStream> => {
    const delimiter = delimiterOf(sample.slice(0, DELIMITER_SAMPLE))
    const b = new CemsTableBuilder(delimiter, caseTimeZone)
    // a UTF-8 BOM is the parser's to drop (other encodings come decoded, without it)
    const p = parseStream({ ...OPTIONS, delimiter, bom: true })
    // Each record goes straight to the builder as the parser completes it, instead of through
    // the stream's buffer (or on_record, which copies the parser's state into a new object per
    // record: a fifth of the time on a million rows).
    const lineOf = lineCounter()
    const streamPush = p.push.bind(p)
    p.push = (record: unknown): boolean => {
      if (record === null) return streamPush(null)
      b.push(record as string[], lineOf(record as string[]))
      return true
    }
    done = new Promise<void>((resolve) => {
      p.on('error', (e: Error) => {
        problem = e.message
        resolve()
      })
      p.on('end', resolve)
      p.resume()
    })
    builder = b
    return p
  }
  const feed = async (piece: { data: Buffer | string; sample: string }, last: boolean): Promise<void> => {
    if (!parser) {
      held.push(piece.data)
      sample += piece.sample
      if (sample.length < DELIMITER_SAMPLE && !last) return
      parser = start()
      const all = held
      held = []
      for (const data of all) await write(parser, data)
      return
    }
    await write(parser, piece.data)
  }
  const write = async (p: ReturnType<typeof parseStream>, data: Buffer | string): Promise<void> => {
    if (problem || data.length === 0) return
    if (!p.write(data)) await new Promise<void>((r) => p.once('drain', r))
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')
      if (!feeder) {
        const detected = detectTextEncoding(chunk, true)
        if (!detected) return { encoding: null, table: null, problem: null }
        encoding = detected.encoding
        feeder = feederFor(encoding)
        if (encoding === 'utf-8') watch = new Utf8Watch()
      }
      watch?.feed(chunk)
      await feed(feeder.next(chunk, parser === null), false)
      if (problem || (builder as CemsTableBuilder | null)?.hopeless) break
    }
    if (!feeder) return { encoding: 'utf-8', table: null, problem: null }
    watch?.end()
    await feed(feeder.end(), true)
    ;(parser as ReturnType<typeof parseStream> | null)?.end()
    await done
  } finally {
    input.destroy()
  }
  return {
    encoding,
    table: (builder as CemsTableBuilder | null)?.finish() ?? null,
    problem,
    notUtf8After: (watch as Utf8Watch | null)?.problem ?? null,
  }
}
