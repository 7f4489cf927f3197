/**
 * The byte layout of a ZIP, checked so that every reader sees the same files. A reader that walks
 * local headers front to back (java.util.zip.ZipInputStream, many recovery tools) and one that
 * reads the central directory (yauzl, Info-ZIP, ours) agree only when the file is exactly:
 * entries back to back from byte 0, each local header saying what its central record says, then
 * the central directory, then the end records, then the declared comment and nothing else.
 * Anything else is reported as `zip-inconsistent`: a package two tools read differently is not
 * one package.
 */
import type { FileHandle } from 'node:fs/promises'
import type { Entry } from 'yauzl'
import type { BagProblem } from './types'

const EOCD_SIG = 0x06054b50
const ZIP64_EOCD_SIG = 0x06064b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const LOCAL_SIG = 0x04034b50
const DESCRIPTOR_SIG = 0x08074b50
const EOCD_SIZE = 22
const LOCATOR_SIZE = 20
const MAX_COMMENT = 0xffff
/** More findings than this say nothing new; the first ones name the problem. */
const MAX_FINDINGS = 20

export interface ZipEnd {
  /** offset of the end of central directory record */
  eocdAt: number
  /** where the record and its declared comment end; bytes beyond are not part of the ZIP */
  end: number
  /** the ZIP64 end record, when there is one */
  zip64At: number | null
  cdOffset: number
  cdSize: number
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  const { bytesRead } = await fh.read(buf, 0, length, position)
  return buf.subarray(0, bytesRead)
}

/**
 * Finds the end of central directory record nearest the end of the file whose declared comment
 * fits in the file (and, when there is one, its ZIP64 record). Null when there is none.
 */
export async function readZipEnd(fh: FileHandle, fileSize: number): Promise<ZipEnd | null> {
  const tailLen = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT + LOCATOR_SIZE)
  const tailStart = fileSize - tailLen
  const tail = await readAt(fh, tailStart, tailLen)
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue
    const end = tailStart + i + EOCD_SIZE + tail.readUInt16LE(i + 20)
    if (end > fileSize) continue
    const eocdAt = tailStart + i
    let cdSize = tail.readUInt32LE(i + 12)
    let cdOffset = tail.readUInt32LE(i + 16)
    let zip64At: number | null = null
    if (i >= LOCATOR_SIZE && tail.readUInt32LE(i - LOCATOR_SIZE) === ZIP64_LOCATOR_SIG) {
      zip64At = Number(tail.readBigUInt64LE(i - LOCATOR_SIZE + 8))
      const rec = await readAt(fh, zip64At, 56)
      if (rec.length === 56 && rec.readUInt32LE(0) === ZIP64_EOCD_SIG) {
        cdSize = Number(rec.readBigUInt64LE(40))
        cdOffset = Number(rec.readBigUInt64LE(48))
      }
    }
    return { eocdAt, end, zip64At, cdOffset, cdSize }
  }
  return null
}

/** A local header's ZIP64 extra field (id 1), which carries sizes that do not fit 32 bits. */
function zip64Extra(extra: Buffer): Buffer | null {
  for (let x = 0; x + 4 <= extra.length;) {
    const id = extra.readUInt16LE(x)
    const len = extra.readUInt16LE(x + 2)
    if (id === 1) return extra.subarray(x + 4, x + 4 + len)
    x += 4 + len
  }
  return null
}

interface Finding {
  path?: string
  message: string
}

/**
 * Compares one entry's local header (and data descriptor) with its central record and returns
 * where the entry's bytes end, or a finding.
 */
