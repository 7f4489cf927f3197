/**
 * Monitoring CSV/TXT exports read with csv-parse, row by row into the table builder: from a text
 * already in memory (detection on a file's head, small files) or streamed from a file or bytes,
 * decoding as it goes (the worker, csv-worker.ts). Never the whole file as one string, never one
 * object per row.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { parse as parseStream, type Options } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { EvidenceError } from '../../../errors'
import { detectTextEncoding, type TextEncoding } from '../../extract/text-decode'
import { pickDelimiter } from './cems-csv'
import type { CompactTable } from './compact-table'
import { CemsTableBuilder } from './table-builder'

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

function parserOptions(builder: CemsTableBuilder, delimiter: string): Options {
  return {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record: string[], context) => {
      builder.push(record, context.lines)
      return null
    },
  }
}

/** The table in a decoded, normalised text (LF line ends); null when it is not a monitoring export. */
export function readCemsText(text: string, caseTimeZone: string): CompactTable | null {
  const delimiter = delimiterOf(text.slice(0, DELIMITER_SAMPLE))
  const builder = new CemsTableBuilder(delimiter, caseTimeZone)
  try {
    parseSync(text, parserOptions(builder, delimiter))
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
}

/**
 * Streams a monitoring export from a file or bytes: encoding detected on its first MiB, decoded
 * chunk by chunk, parsed row by row. Rejects only on an OS error or on abort (EvidenceError
 * `cancelled`).
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
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null
  let encoding: TextEncoding | null = null
  let pending = ''
  let builder: CemsTableBuilder | null = null
  let parser: ReturnType<typeof parseStream> | null = null
  let problem: string | null = null
  let done: Promise<void> = Promise.resolve()
  const feed = async (text: string, last: boolean): Promise<void> => {
    if (!parser) {
      pending += text
      if (pending.length < DELIMITER_SAMPLE && !last) return
      const delimiter = delimiterOf(pending.slice(0, DELIMITER_SAMPLE))
      const b = new CemsTableBuilder(delimiter, caseTimeZone)
      const p = parseStream(parserOptions(b, delimiter))
      builder = b
      parser = p
      done = new Promise<void>((resolve) => {
        p.on('error', (e: Error & { lines?: number }) => {
          problem = e.message
          resolve()
        })
        p.on('end', resolve)
        p.resume()
      })
      text = pending
      pending = ''
    }
    if (problem || text.length === 0) return
    // csv-parse takes CRLF, LF or CR line ends as the file has them
    if (!parser.write(text.normalize('NFC')))
      await new Promise<void>((r) => parser!.once('drain', r))
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')
      if (!decoder) {
        const detected = detectTextEncoding(chunk, true)
        if (!detected) return { encoding: null, table: null, problem: null }
        encoding = detected.encoding
        decoder = iconv.getDecoder(iconv.encodingExists(encoding) ? encoding : 'gb18030')
      }
      await feed(decoder.write(chunk), false)
      if (problem || (builder as CemsTableBuilder | null)?.hopeless) break
    }
    if (decoder) await feed(decoder.end() ?? '', true)
    if (!decoder) return { encoding: 'utf-8', table: null, problem: null }
    ;(parser as ReturnType<typeof parseStream> | null)?.end()
    await done
  } finally {
    input.destroy()
  }
  return { encoding, table: (builder as CemsTableBuilder | null)?.finish() ?? null, problem }
}
