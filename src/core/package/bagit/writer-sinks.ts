import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { link, mkdir, open, rename, rm, unlink, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PassThrough } from 'node:stream'
import { ZipFile } from 'yazl'
import { EvidenceError } from '../../errors'
import { kernelCopyFollowed, type FollowedCopy } from '../../util/kernel-copy'
import type { ChunkConsumer } from '../../util/chunk-io'

/**
 * Where a bag's files go while it is written: a temporary folder or ZIP next to the destination,
 * renamed onto the final name only by commit(). discard() removes every trace.
 */
export interface BagSink {
  /** the temporary path being written */
  readonly tempPath: string
  /** starts one file of the bag (size null when unknown); write its chunks in order, then close */
  openFile(path: string, size: number | null): Promise<FileOut>
  writeBuffer(path: string, content: Buffer): Promise<void>
  /**
   * Copies a whole file into the bag at path in the kernel (see kernel-copy.ts), where the sink
   * and the source's device allow, giving the written bytes to `consume` as they are written;
   * the caller awaits the copy's fsync and closes it. Null when the caller must write the file
   * through openFile (nothing was consumed then).
   */
  copyIn?(
    path: string,
    source: FileHandle,
    sourceDev: number,
    consume: ChunkConsumer,
    opts: { signal?: AbortSignal; cancelled?: () => Error },
  ): Promise<FollowedCopy | null>
  /** flushes to disk and renames into place; returns the ZIP's sha256 for a ZIP */
  commit(): Promise<{ sha256?: string }>
  discard(): Promise<void>
}

export interface FileOut {
  /** queues the next chunk; resolves once the chunk's memory may be reused */
  write(chunk: Uint8Array): Promise<void>
  /** waits for every write and makes the file durable */
  close(): Promise<void>
  /** gives up on the file (the whole sink is discarded afterwards) */
  abort(): Promise<void>
}

const FILE_MODE = 0o644
/**
 * While a large file is written, flush it every so often in the background: the disk then works
 * while we hash, instead of all the data waiting for the final fsync.
 */
const SYNC_EVERY = 64 << 20

/** Writes a bag folder under a temporary name; each file is fsynced when it is closed. */
export class FolderSink implements BagSink {
  readonly tempPath: string
  private readonly dirs = new Set<string>()
  /** small files written whole, fsynced together at commit rather than one after the other */
  private readonly unsynced: string[] = []

  constructor(
    private readonly destination: string,
    suffix: string,
    private readonly syncEvery = SYNC_EVERY,
  ) {
    this.tempPath = join(dirname(destination), `.${basename(destination)}.partial-${suffix}`)
  }

  async init(): Promise<void> {
    await mkdir(this.tempPath)
    await mkdir(join(this.tempPath, 'data'))
    this.dirs.add('').add('data')
  }

  private async ensureDir(path: string): Promise<void> {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    if (this.dirs.has(dir)) return
    await mkdir(join(this.tempPath, dir), { recursive: true })
    this.dirs.add(dir)
  }

  async openFile(path: string, _size: number | null): Promise<FileOut> {
    await this.ensureDir(path)
    const fh = await open(join(this.tempPath, path), 'wx', FILE_MODE)
    let pos = 0
    let unsynced = 0
    let syncing: Promise<void> | null = null
    let syncError: unknown = null
    const pending = new Set<Promise<void>>()
    return {
      write: (chunk) => {
        const at = pos
        pos += chunk.byteLength
        // Positional writes may run side by side in the thread pool; each has its own range.
        const p = writeAt(fh, chunk, at).then(() => {
          unsynced += chunk.byteLength
          if (unsynced >= this.syncEvery && !syncing) {
            unsynced = 0
            syncing = fh
              .datasync()
              .catch((err: unknown) => void (syncError ??= err))
              .finally(() => (syncing = null))
          }
        })
        pending.add(p)
        void p.finally(() => pending.delete(p)).catch(() => {})
        return p
      },
      close: async () => {
        try {
          await Promise.all(pending)
          await syncing
          if (syncError) throw syncError
          await fh.sync()
        } finally {
          await fh.close()
        }
      },
      abort: async () => {
        await Promise.allSettled([...pending, syncing])
        await fh.close().catch(() => {})
      },
    }
  }

  async copyIn(
    path: string,
    source: FileHandle,
    sourceDev: number,
    consume: ChunkConsumer,
    opts: { signal?: AbortSignal; cancelled?: () => Error } = {},
  ): Promise<FollowedCopy | null> {
    await this.ensureDir(path)
    const dest = join(this.tempPath, path)
    const copy = await kernelCopyFollowed(source, sourceDev, dest, consume, opts)
    // the copy takes the source's mode (an object is owner-read-only); a bag file is not
    if (copy)
      await copy.handle.chmod(FILE_MODE).catch(async (err: unknown) => {
        await copy.syncing.catch(() => {})
        await copy.handle.close()
        throw err
      })
    return copy
  }

  async writeBuffer(path: string, content: Buffer): Promise<void> {
    await this.ensureDir(path)
    const full = join(this.tempPath, path)
    const fh = await open(full, 'wx', FILE_MODE)
    try {
      await writeAt(fh, content, 0)
    } finally {
      await fh.close()
    }
    this.unsynced.push(full)
  }

