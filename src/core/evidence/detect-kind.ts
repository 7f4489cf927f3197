/**
 * What a file is, from its bytes: magic numbers and structure, never the extension. The common
 * sniffer names the format (a MIME type); then the kinds, in the registry's detection order,
 * claim it by content. The extension is only compared afterwards, so a mislabelled file is kept
 * and flagged.
 */
import type { EvidenceKind } from '../../shared/types'
import { DOCX_MIME } from './extract/office-formats'
import { decodeText, normaliseText } from './extract/text-decode'
import type { Sniffed } from './kinds/kind-module'
import { kindFormats, modulesInDetectionOrder } from './kinds/registry'

export interface DetectedKind {
  kind: EvidenceKind
  mime: string
  extensionMismatch: boolean
  /** extensions that fit the content, the usual one first; empty when the content is not recognised */
  expectedExtensions: string[]
}

export interface DetectOptions {
  /** the last bytes of the file (64 KiB is plenty), for a ZIP's central directory */
  tail?: Buffer
  /** true when `head` is the whole file (so a cut last character is real damage) */
  complete?: boolean
}

/** Extensions that fit each MIME type, the usual one first. */
const EXTENSIONS: Record<string, string[]> = {
  'video/mp4': ['mp4', 'm4v', 'mov', '3gp'],
  'video/quicktime': ['mov', 'qt', 'mp4'],
  'video/3gpp': ['3gp', 'mp4'],
  'video/3gpp2': ['3g2', 'mp4'],
  'video/x-msvideo': ['avi'],
  'video/x-matroska': ['mkv'],
  'video/webm': ['webm'],
  'video/mp2t': ['ts', 'mts', 'm2ts', 'm2t', 'tp', 'trp'],
  'video/mpeg': ['mpg', 'mpeg', 'vob', 'mpe'],
  'video/x-flv': ['flv'],
  'video/x-ms-asf': ['wmv', 'asf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff', 'dng', 'nef', 'cr2', 'arw', 'pef', 'srw'],
  'image/heic': ['heic', 'heif', 'hif'],
  'image/heif': ['heif', 'heic', 'hif'],
  'image/heic-sequence': ['heics', 'heic', 'heif'],
  'image/avif': ['avif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/bmp': ['bmp', 'dib'],
  'image/x-canon-cr3': ['cr3'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx', 'docm'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx', 'xlsm'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc', 'dot', 'wps'],
  'application/vnd.ms-excel': ['xls', 'et'],
  'application/vnd.ms-powerpoint': ['ppt', 'dps'],
  'application/x-ole-storage': ['doc', 'xls', 'ppt', 'wps', 'et', 'dps', 'msg'],
  'application/rtf': ['rtf', 'doc'],
  'application/zip': ['zip'],
  'application/vnd.rar': ['rar'],
  'application/x-7z-compressed': ['7z'],
  'application/gzip': ['gz', 'tgz'],
  'audio/mpeg': ['mp3'],
  'audio/wav': ['wav'],
  'audio/amr': ['amr'],
  'audio/mp4': ['m4a', 'mp4', 'aac'],
  'audio/flac': ['flac'],
  'application/ogg': ['ogg', 'oga', 'ogv', 'opus'],
  'text/plain': ['txt', 'text', 'log', 'md', 'csv', 'tsv', 'json', 'xml'],
  'text/csv': ['csv', 'txt', 'tsv'],
  'text/html': ['html', 'htm'],
  'application/xml': ['xml'],
  'application/json': ['json'],
}

/** The common table with what each kind adds (lazily: the registry imports kinds that import this module). */
let allExtensions: { byMime: Record<string, readonly string[]>; known: Set<string> } | null = null
function extensions(): { byMime: Record<string, readonly string[]>; known: Set<string> } {
  if (!allExtensions) {
    const byMime: Record<string, readonly string[]> = { ...EXTENSIONS, ...kindFormats() }
    // Every extension that names some format: only these can be "wrong" for the content.
    allExtensions = { byMime, known: new Set(Object.values(byMime).flat()) }
  }
  return allExtensions
}

const ascii = (b: Buffer, from: number, to: number): string =>
  b.length >= to ? b.toString('latin1', from, to) : ''
const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x)

/** ISO base media (MP4/MOV/3GP/HEIF/AVIF) by its ftyp brands; old QuickTime files start with moov/mdat instead. */
function isoBmff(b: Buffer): string | null {
  if (ascii(b, 4, 8) === 'ftyp') {
    const size = b.readUInt32BE(0)
    const major = ascii(b, 8, 12)
    const brands = [major]
    for (let o = 16; o + 4 <= Math.min(size, b.length, 256); o += 4) brands.push(ascii(b, o, o + 4))
    if (['heic', 'heix', 'heim', 'heis'].includes(major)) return 'image/heic'
    if (['hevc', 'hevx'].includes(major)) return 'image/heic-sequence'
    if (['avif', 'avis'].includes(major)) return 'image/avif'
    if (['mif1', 'msf1'].includes(major)) {
      if (brands.includes('avif') || brands.includes('avis')) return 'image/avif'
      if (brands.some((x) => x.startsWith('hei') || x.startsWith('hev'))) return 'image/heic'
      return 'image/heif'
    }
    if (major === 'crx ') return 'image/x-canon-cr3'
    if (['M4A ', 'M4B ', 'M4P ', 'F4A '].includes(major)) return 'audio/mp4'
    if (major === 'qt  ') return 'video/quicktime'
    if (major.startsWith('3g2')) return 'video/3gpp2'
    if (major.startsWith('3gp') || major.startsWith('3ge') || major.startsWith('3gg')) return 'video/3gpp'
    return 'video/mp4'
  }
  const t = ascii(b, 4, 8)
  if (
    ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(t) &&
    b.length >= 8 &&
    (b.readUInt32BE(0) >= 8 || b.readUInt32BE(0) <= 1)
  ) {
    return 'video/quicktime'
  }
  return null
}

/** MPEG transport stream: 0x47 sync bytes every 188 bytes (192 with the M2TS time code prefix). */
function isTransportStream(b: Buffer): boolean {
  for (const [start, step] of [
    [0, 188],
    [4, 192],
  ] as const) {
    const needed = Math.min(5, Math.floor((b.length - start) / step))
    if (needed < 3) continue
    let ok = true
    for (let i = 0; i < needed; i++) if (b[start + i * step] !== 0x47) ok = false
    if (ok) return true
  }
  return false
}

/** Entry names of a ZIP, from the local headers in the head and the central directory in the tail. */
export function zipEntryNames(head: Buffer, tail?: Buffer): string[] {
  const names = new Set<string>()
  const scan = (b: Buffer, sig: number, nameLenAt: number, nameAt: number): void => {
    let i = b.indexOf('PK', 0, 'latin1')
    while (i !== -1 && names.size < 10_000) {
      if (i + nameAt <= b.length && b.readUInt32LE(i) === sig) {
        const len = b.readUInt16LE(i + nameLenAt)
        if (len > 0 && len < 1024 && i + nameAt + len <= b.length)
          names.add(b.toString('utf8', i + nameAt, i + nameAt + len))
      }
      i = b.indexOf('PK', i + 2, 'latin1')
    }
  }
  scan(head, 0x04034b50, 26, 30)
  scan(head, 0x02014b50, 28, 46)
  if (tail) scan(tail, 0x02014b50, 28, 46)
  return [...names]
}

function zipMime(head: Buffer, tail?: Buffer): string {
  const names = zipEntryNames(head, tail)
  // ODF stores its type as the first, uncompressed entry "mimetype".
  const odf = /^PK\x03\x04[\s\S]{26}mimetype(application\/vnd\.oasis\.opendocument\.[a-z]+)/.exec(
    head.toString('latin1', 0, 200),
  )
  if (names.includes('word/document.xml')) return DOCX_MIME
  if (names.includes('xl/workbook.xml'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (names.includes('ppt/presentation.xml'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  if (odf && EXTENSIONS[odf[1]]) return odf[1]
  return 'application/zip'
}

/** OLE compound file: the root directory names its streams (UTF-16LE) early in the file for Office documents. */
function oleMime(b: Buffer): string {
  const has = (s: string): boolean => b.includes(Buffer.from(s, 'utf16le'))
  if (has('WordDocument')) return 'application/msword'
  if (has('Workbook') || has('Book')) return 'application/vnd.ms-excel'
  if (has('PowerPoint Document')) return 'application/vnd.ms-powerpoint'
  return 'application/x-ole-storage'
}

function byMagic(b: Buffer, opts: DetectOptions): string | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif'
  const tiff = ascii(b, 0, 4)
  if (tiff === 'II*\0' || tiff === 'MM\0*' || tiff === 'II+\0' || tiff === 'MM\0+') return 'image/tiff'
  if (
    ascii(b, 0, 2) === 'BM' &&
    b.length >= 18 &&
    [12, 40, 52, 56, 64, 108, 124].includes(b.readUInt32LE(14))
  ) {
    return 'image/bmp'
  }
  if (ascii(b, 0, 4) === 'RIFF') {
    const form = ascii(b, 8, 12)
    if (form === 'WEBP') return 'image/webp'
    if (form === 'AVI ' || form === 'AVIX') return 'video/x-msvideo'
    if (form === 'WAVE') return 'audio/wav'
  }
  const iso = isoBmff(b)
  if (iso) return iso
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) {
    return b.subarray(0, 64).includes('webm', 0, 'latin1') ? 'video/webm' : 'video/x-matroska'
  }
  if (isTransportStream(b)) return 'video/mp2t'
  if (startsWith(b, [0x00, 0x00, 0x01, 0xba])) return 'video/mpeg'
  if (ascii(b, 0, 3) === 'FLV' && b[3] === 1) return 'video/x-flv'
  if (startsWith(b, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'video/x-ms-asf'
  if (b.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'application/pdf'
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleMime(b)
  if (ascii(b, 0, 4) === 'PK\x03\x04' || ascii(b, 0, 4) === 'PK\x05\x06') return zipMime(b, opts.tail)
  if (ascii(b, 0, 5) === '{\\rtf') return 'application/rtf'
  if (ascii(b, 0, 6) === 'Rar!\x1a\x07') return 'application/vnd.rar'
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed'
  if (startsWith(b, [0x1f, 0x8b])) return 'application/gzip'
  if (
    ascii(b, 0, 3) === 'ID3' ||
    (b.length > 2 && b[0] === 0xff && (b[1] & 0xe6) === 0xe2 && (b[2] & 0xf0) !== 0xf0)
  ) {
    return 'audio/mpeg'
  }
  if (ascii(b, 0, 5) === '#!AMR') return 'audio/amr'
  if (ascii(b, 0, 4) === 'fLaC') return 'audio/flac'
  if (ascii(b, 0, 4) === 'OggS') return 'application/ogg'
  return null
}

/**
 * HTML, including XHTML: an XML declaration, comments and processing instructions may come
 * before the `<!DOCTYPE html …>` or the `<html` root (XHTML 1.0 §3.1.1, HTML §13.1).
 */
export function looksLikeHtml(text: string): boolean {
  let start = text.slice(0, 4096).trimStart()
  for (let i = 0; i < 20; i++) {
    const lead = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/.exec(start)
    if (!lead) break
    start = start.slice(lead[0].length)
  }
  const head = start.slice(0, 200).toLowerCase()
  return /^<!doctype\s+html[\s>]/.test(head) || /^<html[\s>]/.test(head)
}

/** A text head: HTML is told apart here; which kind of text (transcript, CEMS, JSON, …) the kinds decide. */
function byText(b: Buffer, opts: DetectOptions): { mime: string; text: string } | null {
  const dec = decodeText(b, !opts.complete)
  if (!dec) return null
  const text = normaliseText(dec.text)
  if (looksLikeHtml(text)) return { mime: 'text/html', text }
  return { mime: 'text/plain', text }
}

/** The format of a file's first bytes, and its text when it is text. Never throws. */
export function sniffFormat(head: Buffer, opts: DetectOptions = {}): Sniffed {
  if (head.length === 0) return { mime: 'application/x-empty', head, text: null }
  const magic = byMagic(head, opts)
  if (magic) return { mime: magic, head, text: null }
  const text = byText(head, opts)
  if (text) return { mime: text.mime, head, text: text.text }
  return { mime: 'application/octet-stream', head, text: null }
}

/** The lower-case extension without the dot, or '' when the name has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/**
 * Kind and MIME type from the first bytes of a file (pass up to 2 MiB, which thermal detection
 * wants), and whether the name's extension fits. The first kind in detection order that claims
 * the sniffed format wins ('other' takes anything). Never throws.
 */
export function detectKind(head: Buffer, fileName: string, opts: DetectOptions = {}): DetectedKind {
  const sniffed = sniffFormat(head, opts)
  let found: { kind: EvidenceKind; mime: string } = { kind: 'other', mime: sniffed.mime }
  for (const mod of modulesInDetectionOrder()) {
    const claim = mod.claims(sniffed)
    if (claim) {
      found = { kind: mod.kind, mime: claim === true ? sniffed.mime : claim.mime }
      break
    }
  }
  return { ...found, ...extensionCheck(found.mime, fileName, head.length > 0) }
}

/** Extensions that fit a MIME type, and whether the name's extension is one that names another format. */
export function extensionCheck(
  mime: string,
  fileName: string,
  hasContent = true,
): { extensionMismatch: boolean; expectedExtensions: string[] } {
  const { byMime, known } = extensions()
  const expectedExtensions = [...(byMime[mime] ?? [])]
  const ext = extensionOf(fileName)
  // Only an extension that names another format is a mismatch; unknown or missing ones are not.
  const extensionMismatch = hasContent && ext !== '' && known.has(ext) && !expectedExtensions.includes(ext)
  return { extensionMismatch, expectedExtensions }
}
