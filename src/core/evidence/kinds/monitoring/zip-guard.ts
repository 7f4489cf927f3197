/**
 * A ZIP's (an .xlsx's) declared sizes, checked before any spreadsheet library inflates it: the
 * central directory gives each entry's compressed and inflated size, and a workbook declaring more
 * than the caps is refused without inflating a byte. A ZIP that lies about its sizes is caught too:
 * each deflated entry is inflated here with its declared size as the hard limit (zlib stops there).
 */
import { inflateRawSync } from 'node:zlib'

export interface ZipCaps {
  /** entries in the central directory */
  maxEntries: number
  /** sum of the declared inflated sizes */
  maxInflatedBytes: number
}

/** Why a ZIP is refused, in words naming the cap; null when it fits. */
export function zipOverCaps(zip: Uint8Array, caps: ZipCaps): string | null {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  const eocd = endOfCentralDirectory(b)
  if (eocd < 0) return 'it is not a readable ZIP (no end of central directory)'
  const count = b.readUInt16LE(eocd + 10)
  const cdSize = b.readUInt32LE(eocd + 12)
  const cdOffset = b.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff)
    return 'it is a ZIP64 archive, which a workbook never needs'
  if (count > caps.maxEntries) return `it declares ${count} ZIP entries, over the cap of ${caps.maxEntries}`
  if (cdOffset + cdSize > eocd) return 'its ZIP central directory lies outside the file'
  let at = cdOffset
  let inflated = 0
  const entries: Array<{ method: number; csize: number; usize: number; local: number; name: string }> = []
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return 'its ZIP central directory is damaged'
    const method = b.readUInt16LE(at + 10)
    const csize = b.readUInt32LE(at + 20)
    const usize = b.readUInt32LE(at + 24)
    const nameLen = b.readUInt16LE(at + 28)
    const extraLen = b.readUInt16LE(at + 30)
    const commentLen = b.readUInt16LE(at + 32)
    const local = b.readUInt32LE(at + 42)
    const name = b.toString('utf8', at + 46, at + 46 + nameLen)
    inflated += usize
    if (usize === 0xffffffff || inflated > caps.maxInflatedBytes)
      return `it declares ${formatBytes(inflated)} or more once inflated, over the cap of ${formatBytes(caps.maxInflatedBytes)}; it was not inflated`
    entries.push({ method, csize, usize, local, name })
    at += 46 + nameLen + extraLen + commentLen
  }
  // Declared sizes are only declarations: inflate each entry with its declared size as the limit.
  for (const e of entries) {
    if (e.method === 0 && e.csize !== e.usize)
      return `its stored entry ${e.name} declares ${formatBytes(e.usize)} but holds ${formatBytes(e.csize)}`
    if (e.method === 0) continue
    if (e.method !== 8) return `its entry ${e.name} uses ZIP method ${e.method}, which workbooks do not use`
    if (e.local + 30 > b.length || b.readUInt32LE(e.local) !== 0x04034b50)
      return `its entry ${e.name} has no local header`
    const data = e.local + 30 + b.readUInt16LE(e.local + 26) + b.readUInt16LE(e.local + 28)
    try {
      inflateRawSync(b.subarray(data, data + e.csize), { maxOutputLength: Math.max(1, e.usize) })
    } catch (err) {
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return `its entry ${e.name} inflates beyond the ${formatBytes(e.usize)} it declares; it was not opened`
      return `its entry ${e.name} does not inflate (${(err as Error).message})`
    }
  }
  return null
}

/** The end-of-central-directory record's offset, searched back over the longest ZIP comment; -1 when none. */
function endOfCentralDirectory(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff)
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === 0x06054b50) return i
  return -1
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}