async function checkEntry(
  fh: FileHandle,
  e: Entry,
  name: string,
): Promise<{ end: number } | { finding: Finding }> {
  const at = e.relativeOffsetOfLocalHeader
  const fail = (what: string) => ({
    finding: { path: name, message: `ZIP entry "${name}": ${what}` },
  })
  const head = await readAt(fh, at, 30)
  if (head.length < 30 || head.readUInt32LE(0) !== LOCAL_SIG)
    return fail(`no local header at offset ${at}, where the central directory says it is`)
  const nameLen = head.readUInt16LE(26)
  const extraLen = head.readUInt16LE(28)
  const rest = await readAt(fh, at + 30, nameLen + extraLen)
  if (rest.length < nameLen + extraLen) return fail('its local header runs past the end of the file')
  const localName = rest.subarray(0, nameLen)
  if (!localName.equals(e.fileNameRaw))
    return fail(
      `the local header names it "${localName.toString('utf8')}"; a reader that walks local headers would see another file`,
    )
  const flags = head.readUInt16LE(6)
  if (flags !== e.generalPurposeBitFlag)
    return fail(
      `local and central flags differ (${flags.toString(16)} / ${e.generalPurposeBitFlag.toString(16)})`,
    )
  if (head.readUInt16LE(8) !== e.compressionMethod)
    return fail('local and central compression methods differ')
  const extra64 = zip64Extra(rest.subarray(nameLen))
  let localCrc = head.readUInt32LE(14)
  let localCompressed = head.readUInt32LE(18)
  let localSize = head.readUInt32LE(22)
  if (extra64) {
    // the fields set to 0xFFFFFFFF are in the extra field, uncompressed size first
    let p = 0
    if (localSize === 0xffffffff && p + 8 <= extra64.length) {
      localSize = Number(extra64.readBigUInt64LE(p))
      p += 8
    }
    if (localCompressed === 0xffffffff && p + 8 <= extra64.length)
      localCompressed = Number(extra64.readBigUInt64LE(p))
  }
  const dataStart = at + 30 + nameLen + extraLen
  let end = dataStart + e.compressedSize
  const streamed = (flags & 0x8) !== 0
  if (streamed) {
    // A streamed entry leaves its local CRC and sizes zero and writes them after the data.
    if (localCrc !== 0 && localCrc !== e.crc32) return fail('local and central CRC-32 differ')
    // 8-byte sizes when either header is in ZIP64 form (yazl marks only the central one)
    const wide = extra64 !== null || e.extraFields.some((f) => f.id === 1)
    const d = await readAt(fh, end, 4 + (wide ? 20 : 12))
    const sigLen = d.length >= 4 && d.readUInt32LE(0) === DESCRIPTOR_SIG ? 4 : 0
    const need = sigLen + (wide ? 20 : 12)
    if (d.length < need) return fail('its data descriptor runs past the end of the file')
    localCrc = d.readUInt32LE(sigLen)
    const dCompressed = wide ? Number(d.readBigUInt64LE(sigLen + 4)) : d.readUInt32LE(sigLen + 4)
    const dSize = wide ? Number(d.readBigUInt64LE(sigLen + 12)) : d.readUInt32LE(sigLen + 8)
    if (localCompressed !== 0 && localCompressed !== e.compressedSize)
      return fail('local and central compressed sizes differ')
    if (localSize !== 0 && localSize !== e.uncompressedSize) return fail('local and central sizes differ')
    localCompressed = dCompressed
    localSize = dSize
    end += need
  }
  if (localCrc !== e.crc32)
    return fail(`local and central CRC-32 differ (${localCrc.toString(16)} / ${e.crc32.toString(16)})`)
  if (localCompressed !== e.compressedSize) return fail('local and central compressed sizes differ')
  if (localSize !== e.uncompressedSize)
    return fail(`local and central sizes differ (${localSize} / ${e.uncompressedSize} bytes)`)
  return { end }
}

/**
 * Checks that the entries (as the central directory lists them, with their decoded names) tile
 * the file from byte 0 to the central directory with no gap and no overlap, that each local
 * header agrees with its central record, and that nothing but the declared comment follows the
 * end record. Reads only headers, never entry data.
 */
export async function checkZipLayout(
  fh: FileHandle,
  fileSize: number,
  end: ZipEnd,
  entries: Array<{ entry: Entry; name: string }>,
): Promise<BagProblem[]> {
  const findings: Finding[] = []
  const add = (f: Finding) => findings.length < MAX_FINDINGS && findings.push(f)
  if (end.end !== fileSize)
    add({ message: `${fileSize - end.end} bytes follow the ZIP's end record; they belong to no entry` })

  const sorted = [...entries].sort(
    (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
  )
  let cursor = 0
  for (const { entry, name } of sorted) {
    const at = entry.relativeOffsetOfLocalHeader
    if (at > cursor) add({ message: `bytes ${cursor}–${at - 1} lie between entries and belong to none` })
    if (at < cursor) {
      add({ path: name, message: `ZIP entry "${name}" overlaps the entry before it` })
      continue
    }
    const checked = await checkEntry(fh, entry, name)
    if ('finding' in checked) {
      add(checked.finding)
      // Its extent is unknown; the next entry's offset is taken as given so one bad header is one finding.
      cursor = at + 1
      continue
    }
    cursor = checked.end
  }
  if (sorted.length > 0 && end.cdOffset > cursor)
    add({ message: `bytes ${cursor}–${end.cdOffset - 1} before the central directory belong to no entry` })
  else if (end.cdOffset < cursor) add({ message: 'the central directory overlaps the entries' })

  const centralSize = entries.reduce(
    (s, { entry }) => s + 46 + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength,
    0,
  )
  const cdEnd = end.cdOffset + end.cdSize
  if (centralSize !== end.cdSize)
    add({
      message: `the central directory is ${end.cdSize} bytes but its ${entries.length} records take ${centralSize}`,
    })
  const endRecordsStart = end.zip64At ?? end.eocdAt
  if (cdEnd !== endRecordsStart)
    add({
      message: `bytes ${cdEnd}–${endRecordsStart - 1} between the central directory and the end record belong to nothing`,
    })
  if (end.zip64At !== null) {
    const rec = await readAt(fh, end.zip64At, 12)
    const recEnd = end.zip64At + 12 + Number(rec.readBigUInt64LE(4))
    if (recEnd !== end.eocdAt - LOCATOR_SIZE)
      add({ message: 'the ZIP64 end record and its locator are not back to back' })
  }
  return findings.map((f) => ({
    code: 'zip-inconsistent',
    ...(f.path ? { path: f.path } : {}),
    message: f.message,
  }))
}
