import type { BagProblem } from './types'

/**
 * Text tag files (RFC 8493 §2.4): bagit.txt is always UTF-8 without a BOM; every other tag file
 * uses the encoding bagit.txt declares. Lines end with LF, CR or CRLF.
 */

export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string }

const LATIN1_NAMES = new Set([
  'ISO-8859-1',
  'ISO8859-1',
  'ISO_8859-1',
  'LATIN1',
  'LATIN-1',
  'L1',
  'US-ASCII',
  'ASCII',
  'CP819',
  'IBM819',
])

const ASCII_NAMES = new Set(['US-ASCII', 'ASCII'])

/** Whether we can decode tag files declared with this Tag-File-Character-Encoding. */
export function isSupportedEncoding(encoding: string): boolean {
  const name = encoding.trim().toUpperCase()
  if (name === 'UTF-8' || name === 'UTF8' || name.startsWith('UTF-16') || LATIN1_NAMES.has(name)) return true
  try {
    new TextDecoder(encoding.trim())
    return true
  } catch {
    return false
  }
}

/** Decodes tag-file bytes per the declared encoding; a UTF-8 or UTF-16 BOM is removed and reported, invalid bytes are an error. */
export function decodeTagText(buf: Buffer, encoding: string): DecodeResult {
  const name = encoding.trim().toUpperCase()
  if (name === 'UTF-8' || name === 'UTF8') {
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf
    return decodeWith('utf-8', bom ? buf.subarray(3) : buf, bom)
  }
  if (name === 'UTF-16' || name === 'UTF-16BE' || name === 'UTF-16LE' || name === 'UTF16') {
    let le = name === 'UTF-16LE'
    let body = buf
    let bom = false
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
      bom = true
      le = false
      body = buf.subarray(2)
    } else if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
      bom = true
      le = true
      body = buf.subarray(2)
    }
    // Without a BOM, plain "UTF-16" is big-endian (RFC 2781 §4.3).
    if (body.length % 2 !== 0) return { ok: false, reason: 'odd number of bytes for UTF-16' }
    if (!le) {
      const swapped = Buffer.from(body)
      swapped.swap16()
      body = swapped
    }
    return decodeWith('utf-16le', body, bom)
  }
  // ASCII is Latin-1's lower half: a byte above 0x7f is not ASCII, and reading it as Latin-1
  // would silently change a file name the manifest is meant to state exactly.
  if (ASCII_NAMES.has(name)) {
    const at = buf.findIndex((b) => b > 0x7f)
    if (at >= 0) return { ok: false, reason: `byte 0x${buf[at].toString(16)} at offset ${at} is not ASCII` }
  }
  // WHATWG maps the label "iso-8859-1" to windows-1252, so decode true Latin-1 ourselves.
  if (LATIN1_NAMES.has(name)) return { ok: true, text: buf.toString('latin1'), bom: false }
  try {
    return decodeWith(encoding.trim(), buf, false)
  } catch {
    return { ok: false, reason: `unsupported Tag-File-Character-Encoding "${encoding}"` }
  }
}

function decodeWith(label: string, buf: Buffer, bom: boolean): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(buf), bom }
  } catch (err) {
    if (err instanceof RangeError) throw err
    return { ok: false, reason: `bytes are not valid ${label}` }
  }
}

/** Lines of a tag file; LF, CR and CRLF all end a line, and a final terminator adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export interface BagDeclaration {
  /** the declared version, trimmed, even when malformed (null when there is no version line) */
  version: string | null
  /** true when version is of the form M.N */
  versionValid: boolean
  /** declared encoding, or null when missing */
  encoding: string | null
  problems: BagProblem[]
  warnings: BagProblem[]
}

