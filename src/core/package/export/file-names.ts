import { UNSAFE_NAME_CHARACTERS } from '../../../shared/printable-text'
import { calendarDate } from '../bagit/writer-format'

/** Longest name part we keep, in UTF-8 bytes: most file systems allow 255 for the whole name. */
const MAX_NAME_BYTES = 180

/**
 * A name that is safe as one path component on Linux, macOS and Windows: separators, characters
 * Windows cannot store and control characters become "_", trailing dots and spaces go, and it is
 * cut (at a character boundary, keeping the extension) to fit. Line breaks, other controls and
 * bidirectional overrides (which disguise a name) become "_" too. Chinese and other letters stay.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  let s = name
    .normalize('NFC')
    .replace(/[/\\<>:"|?*]/g, '_')
    .replace(UNSAFE_NAME_CHARACTERS, '_')
    .replace(/[ .]+$/, '')
    .trim()
  if (s === '' || s === '.' || s === '..') s = fallback
  if (Buffer.byteLength(s, 'utf8') > MAX_NAME_BYTES) {
    const dot = s.lastIndexOf('.')
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : ''
    let stem = [...s.slice(0, s.length - ext.length)]
    while (Buffer.byteLength(stem.join('') + ext, 'utf8') > MAX_NAME_BYTES) stem = stem.slice(0, -1)
    s = stem.join('').replace(/[ .]+$/, '') + ext
  }
  return s
}

/** "E001_<original name>", the original's name made path-safe (docs/custody-package.md). */
export function evidenceFileName(number: string, originalName: string): string {
  return `${number}_${safeFileName(originalName)}`
}

/** "<case number>_<YYYYMMDD>", the export date in the case's time zone, unsafe characters as "_". */
export function packageRootName(caseNumber: string, at: Date, timeZone: string): string {
  return `${safeFileName(caseNumber, 'case')}_${calendarDate(at, timeZone).replaceAll('-', '')}`
}
