import { constants, type Stats } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { extname, isAbsolute, posix, relative, resolve, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export type StaticLookup =
  | { ok: true; file: FileHandle; stat: Stats; path: string }
  | { ok: false; status: 400 | 403 | 404; reason: string }

/**
 * Turns the path part of a request URL into path segments under the served folder, or says why not.
 * The path is decoded exactly once, so "%252e%252e" stays the harmless literal "%2e%2e".
 */
export function safeSegments(
  rawPath: string,
): { ok: true; segments: string[] } | { ok: false; status: 400 | 403; reason: string } {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400, reason: 'not an origin-form path' }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' }
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' }
  // A backslash is a separator on Windows: "..\\" would climb out there.
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash in path' }
  if (decoded === '/') return { ok: true, segments: ['index.html'] }
  const rel = decoded.slice(1)
  // "//etc/passwd" or "/C:/…" would be absolute once the leading slash is gone.
  if (rel.startsWith('/') || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel))
    return { ok: false, status: 400, reason: 'absolute path' }
  const segments = rel.split('/')
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'parent segment' }
  const normal = posix.normalize(rel)
  if (normal !== rel || normal.startsWith('..') || posix.isAbsolute(normal))
    return { ok: false, status: 400, reason: 'path is not in normal form' }
  // Empty (a//b), dot and hidden segments, and drive-like colons have no place in a built renderer.
  if (segments.some((s) => s === '' || s.startsWith('.') || s.includes(':')))
    return { ok: false, status: 400, reason: 'unexpected segment' }
  return { ok: true, segments }
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel)
}

/**
 * Opens the file a request names inside `rootReal` (which must already be a realpath). Symlinks are
 * resolved and the target must still lie inside the folder; only regular files are served.
 */
export async function openStatic(rootReal: string, rawPath: string): Promise<StaticLookup> {
  const seg = safeSegments(rawPath)
  if (!seg.ok) return seg
  const candidate = resolve(rootReal, ...seg.segments)
  if (!inside(rootReal, candidate)) return { ok: false, status: 403, reason: 'outside the served folder' }
  let real: string
  try {
    real = await realpath(candidate)
  } catch {
    return { ok: false, status: 404, reason: 'not found' }
  }
  if (!inside(rootReal, real))
    return { ok: false, status: 403, reason: 'symlink leads outside the served folder' }
  let file: FileHandle
  try {
    // O_NOFOLLOW: the path was just resolved, so a symlink here now means it was swapped in meanwhile.
    // O_NONBLOCK: a FIFO must not hang the request (it is then refused as "not a file").
    file = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch {
    return { ok: false, status: 404, reason: 'not found' }
  }
  const stat = await file.stat()
  if (!stat.isFile()) {
    await file.close()
    return { ok: false, status: 404, reason: 'not a file' }
  }
  return { ok: true, file, stat, path: real }
}