/** Parses bagit.txt strictly (exactly two lines, "Label: value", UTF-8, no BOM), per RFC 8493 §2.1.1. */
export function parseBagDeclaration(buf: Buffer): BagDeclaration {
  const problems: BagProblem[] = []
  const warnings: BagProblem[] = []
  const path = 'bagit.txt'
  const bad = (message: string): void => {
    problems.push({ code: 'bad-tag-file', path, message })
  }
  const decoded = decodeTagText(buf, 'UTF-8')
  if (!decoded.ok) {
    bad(`bagit.txt is not valid UTF-8`)
    return { version: null, versionValid: false, encoding: null, problems, warnings }
  }
  if (decoded.bom) bad('bagit.txt starts with a byte-order mark, which RFC 8493 forbids')
  const lines = splitLines(decoded.text)
  let version: string | null = null
  let encoding: string | null = null
  const seen: string[] = []
  lines.forEach((line, i) => {
    const strict = /^(BagIt-Version|Tag-File-Character-Encoding): (.*)$/.exec(line)
    const loose = strict ?? /^[ \t]*(BagIt-Version|Tag-File-Character-Encoding)[ \t]*:[ \t]*(.*)$/i.exec(line)
    if (!loose) {
      if (line.trim() === '')
        warnings.push({ code: 'bad-tag-file', path, message: `bagit.txt has an empty line ${i + 1}` })
      else bad(`bagit.txt line ${i + 1} is not a BagIt declaration element: "${truncate(line)}"`)
      return
    }
    if (!strict)
      bad(
        `bagit.txt line ${i + 1} must be exactly "${canonicalLabel(loose[1])}: value" (no extra whitespace around the colon)`,
      )
    const label = canonicalLabel(loose[1])
    const raw = loose[2]
    const value = raw.trim()
    if (strict && value !== raw)
      warnings.push({
        code: 'bad-tag-file',
        path,
        message: `bagit.txt value "${raw}" has surrounding whitespace`,
      })
    seen.push(label)
    if (label === 'BagIt-Version') {
      if (version !== null) bad('bagit.txt declares BagIt-Version twice')
      version = value
    } else {
      if (encoding !== null) bad('bagit.txt declares Tag-File-Character-Encoding twice')
      encoding = value
    }
  })
  if (version === null) bad('bagit.txt has no BagIt-Version line')
  if (encoding === null) bad('bagit.txt has no Tag-File-Character-Encoding line')
  if (seen[0] !== undefined && seen[0] !== 'BagIt-Version') bad('bagit.txt must declare BagIt-Version first')
  const versionValid = version !== null && /^\d+\.\d+$/.test(version)
  if (version !== null && !versionValid) bad(`BagIt-Version "${version}" is not of the form M.N`)
  if (encoding !== null && !isSupportedEncoding(encoding))
    bad(`Tag-File-Character-Encoding "${encoding}" is not supported`)
  return { version, versionValid, encoding, problems, warnings }
}

function canonicalLabel(label: string): 'BagIt-Version' | 'Tag-File-Character-Encoding' {
  return label.toLowerCase() === 'bagit-version' ? 'BagIt-Version' : 'Tag-File-Character-Encoding'
}

/** Compares "M.N" versions numerically; an unparsable version counts as 0.0. */
export function compareVersion(a: string | null, b: string): number {
  const pa = parseVersion(a)
  const pb = parseVersion(b)
  return pa[0] !== pb[0] ? pa[0] - pb[0] : pa[1] - pb[1]
}

function parseVersion(v: string | null): [number, number] {
  const m = v ? /^(\d+)\.(\d+)$/.exec(v) : null
  return m ? [Number(m[1]), Number(m[2])] : [0, 0]
}

export interface BagInfoParse {
  entries: Array<[string, string]>
  problems: BagProblem[]
  warnings: BagProblem[]
}

/**
 * Parses bag-info.txt (RFC 8493 §2.2.2): "Label: value", continuation lines start with space or
 * tab (the line break is kept, the padding is not), labels may repeat and order is kept.
 * Before 1.0, extra whitespace around the colon is allowed; in 1.0 it is only warned about.
 */
export function parseBagInfo(text: string, version: string | null, path = 'bag-info.txt'): BagInfoParse {
  const entries: Array<[string, string]> = []
  const problems: BagProblem[] = []
  const warnings: BagProblem[] = []
  const modern = compareVersion(version, '1.0') >= 0
  let current: [string, string] | null = null
  splitLines(text).forEach((line, i) => {
    if (line === '') {
      warnings.push({ code: 'bad-tag-file', path, message: `${path} has an empty line ${i + 1}` })
      current = null
      return
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (!current) {
        problems.push({ code: 'bad-tag-file', path, message: `${path} line ${i + 1} continues no element` })
        return
      }
      current[1] += '\n' + line.replace(/^[ \t]+/, '')
      return
    }
    const colon = line.indexOf(':')
    if (colon <= 0) {
      problems.push({
        code: 'bad-tag-file',
        path,
        message: `${path} line ${i + 1} is not "Label: value": "${truncate(line)}"`,
      })
      current = null
      return
    }
    const rawLabel = line.slice(0, colon)
    const rest = line.slice(colon + 1)
    const label = rawLabel.trim()
    const strict = rawLabel === label && /^[ \t][^ \t]/.test(rest + 'x')
    if (!strict && modern) {
      warnings.push({
        code: 'bad-tag-file',
        path,
        message: `${path} line ${i + 1} is not exactly "Label: value" (extra whitespace around the colon)`,
      })
    }
    current = [label, rest.replace(/^[ \t]+/, '')]
    entries.push(current)
  })
  return { entries, problems, warnings }
}

/** Values of a bag-info label, matched case-insensitively as RFC 8493 reserves names that way. */
export function bagInfoValues(entries: Array<[string, string]>, label: string): string[] {
  const key = label.toLowerCase()
  return entries.filter(([k]) => k.toLowerCase() === key).map(([, v]) => v)
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}
