/**
 * Text encoding detection for the text formats officers bring in, as an ordered list of
 * candidates with a confidence: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the NUL
 * pattern of ASCII characters), then what a detector (chardet) rates highest among the legacy
 * encodings that decode the bytes cleanly — GB18030 (Windows "ANSI" on a Chinese system, which
 * is what most CEMS exports are) before Big5, Shift_JIS, EUC-KR and the single-byte Western ones.
 *
 * Byte validity alone cannot tell Big5 from GBK (Big5 text is usually valid GBK too, decoding to
 * other characters): the detector's statistics decide, and when it is not sure the choice is
 * marked uncertain so the officer can pick another decoding (the original bytes never change).
 * UTF-8 is tried first because random bytes are almost never valid UTF-8.
 */
import { chardet, iconv } from '../../util/text-codecs'

/** An encoding name iconv-lite knows, lower case: utf-8, utf-16le, utf-16be, gb18030, big5, shift_jis, euc-kr, windows-1252, iso-8859-1, macintosh, … */
export type TextEncoding = string

export interface EncodingCandidate {
  encoding: TextEncoding
  /** 0–100: 100 for a BOM or valid UTF-8, otherwise the detector's rating */
  confidence: number
}

export interface DetectedEncoding {
  encoding: TextEncoding
  bom: boolean
  /** false when another reading of the bytes is plausible: show the decoding used, offer the others */
  certain?: boolean
  /** every decoding that reads the bytes cleanly, the chosen one first */
  candidates?: EncodingCandidate[]
}

export interface DecodedText {
  encoding: TextEncoding
  bom: boolean
  /** decoded, BOM removed, otherwise untouched */
  text: string
  certain?: boolean
  candidates?: EncodingCandidate[]
}

/** Preference among equally rated candidates: the order the users' files usually come in. */
const PREFERENCE = ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1252', 'iso-8859-1']
const CJK = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'])
/** The detector's names → iconv-lite's (GB2312/GBK text is GB18030). */
const DETECTOR_NAMES: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'iso-8859-1',
  'windows-1252': 'windows-1252',
}
/** How sure the detector must be, and by how much ahead of the next candidate, to call a choice certain. */
const CERTAIN_CONFIDENCE = 90
const CERTAIN_MARGIN = 30

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
    return { encoding: 'utf-8', bom: true, certain: true }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { encoding: 'utf-16le', bom: true, certain: true }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { encoding: 'utf-16be', bom: true, certain: true }
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) {
    return { encoding: 'gb18030', bom: true, certain: true }
  }
  const wide = utf16ByNulPattern(buf)
  if (wide) return { encoding: wide, bom: false, certain: true }
  if (buf.includes(0)) return null
  if (isValidUtf8(buf, partial)) return { encoding: 'utf-8', bom: false, certain: true }
  const candidates = legacyCandidates(buf, partial)
  if (candidates.length === 0) return null
  const [top, next] = candidates
  const certain =
    top.confidence >= CERTAIN_CONFIDENCE && (!next || top.confidence - next.confidence >= CERTAIN_MARGIN)
  return { encoding: top.encoding, bom: false, certain, candidates }
}

/** Whether `buf` reads cleanly in `encoding`: no replacement characters, almost no control characters. */
function readsCleanly(buf: Uint8Array, encoding: string, partial: boolean): boolean {
  if (encoding === 'gb18030') return isValidGb18030(buf, partial)
  let text = iconv().decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding)
  if (partial) text = text.replace(/\uFFFD+$/, '')
  return !text.includes('\uFFFD') && controlShare(text) <= 0.01
}

/** Share of bytes below 0x80: Western text in a single-byte encoding is mostly ASCII. */
function asciiShare(buf: Uint8Array): number {
  let n = 0
  for (const b of buf) if (b < 0x80) n++
  return buf.length === 0 ? 1 : n / buf.length
}

/**
 * The legacy encodings that read `buf` cleanly, best first: the detector's rating, GB18030 kept
 * ahead of any single-byte reading when it is valid (our users' files are Chinese), and a
 * single-byte Western reading only for text that is mostly ASCII.
 */
function legacyCandidates(buf: Uint8Array, partial: boolean): EncodingCandidate[] {
  const sample = buf.length > 64 * 1024 ? buf.subarray(0, 64 * 1024) : buf
  const rated = new Map<string, number>()
  for (const r of chardet().analyse(sample)) {
    const name = DETECTOR_NAMES[r.name]
    if (name && !rated.has(name)) rated.set(name, r.confidence)
  }
  const out: EncodingCandidate[] = []
  const gbValid = isValidGb18030(buf, partial)
  if (gbValid) out.push({ encoding: 'gb18030', confidence: rated.get('gb18030') ?? 0 })
  for (const [encoding, confidence] of rated) {
    if (encoding === 'gb18030') continue
    const singleByte = !CJK.has(encoding)
    if (singleByte && (gbValid || asciiShare(buf) < 0.6)) continue
    if (readsCleanly(buf, encoding, partial)) out.push({ encoding, confidence })
  }
  if (!gbValid && out.length === 0 && asciiShare(buf) >= 0.6 && readsCleanly(buf, 'windows-1252', partial))
    out.push({ encoding: 'windows-1252', confidence: 0 })
  const rank = (e: string): number => {
    const i = PREFERENCE.indexOf(e)
    return i === -1 ? PREFERENCE.length : i
  }
  return out.sort((a, b) => {
    // A valid GB18030 reading stays ahead of single-byte ones whatever their rating.
    const aSingle = !CJK.has(a.encoding)
    const bSingle = !CJK.has(b.encoding)
    if (aSingle !== bSingle) return aSingle ? 1 : -1
    return b.confidence - a.confidence || rank(a.encoding) - rank(b.encoding)
  })
}

/** Decodes with a known encoding; the BOM is dropped. Invalid bytes become U+FFFD, never an exception. */
export function decodeWith(buf: Uint8Array, enc: DetectedEncoding): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  const bomBytes: Record<string, number> = { 'utf-8': 3, 'utf-16le': 2, 'utf-16be': 2, gb18030: 4 }
  const body = b.subarray(enc.bom ? (bomBytes[enc.encoding] ?? 0) : 0)
  if (enc.encoding === 'utf-8') return body.toString('utf8')
  return iconv().decode(body, iconv().encodingExists(enc.encoding) ? enc.encoding : 'gb18030')
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
  return { ...enc, text }
}

/** The text in an encoding the officer chose (or the detected one when `encoding` is null); null when the bytes are not text in it. */
export function decodeTextAs(buf: Uint8Array, encoding: TextEncoding | null): DecodedText | null {
  if (!encoding) return decodeText(buf)
  if (!iconv().encodingExists(encoding)) return null
  const detected = detectTextEncoding(buf)
  const bom = detected?.bom === true && detected.encoding === encoding
  const text = decodeWith(buf, { encoding, bom })
  return { encoding, bom, text, certain: true, candidates: detected?.candidates }
}

/** Text as the extractors index it: NFC, LF line ends. Offsets reported elsewhere refer to this form. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}
