/**
 * ZIP entry names as their writers meant them. The ZIP specification (APPNOTE 6.3.x, §4.4.4 and
 * appendix D) says a name is IBM437 unless general purpose bit 11 is set (UTF-8) or an Info-ZIP
 * Unicode Path extra field (0x7075) carries a UTF-8 copy. Real archives ignore that: Info-ZIP on
 * Linux stores the UTF-8 bytes without the flag, and Chinese Windows Explorer stores GBK. Careful
 * unzip tools try UTF-8 and then the local code page; so do we, in that order (random bytes are
 * almost never valid UTF-8, nearly any high-byte pair is valid GB18030), and say which was used.
 * Control characters stay control characters (the path check refuses them); they are never
 * turned into IBM437's picture symbols.
 */
import { iconv } from '../../util/text-codecs'
import * as yauzl from 'yauzl'
import { isValidGb18030, isValidUtf8 } from '../../evidence/extract/text-decode'

/** How a name was decoded: as its flag or extra field says, or by trying when it says nothing. */
export type ZipNameDecoding = 'declared' | 'ascii' | 'utf-8' | 'gb18030' | 'cp437'

export function decodeZipEntryName(entry: yauzl.Entry): { name: string; decoding: ZipNameDecoding } {
  const raw = entry.fileNameRaw
  const flagged = (entry.generalPurposeBitFlag & 0x800) !== 0
  const unicodeExtra = entry.extraFields.some((f) => f.id === 0x7075)
  if (flagged || unicodeExtra) {
    return {
      name: yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true),
      decoding: 'declared',
    }
  }
  if (raw.every((b) => b < 0x80)) return { name: raw.toString('latin1'), decoding: 'ascii' }
  if (isValidUtf8(raw)) return { name: raw.toString('utf8'), decoding: 'utf-8' }
  if (isValidGb18030(raw)) return { name: iconv().decode(raw, 'gb18030'), decoding: 'gb18030' }
  // iconv-lite's IBM437 keeps 0x00–0x7F as ASCII, control characters included.
  return { name: iconv().decode(raw, 'cp437'), decoding: 'cp437' }
}

/** One warning for the names a ZIP left undeclared and that were not plain ASCII; null when there are none. */
export function nameDecodingWarning(decodings: ZipNameDecoding[]): string | null {
  const count = (d: ZipNameDecoding): number => decodings.filter((x) => x === d).length
  const parts: string[] = []
  if (count('utf-8') > 0)
    parts.push(`${count('utf-8')} as UTF-8 (as Info-ZIP on Linux and macOS writes them)`)
  if (count('gb18030') > 0) parts.push(`${count('gb18030')} as GB18030 (as Chinese Windows writes them)`)
  if (count('cp437') > 0) parts.push(`${count('cp437')} as IBM437 (the ZIP default)`)
  if (parts.length === 0) return null
  return `ZIP entry names without the UTF-8 flag were decoded by trying UTF-8, then GB18030: ${parts.join(', ')}`
}
