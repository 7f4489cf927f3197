/** Which monitoring format a file's bytes are, by content, never by name: a spreadsheet, an HJ 212 log or a table text (CSV). */
import { open } from 'node:fs/promises'
import { looksLikeHj212 } from './hj212-read'

export type MonitoringFormat = 'csv' | 'xlsx' | 'xls' | 'hj212'

/** Bytes of a file's head that tell its format. */
export const FORMAT_HEAD_BYTES = 64 * 1024

/**
 * An .xlsx is a ZIP (the kind claims only a ZIP holding xl/workbook.xml); an .xls an OLE2 compound
 * file; an HJ 212 log a text of `##dddd` packet lines (give FORMAT_HEAD_BYTES of the head for it).
 */
export function monitoringFormatOf(head: Uint8Array): MonitoringFormat {
  const at = (bytes: number[]): boolean => bytes.every((x, i) => head[i] === x)
  if (at([0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (at([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'
  // the packets are ASCII: read as Latin-1, any other text around them cannot hide them
  if (looksLikeHj212(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1')))
    return 'hj212'
  return 'csv'
}

/** The first `n` bytes of a file or of bytes at hand. */
export async function headOf(
  source: { path: string } | { bytes: Uint8Array },
  n: number,
): Promise<Uint8Array> {
  if ('bytes' in source) return source.bytes.subarray(0, n)
  const fh = await open(source.path, 'r')
  try {
    const buf = Buffer.alloc(n)
    const { bytesRead } = await fh.read(buf, 0, n, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}
