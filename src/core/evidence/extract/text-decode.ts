/**
 * Text encoding detection for the text formats officers bring in: UTF-8 (with or without BOM),
 * UTF-16 LE/BE (BOM, or the NUL pattern of ASCII characters) and GB18030 (Windows "ANSI" on a
 * Chinese system, which is what most CEMS exports and older Word-to-text files are).
 *
 * Order matters: UTF-8 is tried before GB18030 because nearly any high-byte sequence is valid
 * GB18030, while random bytes are almost never valid UTF-8.
 */
import iconv from 'iconv-lite'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DetectedEncoding {
  encoding: TextEncoding
  bom: boolean
}

export interface DecodedText {
  encoding: TextEncoding
  bom: boolean
  /** decoded, BOM removed, otherwise untouched */
  text: string
}

/**
 * True when `buf` is valid UTF-8. With `allowCutEnd`, an incomplete sequence in the last three
 * bytes is accepted (the buffer may be the head of a longer file).
 */
export function isValidUtf8(buf: Uint8Array, allowCutEnd = false): boolean {
  let i = 0
  const n = buf.length
  while (i < n) {
    const b = buf[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return false
    if (i + need >= n) {
      // The sequence runs past the end of the buffer.
      if (!allowCutEnd) return false
      for (let k = i + 1; k < n; k++) if ((buf[k] & 0xc0) !== 0x80) return false
      return true
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k]
      if ((c & 0xc0) !== 0x80) return false
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false
    i += need + 1
  }
  return true
}

/**
 * True when `buf` is structurally valid GB18030 (1-, 2- and 4-byte forms, GB 18030-2005 §5).
 * With `allowCutEnd`, a sequence cut by the end of the buffer is accepted.
 */
export function isValidGb18030(buf: Uint8Array, allowCutEnd = false): boolean {
  let i = 0
  const n = buf.length
  while (i < n) {
    const b = buf[i]
    if (b < 0x80) {
      i++
      continue
    }
    if (b === 0x80 || b === 0xff) return false
    if (i + 1 >= n) return allowCutEnd
    const b2 = buf[i + 1]
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2
      continue
    }
    if (b2 >= 0x30 && b2 <= 0x39) {
      if (i + 3 >= n) return allowCutEnd && (i + 2 >= n || (buf[i + 2] >= 0x81 && buf[i + 2] <= 0xfe))
      const b3 = buf[i + 2]
      const b4 = buf[i + 3]
      if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return false
      i += 4
      continue
    }
    return false
  }
  return true
}

/** Share of C0 control characters other than tab, LF, CR, FF and ESC: text has almost none. */
function controlShare(text: string): number {
  if (text.length === 0) return 0
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) bad++
    if (c === 0xfffd) bad++
  }
  return bad / text.length
}

/** UTF-16 without a BOM: ASCII characters (digits, punctuation, line ends) put NULs on one parity. */
function utf16ByNulPattern(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 64 * 1024) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 0) continue
    if (i % 2 === 0) even++
    else odd++
  }
  const pairs = n / 2
  const total = even + odd
  if (total < Math.max(2, pairs * 0.05)) return null
  if (odd >= total * 0.9) return 'utf-16le'
  if (even >= total * 0.9) return 'utf-16be'
  return null
}

/**
 * The encoding of a text buffer, or null when it is not text (binary bytes, control characters).
 * `partial` says the buffer is only the head of a file, so a cut last character is forgiven.
 */
export function detectTextEncoding(buf: Uint8Array, partial = false): DetectedEncoding | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { encoding: 'utf-8', bom: true }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) {
    return { encoding: 'gb18030', bom: true }
  }
  const wide = utf16ByNulPattern(buf)
  if (wide) return { encoding: wide, bom: false }
  if (buf.includes(0)) return null
  if (isValidUtf8(buf, partial)) return { encoding: 'utf-8', bom: false }
  if (isValidGb18030(buf, partial)) return { encoding: 'gb18030', bom: false }
  return null
}

/** Decodes with a known encoding; the BOM is dropped. Invalid bytes become U+FFFD, never an exception. */
export function decodeWith(buf: Uint8Array, enc: DetectedEncoding): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  switch (enc.encoding) {
    case 'utf-8':
      return b.toString('utf8', enc.bom ? 3 : 0)
    case 'utf-16le':
      return iconv.decode(b.subarray(enc.bom ? 2 : 0), 'utf-16le')
    case 'utf-16be':
      return iconv.decode(b.subarray(enc.bom ? 2 : 0), 'utf-16be')
    case 'gb18030':
      return iconv.decode(b.subarray(enc.bom ? 4 : 0), 'gb18030')
  }
}

/**
 * Detects the encoding and decodes; null when the bytes are not text (binary content, or more
 * than 1 % control characters after decoding). `partial`: the buffer is the head of a longer file.
 */
export function decodeText(buf: Uint8Array, partial = false): DecodedText | null {
  const enc = detectTextEncoding(buf, partial)
  if (!enc) return null
  let text = decodeWith(buf, enc)
  // A head cut mid-character decodes to a trailing U+FFFD; that is the cut, not bad content.
  if (partial) text = text.replace(/\uFFFD+$/, '')
  if (controlShare(text) > 0.01) return null
  return { encoding: enc.encoding, bom: enc.bom, text }
}

/** Text as the extractors index it: NFC, LF line ends. Offsets reported elsewhere refer to this form. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}