  async commit(): Promise<{ sha256?: string }> {
    // Every file is on disk before the bag gets its final name: the small ones are flushed here,
    // side by side (a busy disk answers several fsyncs in one journal commit).
    await Promise.all(this.unsynced.splice(0).map((f) => fsyncPath(f)))
    // Directory entries must reach the disk too, or a crash could lose names of synced files.
    await Promise.all([...this.dirs].map((dir) => fsyncPath(join(this.tempPath, dir))))
    await assertAbsent(this.destination)
    await rename(this.tempPath, this.destination)
    await fsyncPath(dirname(this.destination))
    return {}
  }

  async discard(): Promise<void> {
    await rm(this.tempPath, { recursive: true, force: true })
  }
}

/** Writes a ZIP64-capable, stored (uncompressed) ZIP with one top-level folder. */
export class ZipSink implements BagSink {
  readonly tempPath: string
  private readonly zip = new ZipFile()
  private readonly out: WriteStream
  private readonly zipHash = createHash('sha256')
  private failure: Error | null = null
  private hasPayload = false
  private readonly failed: Promise<never>
  private readonly closed: Promise<void>

  constructor(
    private readonly destination: string,
    suffix: string,
    private readonly rootName: string,
    private readonly mtime: Date,
  ) {
    this.tempPath = join(dirname(destination), `.${basename(destination)}.partial-${suffix}`)
    this.out = createWriteStream(this.tempPath, { flags: 'wx', mode: FILE_MODE })
    const tap = new PassThrough({ highWaterMark: 1 << 20 })
    tap.on('data', (chunk: Buffer) => this.zipHash.update(chunk))
    this.zip.outputStream.pipe(tap).pipe(this.out)
    let reject: (e: Error) => void = () => {}
    this.failed = new Promise<never>((_r, rj) => (reject = rj))
    this.failed.catch(() => {})
    const fail = (err: Error): void => {
      this.failure ??= err
      reject(err)
    }
    this.zip.on('error', fail)
    this.out.on('error', fail)
    this.closed = new Promise<void>((resolve) => this.out.on('close', resolve))
  }

  async openFile(path: string, size: number | null): Promise<FileOut> {
    if (this.failure) throw this.failure
    if (path.startsWith('data/')) this.hasPayload = true
    const entry = new PassThrough({ highWaterMark: 8 << 20 })
    const consumed = new Promise<void>((resolve, reject) => {
      entry.on('end', resolve)
      entry.on('error', reject)
    })
    consumed.catch(() => {})
    this.zip.addReadStreamLazy(
      `${this.rootName}/${path}`,
      // Without a known size yazl cannot choose ZIP64 up front, so force it.
      {
        compress: false,
        mtime: this.mtime,
        mode: 0o100000 | FILE_MODE,
        ...(size === null ? { forceZip64Format: true } : { size }),
      },
      (cb) => cb(null, entry),
    )
    return {
      write: async (chunk) => {
        if (this.failure) throw this.failure
        // Copied: the caller reuses its buffer as soon as this resolves, yazl reads later.
        if (!entry.write(Buffer.from(chunk))) await Promise.race([once(entry, 'drain'), this.failed])
      },
      close: async () => {
        entry.end()
        await Promise.race([consumed, this.failed])
      },
      abort: async () => {
        entry.destroy()
      },
    }
  }

  async writeBuffer(path: string, content: Buffer): Promise<void> {
    if (this.failure) throw this.failure
    this.zip.addBuffer(content, `${this.rootName}/${path}`, {
      compress: false,
      mtime: this.mtime,
      mode: 0o100000 | FILE_MODE,
    })
  }

  async commit(): Promise<{ sha256?: string }> {
    if (this.failure) throw this.failure
    // RFC 8493 requires data/ even when it is empty; a ZIP only has it if an entry names it.
    if (!this.hasPayload) this.zip.addEmptyDirectory(`${this.rootName}/data/`, { mtime: this.mtime })
    this.zip.end()
    await Promise.race([this.closed, this.failed])
    if (this.failure) throw this.failure
    await fsyncPath(this.tempPath)
    // link() refuses to replace an existing file, unlike rename(): never clobber a package.
    try {
      await link(this.tempPath, this.destination)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw existsError(this.destination)
      throw err
    }
    await unlink(this.tempPath)
    await fsyncPath(dirname(this.destination))
    return { sha256: this.zipHash.digest('hex') }
  }

  async discard(): Promise<void> {
    this.zip.outputStream.unpipe()
    this.out.destroy()
    await this.closed.catch(() => {})
    await rm(this.tempPath, { force: true })
  }
}

async function writeAt(fh: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  let off = 0
  while (off < chunk.byteLength)
    off += (await fh.write(chunk, off, chunk.byteLength - off, position + off)).bytesWritten
}

function basename(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

async function fsyncPath(path: string): Promise<void> {
  const fh = await open(path, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Throws EvidenceError('invalid-input') when something already exists at path. */
export async function assertAbsent(path: string): Promise<void> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (fh) {
    await fh.close()
    throw existsError(path)
  }
}

function existsError(path: string): EvidenceError {
  return new EvidenceError(
    'invalid-input',
    `${path} already exists; choose a new name so that no earlier package is overwritten.`,
  )
}
