import { chardet, iconv } from '../util/text-codecs'

/** A file name as bytes read from the disk, and how it is shown. */
export interface DecodedName {
  text: string
  /** 'utf-8'; 'gb18030' (GBK names of Windows-formatted cards); another charset chardet found; 'escaped' when none fits */
  encoding: string
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function roundTrips(bytes: Buffer, encoding: string): string | null {
  if (!iconv().encodingExists(encoding)) return null
  const text = iconv().decode(bytes, encoding)
  if (text.includes('\uFFFD')) return null
  return iconv().encode(text, encoding).equals(bytes) ? text : null
}

/**
 * Decodes a name that may not be UTF-8. UTF-8 first; then GB18030, which covers the GBK names
 * Chinese Windows writes on FAT and exFAT cards; then the charset chardet guesses; and when no
 * decoding gives back exactly these bytes, the bytes that are not UTF-8 as \xNN escapes. Never
 * throws. The caller keeps the bytes themselves, which are what identifies the file.
 */
export function decodeNameBytes(bytes: Buffer): DecodedName {
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' }
  } catch {
    // not UTF-8: try what such a name usually is
  }
  const gb = roundTrips(bytes, 'gb18030')
  if (gb !== null) return { text: gb, encoding: 'gb18030' }
  for (const guess of chardet().analyse(bytes)) {
    const name = guess.name.toLowerCase()
    const text = roundTrips(bytes, name)
    if (text !== null) return { text, encoding: name }
  }
  let text = ''
  for (const ch of bytes.toString('latin1')) {
    const code = ch.charCodeAt(0)
    text += code < 0x80 ? ch : `\\x${code.toString(16).padStart(2, '0')}`
  }
  return { text, encoding: 'escaped' }
}
