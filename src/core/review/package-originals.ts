/**
 * Where each original's bytes are inside a package, so viewers read them in place: a file in a
 * bag folder, or the byte range of a stored (uncompressed) entry inside the ZIP. Nothing is
 * extracted or copied.
 */
import { lstat, open, realpath, stat } from 'node:fs/promises'
import type { FileIdentity } from '../api/media-response'
import { join, relative, isAbsolute } from 'node:path'
import * as yauzl from 'yauzl'
import type { BagSource } from '../package/bagit'
import type { PackageEvidence } from '../../shared/package-types'

export type OriginalLocation =
  /** a regular file of a bag folder, and which file it was when located after verification */
  | { kind: 'file'; path: string; size: number; identity: FileIdentity }
  /** a stored entry's data: `size` bytes from `start` in the ZIP file (and which ZIP file) */
  | { kind: 'zip-range'; zipPath: string; start: number; size: number; identity: FileIdentity }
  /** a compressed ZIP entry: only readable as a stream (through the bag source) */
  | { kind: 'zip-stream'; bagPath: string; size: number }

const LOCAL_HEADER_SIG = 0x04034b50

/** Locates every item's original by its bag path; items whose file is absent are left out. */
export async function locateOriginals(
  source: BagSource,
  evidence: PackageEvidence[],
): Promise<Map<string, OriginalLocation>> {
  const listed = new Map((await source.list()).map((f) => [f.path, f.size]))
  const out = new Map<string, OriginalLocation>()
  if (source.kind === 'folder') {
    const root = await realpath(source.location)
    for (const e of evidence) {
      const size = listed.get(e.path)
      if (size === undefined) continue
      const full = join(root, e.path)
      // The scan already refused symlinks; this keeps a path from leaving the bag all the same.
      const rel = relative(root, full)
      if (rel.startsWith('..') || isAbsolute(rel)) continue
      const st = await lstat(full).catch(() => null)
      // verified a moment ago: a link or another file here now is not served (item 12)
      if (!st || !st.isFile() || st.size !== size) continue
      out.set(e.id, { kind: 'file', path: full, size, identity: { dev: st.dev, ino: st.ino, size: st.size } })
    }
    return out
  }
  const wanted = new Map<string, PackageEvidence>()
  for (const e of evidence) if (listed.has(e.path)) wanted.set(source.root + e.path, e)
  if (wanted.size === 0) return out
  const zip = await yauzl.openPromise(source.location, { autoClose: false, decodeStrings: false })
  const fh = await open(source.location, 'r')
  const zipStat = await stat(source.location)
  const zipIdentity: FileIdentity = { dev: zipStat.dev, ino: zipStat.ino, size: zipStat.size }
  try {
    const header = Buffer.alloc(30)
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        true,
      )
      const item = wanted.get(name)
      if (!item || out.has(item.id)) continue
      if (entry.compressionMethod !== 0 || entry.isEncrypted()) {
        out.set(item.id, { kind: 'zip-stream', bagPath: item.path, size: entry.uncompressedSize })
        continue
      }
      // The data starts after the local header, whose name and extra field lengths may differ
      // from the central directory's: read them from the local header itself.
      const { bytesRead } = await fh.read(header, 0, 30, entry.relativeOffsetOfLocalHeader)
      if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER_SIG) continue
      const start = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
      if (start + entry.compressedSize > zip.fileSize) continue
      out.set(item.id, {
        kind: 'zip-range',
        zipPath: source.location,
        start,
        size: entry.compressedSize,
        identity: zipIdentity,
      })
    }
  } finally {
    await fh.close()
    zip.close()
  }
  return out
}
