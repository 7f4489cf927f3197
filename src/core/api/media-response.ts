import { constants } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { dirname, sep } from 'node:path'
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

/** A file as it was when it was checked: another file put at its path later is not it. */
export interface FileIdentity {
  dev: number
  ino: number
  size: number
}

/** What a served file must still be (issue 11, item 12). */
export interface MediaGuard {
  /** the folder it must lie in once links are resolved (the case's objects/ or derived/ folder) */
  root?: string
  /** the file that was verified (a bag folder's original, a package ZIP) */
  identity?: FileIdentity
}

export interface MediaResponse {
  /** 403: the file is a link, not a regular file, out of its folder, or not the verified one */
  status: 200 | 206 | 403 | 416
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
  guard: MediaGuard = {},
): Promise<MediaResponse> {
  const opened = await openServed(path, guard)
  if (typeof opened === 'string')
    return {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      body: head ? null : Readable.from([`Refused: ${opened}.`]),
    }
  const { fh, fileSize } = opened
  const size = slice ? slice.size : fileSize
  const at = slice?.start ?? 0
  // every body reads the handle opened and checked above, never the path again
  const read = (start: number, end: number): Readable => {
    if (end < start) {
      void fh.close()
      return Readable.from([])
    }
    return fh.createReadStream({ start: at + start, end: at + end, autoClose: true })
  }
  const done = (r: MediaResponse): MediaResponse => {
    if (!r.body) void fh.close()
    return r
  }
  const base = {
    'Content-Type': mime,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  if (!rangeHeader) {
    return done({
      status: 200,
      headers: { ...base, 'Content-Length': String(size) },
      body: head ? null : read(0, size - 1),
    })
  }
  const m = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim())
  let start: number
  let end: number
  if (!m || (m[1] === '' && m[2] === '')) return done(unsatisfiable(base, size))
  if (m[1] === '') {
    // suffix range: the last N bytes
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start > end || start >= size) return done(unsatisfiable(base, size))
  return done({
    status: 206,
    headers: {
      ...base,
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${size}`,
    },
    body: head ? null : read(start, end),
  })
}

function unsatisfiable(base: Record<string, string>, size: number): MediaResponse {
  return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, body: null }
}

function within(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * Opens a file to serve without following a link at its end (O_NOFOLLOW), without blocking on
 * a FIFO, as a regular file only; with `root`, its folder must resolve inside it; with
 * `identity`, it must be the very file that was verified (device, inode, size). Returns why not.
 */
async function openServed(
  path: string,
  guard: MediaGuard,
): Promise<{ fh: FileHandle; fileSize: number } | string> {
  if (guard.root) {
    let folder: string
    let root: string
    try {
      ;[folder, root] = await Promise.all([realpath(dirname(path)), realpath(guard.root)])
    } catch {
      return 'the file is not there'
    }
    if (!within(folder, root)) return "the file's folder is a link that leads out of the case"
  }
  let fh: FileHandle
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ELOOP' ? 'the file is a symbolic link, not served' : 'the file cannot be opened'
  }
  const st = await fh.stat()
  const id = guard.identity
  const why = !st.isFile()
    ? 'not a regular file'
    : id && (st.dev !== id.dev || st.ino !== id.ino || st.size !== id.size)
      ? 'the file is no longer the one that was verified (it was replaced after verification)'
      : null
  if (why) {
    await fh.close()
    return why
  }
  return { fh, fileSize: st.size }
}
