import { constants } from 'node:fs'
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { EvidenceError } from '../../errors'
import { pumpFile, type ChunkConsumer } from '../../util/chunk-io'
import { MAX_BAG_ENTRIES, readAllBounded } from './source-util'
import type { BagFileEntry, BagScan, BagSource } from './types'

export type { BagFileEntry, BagScan, BagSource } from './types'

const READ_CHUNK = 1 << 20

/**
 * Opens a bag folder or a bag ZIP (decided by content, not extension) for reading. Throws
 * EvidenceError 'not-found' when the path does not exist and 'invalid-input' when it is neither a
 * folder nor a readable ZIP. Nothing is extracted or written.
 */
export async function openBag(pathToDirOrZip: string): Promise<BagSource> {
  let info
  try {
    info = await stat(pathToDirOrZip)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new EvidenceError('not-found', `No bag at ${pathToDirOrZip}: the path does not exist.`, {
        cause: err,
      })
    }
    throw new EvidenceError(
      'invalid-input',
      `Cannot read ${pathToDirOrZip}; check that it exists and is readable.`,
      { cause: err },
    )
  }
  if (info.isDirectory()) return new FolderBagSource(await realpath(pathToDirOrZip))
  if (!info.isFile())
    throw new EvidenceError('invalid-input', `${pathToDirOrZip} is neither a folder nor a ZIP file.`)
  if (!(await looksLikeZip(pathToDirOrZip, info.size))) {
    throw new EvidenceError(
      'invalid-input',
      `${pathToDirOrZip} is not a ZIP file or a bag folder; choose the package ZIP or its folder.`,
    )
  }
  // loaded here, not at the top: a folder needs neither the ZIP reader nor the name decoders
  const { openZipBagSource } = await import('./zip-source')
  return openZipBagSource(await realpath(pathToDirOrZip))
}

/** Local-header signature at the start, or an end-of-central-directory record near the end. */
async function looksLikeZip(path: string, size: number): Promise<boolean> {
  const fh = await open(path, 'r').catch((err: unknown) => {
    throw new EvidenceError('invalid-input', `Cannot open ${path} for reading.`, { cause: err })
  })
  try {
    const head = Buffer.alloc(4)
    await fh.read(head, 0, 4, 0)
    if (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50) return true
    // The EOCD record is 22 bytes plus a comment of at most 65535 bytes.
    const tailLen = Math.min(size, 22 + 65535)
    const tail = Buffer.alloc(tailLen)
    await fh.read(tail, 0, tailLen, size - tailLen)
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) return true
    return false
  } finally {
    await fh.close()
  }
}

/** A bag in a folder. Symlinks and special files are reported, never followed or opened. */
export class FolderBagSource implements BagSource {
  readonly kind = 'folder' as const
  readonly root = ''
  private scanned: Promise<BagScan> | null = null
  private sizes: Map<string, number> | null = null

  constructor(readonly location: string) {}

  scan(): Promise<BagScan> {
    this.scanned ??= this.walk()
    return this.scanned
  }

  async list(): Promise<BagFileEntry[]> {
    return (await this.scan()).files
  }

  private async walk(): Promise<BagScan> {
    const scan: BagScan = { files: [], dirs: new Set(['']), problems: [], warnings: [] }
    const stack = ['']
    let count = 0
    while (stack.length > 0) {
      const rel = stack.pop() as string
      let dirents
      try {
        dirents = await readdir(join(this.location, rel), { withFileTypes: true })
      } catch (err) {
        scan.problems.push({
          code: 'io-error',
          path: rel || '.',
          message: `Cannot list folder "${rel || '.'}": ${(err as Error).message}`,
        })
        continue
      }
      for (const d of dirents) {
        if (++count > MAX_BAG_ENTRIES) {
          scan.problems.push({
            code: 'io-error',
            message: `The bag has more than ${MAX_BAG_ENTRIES} entries; refusing to scan further.`,
          })
          return this.finishScan(scan)
        }
        const child = rel ? `${rel}/${d.name}` : d.name
        if (d.isSymbolicLink()) {
          scan.problems.push({
            code: 'unsafe-path',
            path: child,
            message: `"${child}" is a symbolic link; links are never followed inside a bag`,
          })
        } else if (d.isDirectory()) {
          scan.dirs.add(child)
          stack.push(child)
        } else if (d.isFile()) {
          const st = await lstat(join(this.location, child))
          scan.files.push({ path: child, size: st.size })
        } else {
          scan.problems.push({
            code: 'unsafe-path',
            path: child,
            message: `"${child}" is a device, FIFO or socket, not a regular file`,
          })
        }
      }
    }
    return this.finishScan(scan)
  }

  private finishScan(scan: BagScan): BagScan {
    scan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    this.sizes = new Map(scan.files.map((f) => [f.path, f.size]))
    return scan
  }

  async openRead(path: string): Promise<Readable> {
    const fh = await this.openChecked(path)
    return fh.createReadStream({ highWaterMark: READ_CHUNK })
  }

  async readChunks(path: string, consume: ChunkConsumer): Promise<number> {
    const fh = await this.openChecked(path)
    try {
      return await pumpFile(fh, consume)
    } finally {
      await fh.close()
    }
  }

  /** Opens a scanned regular file without following a symlink that replaced it since the scan. */
  private async openChecked(path: string): Promise<FileHandle> {
    await this.scan()
    if (!this.sizes?.has(path))
      throw new EvidenceError('not-found', `"${path}" is not a file in the bag at ${this.location}.`)
    const fh = await open(join(this.location, path), constants.O_RDONLY | constants.O_NOFOLLOW).catch(
      (err: unknown) => {
        throw new EvidenceError('io-error', `Cannot open "${path}" in ${this.location}.`, { cause: err })
      },
    )
    const st = await fh.stat()
    if (!st.isFile()) {
      await fh.close()
      throw new EvidenceError('io-error', `"${path}" in ${this.location} is no longer a regular file.`)
    }
    return fh
  }

  async readFile(path: string, maxBytes: number): Promise<Buffer> {
    return readAllBounded(this, path, maxBytes)
  }

  async close(): Promise<void> {
    // Every stream owns and closes its own handle; nothing is held between reads.
  }
}
