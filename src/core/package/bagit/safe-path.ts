/**
 * Path checks for names that come from inside a bag: manifest and fetch.txt lines, ZIP entry
 * names, file names found on disk. RFC 8493 §7.1 requires that a bag never makes us touch a file
 * outside it, on POSIX or on Windows, so a name is refused when any platform would resolve it
 * outside the bag root.
 */

export type SafePathResult = { ok: true } | { ok: false; reason: string }

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i
// Characters Windows cannot store in a name; a bag using them cannot be unpacked there.
const WINDOWS_BAD_CHARS = /[<>:"|?*\u0000-\u001f]/
const SYSTEM_FILES = /^(\.ds_store|thumbs\.db|desktop\.ini|\._.*|\.spotlight-v100|\.trashes|\.fseventsd)$/i

/** Whether a bag-relative path stays inside the bag on every platform; the reason when it does not. */
export function checkSafePath(path: string): SafePathResult {
  if (path.length === 0) return { ok: false, reason: 'empty path' }
  if (path.includes('\u0000')) return { ok: false, reason: 'NUL character in path' }
  // Backslash is a separator on Windows: "..\x", "C:\x", "\\?\UNC\server\x" all escape there.
  if (path.includes('\\'))
    return { ok: false, reason: 'backslash in path (Windows separator or UNC/namespace prefix)' }
  if (path.startsWith('/')) return { ok: false, reason: 'absolute path' }
  if (/^[A-Za-z]:/.test(path)) return { ok: false, reason: 'drive letter' }
  const parts = path.split('/')
  const first = parts[0]
  // "~/x" and "~user/x" are home-directory shortcuts for shells and some libraries.
  if (first.startsWith('~')) return { ok: false, reason: 'home-directory shortcut (~)' }
  // "%HomeDrive%\x", "%USERPROFILE%/x": environment variables expanded by Windows tools.
  if (/%[A-Za-z_][A-Za-z0-9_()]*%/.test(first)) return { ok: false, reason: 'environment-variable reference' }
  for (const part of parts) {
    if (part === '..') return { ok: false, reason: 'parent-directory component (..)' }
    if (part === '.') return { ok: false, reason: 'current-directory component (.)' }
    if (part === '') return { ok: false, reason: 'empty path component' }
  }
  return { ok: true }
}

/** Why a safe path would not survive a trip through Windows, or null when it would. */
export function portabilityIssue(path: string): string | null {
  for (const part of path.split('/')) {
    if (WINDOWS_BAD_CHARS.test(part)) return `"${part}" has a character Windows cannot store`
    if (WINDOWS_RESERVED.test(part)) return `"${part}" is a reserved device name on Windows`
    if (/[ .]$/.test(part)) return `"${part}" ends with a space or dot, which Windows drops`
  }
  return null
}

/** Whether the last component is an operating-system artefact such as .DS_Store or Thumbs.db. */
export function isSystemFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return SYSTEM_FILES.test(name)
}

/** Key under which paths that differ only by Unicode normalization collide. */
export function normalizationKey(path: string): string {
  return path.normalize('NFC')
}

/** Key under which paths that differ only by case or normalization collide (as on NTFS, APFS). */
export function caseFoldKey(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
