import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { DERIVED_ROLES, type DerivedRole } from '../../shared/types'

export type MediaRole = 'original' | DerivedRole
/** The original and every derived role some kind has. */
export const MEDIA_ROLES: readonly MediaRole[] = ['original', ...DERIVED_ROLES]

/** `/media/<itemId>/<role>` (browser mode) or `evidence://media/<itemId>/<role>` (Electron) → its parts. */
export function parseMediaPath(path: string): { itemId: string; role: MediaRole } | null {
  const m = /^\/?media\/([0-9a-f-]{36})\/([a-z]+)$/.exec(path)
  if (!m || !(MEDIA_ROLES as readonly string[]).includes(m[2])) return null
  return { itemId: m[1], role: m[2] as MediaRole }
}

export interface MediaResponse {
  status: 200 | 206 | 416
  headers: Record<string, string>
  /** null for HEAD and for 416 */
  body: Readable | null
}

/**
 * A file as an HTTP response with single-range support, so a video element can seek. The file
 * is only read. A malformed or unsatisfiable Range gets 416 naming the size.
 */
export async function mediaResponse(
  path: string,
  mime: string,
  rangeHeader: string | undefined,
  head = false,
  /** serve only these bytes of the file (a stored entry inside a package ZIP, in reviewer mode) */
  slice?: { start: number; size: number },
): Promise<MediaResponse> {
  const size = slice ? slice.size : (await stat(path)).size
  const at = slice?.start ?? 0
  const read = (start: number, end: number): Readable =>
    end < start ? Readable.from([]) : createReadStream(path, { start: at + start, end: at + end })
  const base = {
    'Content-Type': mime,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  if (!rangeHeader) {
    return {
      status: 200,
      headers: { ...base, 'Content-Length': String(size) },
      body: head ? null : slice ? read(0, size - 1) : createReadStream(path),
    }
  }
  const m = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim())
  let start: number
  let end: number
  if (!m || (m[1] === '' && m[2] === '')) return unsatisfiable(base, size)
  if (m[1] === '') {
    // suffix range: the last N bytes
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start > end || start >= size) return unsatisfiable(base, size)
  return {
    status: 206,
    headers: {
      ...base,
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${size}`,
    },
    body: head ? null : read(start, end),
  }
}

function unsatisfiable(base: Record<string, string>, size: number): MediaResponse {
  return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, body: null }
}
