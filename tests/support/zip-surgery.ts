/**
 * Byte-level edits of a ZIP that a normal writer would never make, for the parser-differential
 * tests (issue 11, item 4): find the end records and the entries' local headers, insert bytes
 * before the central directory, append bytes after the end record, patch a local header.
 */
import { crc32 } from 'node:zlib'

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50

export interface ZipLayout {
  eocdAt: number
  zip64EocdAt: number | null
  locatorAt: number | null
  cdOffset: number
  cdSize: number
  entries: Array<{ name: string; localAt: number; flags: number; centralAt: number }>
}

export function readLayout(zip: Buffer): ZipLayout {
  let eocdAt = -1
  for (let i = zip.length - 22; i >= 0 && eocdAt < 0; i--) if (zip.readUInt32LE(i) === EOCD) eocdAt = i
  if (eocdAt < 0) throw new Error('no end of central directory record')
  let cdOffset = zip.readUInt32LE(eocdAt + 16)
  let cdSize = zip.readUInt32LE(eocdAt + 12)
  let zip64EocdAt: number | null = null
  let locatorAt: number | null = null
  if (eocdAt >= 20 && zip.readUInt32LE(eocdAt - 20) === ZIP64_LOCATOR) {
    locatorAt = eocdAt - 20
    zip64EocdAt = Number(zip.readBigUInt64LE(locatorAt + 8))
    cdSize = Number(zip.readBigUInt64LE(zip64EocdAt + 40))
    cdOffset = Number(zip.readBigUInt64LE(zip64EocdAt + 48))
  }
  const entries: ZipLayout['entries'] = []
  for (let at = cdOffset; at < cdOffset + cdSize;) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`no central header at ${at}`)
    const n = zip.readUInt16LE(at + 28)
    const m = zip.readUInt16LE(at + 30)
    const k = zip.readUInt16LE(at + 32)
    const name = zip.subarray(at + 46, at + 46 + n).toString('utf8')
    let localAt = zip.readUInt32LE(at + 42)
    if (localAt === 0xffffffff) {
      // ZIP64 extra: the fields that are 0xFFFFFFFF, in order (sizes first)
      let x = at + 46 + n
      const end = x + m
      while (x < end) {
        const id = zip.readUInt16LE(x)
        const len = zip.readUInt16LE(x + 2)
        if (id === 1) {
          let p = x + 4
          if (zip.readUInt32LE(at + 24) === 0xffffffff) p += 8
          if (zip.readUInt32LE(at + 20) === 0xffffffff) p += 8
          localAt = Number(zip.readBigUInt64LE(p))
        }
        x += 4 + len
      }
    }
    entries.push({ name, localAt, flags: zip.readUInt16LE(at + 8), centralAt: at })
    at += 46 + n + m + k
  }
  return { eocdAt, zip64EocdAt, locatorAt, cdOffset, cdSize, entries }
}

/** Inserts bytes just before the central directory and moves the end records' pointers to match. */
export function insertBeforeCentralDirectory(zip: Buffer, bytes: Buffer): Buffer {
  const l = readLayout(zip)
  const out = Buffer.concat([zip.subarray(0, l.cdOffset), bytes, zip.subarray(l.cdOffset)])
  const shift = bytes.length
  const eocdAt = l.eocdAt + shift
  if (out.readUInt32LE(eocdAt + 16) !== 0xffffffff) out.writeUInt32LE(l.cdOffset + shift, eocdAt + 16)
  if (l.zip64EocdAt !== null && l.locatorAt !== null) {
    out.writeBigUInt64LE(BigInt(l.cdOffset + shift), l.zip64EocdAt + shift + 48)
    out.writeBigUInt64LE(BigInt(l.zip64EocdAt + shift), l.locatorAt + shift + 8)
  }
  return out
}

/** A stored local file header with its data, as a sequential reader (java.util.zip.ZipInputStream) sees it. */
export function localEntry(name: string, data: Buffer): Buffer {
  const n = Buffer.from(name, 'utf8')
  const h = Buffer.alloc(30)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(20, 4)
  h.writeUInt16LE(0x800, 6)
  h.writeUInt16LE(0, 8)
  h.writeUInt32LE(crc32(data), 14)
  h.writeUInt32LE(data.length, 18)
  h.writeUInt32LE(data.length, 22)
  h.writeUInt16LE(n.length, 26)
  return Buffer.concat([h, n, data])
}

/** The local header of the entry named `name` (its central directory name). */
export function localHeaderOf(zip: Buffer, name: string): number {
  const e = readLayout(zip).entries.find((x) => x.name === name)
  if (!e) throw new Error(`no entry ${name}`)
  return e.localAt
}
