import { createHash, randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { chmod, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { caseLayout, objectPath } from '../case/layout'
import { EvidenceError } from '../errors'
import { EarlyWriteback } from '../util/early-writeback'
import { sha256File } from '../util/hash-file'
import { KERNEL_COPY_MIN_BYTES, kernelCopyFollowed, type FollowedCopy } from '../util/kernel-copy'

const CHUNK = 4 << 20

export interface StoredObject {
  sha256: string
  size: number
  /** objects/sha256/ab/cd/<sha256> */
  path: string
  /** false when an identical object was already stored (no second copy was kept) */
  created: boolean
  /**
   * Set when an object was stored under this hash but its bytes no longer had it (damaged on
   * disk): the source's bytes, which do, replaced it. What the damaged object was.
   */
  repaired: { size: number; sha256: string | null } | null
  /**
   * The whole content, for a small file, which is read whole: the very bytes hashed and written,
   * so its metadata can be read without opening the object again.
   */
  content?: Buffer
}

/**
 * Copies a source into the case's content-addressed store: a temp file beside the store, hashed,
 * fsynced, renamed into place, made read-only. On the case's own disk the kernel copies
 * (kernel-copy.ts) and the written copy is hashed from the page cache as it is written; from
 * another device the source is read once and hashed while written. Either way the hash is of the
 * bytes stored. The source is opened read-only and never changed. On any failure or cancel the
 * temp file is removed, so nothing half-written ever sits under an object name.
 */
export async function storeObject(
  caseDir: string,
  source: string | Buffer,
  opts: {
    signal?: AbortSignal
    onBytes?: (n: number) => void
    /** the file a walk saw (device and inode): the one opened must be the same, not a link put in its place */
    identity?: { dev: number; ino: number }
    /** how the source is named in messages (its decoded path, when `source` is bytes) */
    label?: string
  } = {},
): Promise<StoredObject> {
  const sourcePath = opts.label ?? source.toString()
  const tmpDir = caseLayout(caseDir).objectsTmp
  await ensureDir(tmpDir)
  const tmp = join(tmpDir, `${randomBytes(8).toString('hex')}.part`)
  const cancelled = (): EvidenceError =>
    new EvidenceError('cancelled', `Import of ${sourcePath} was cancelled.`)
  let src: FileHandle | null = null
  let out: FileHandle | null = null
  // an fsync in flight: awaited (and its failure thrown) before the temp file is renamed or removed
  let syncing: Promise<void> | null = null
  try {
    // O_NOFOLLOW: a link swapped in for the file after the walk is refused, not followed.
    src = await open(source, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    const st = await src.stat()
    if (opts.identity) {
      if (!st.isFile() || st.dev !== opts.identity.dev || st.ino !== opts.identity.ino)
        throw new EvidenceError(
          'io-error',
          `${sourcePath} was replaced by another file while the import was starting; it was not imported. Import it again.`,
        )
    }
    let copied: { sha256: string; size: number }
    let followed: FollowedCopy | null = null
    const hash = createHash('sha256')
    // A small file is read whole and hashed first: when the case already holds it (a re-import),
    // nothing is written at all, and a duplicate costs a read, a hash and a lookup.
    const whole = st.size < KERNEL_COPY_MIN_BYTES ? await readWhole(src, st.size) : null
    if (whole) {
      if (opts.signal?.aborted) throw cancelled()
      const sha256 = createHash('sha256').update(whole).digest('hex')
      opts.onBytes?.(whole.length)
      const final = objectPath(caseDir, sha256)
      if (await holdsIntact(final, sha256, whole.length, opts.signal))
        return { sha256, size: whole.length, path: final, created: false, repaired: null, content: whole }
      out = await openTemp(tmp, tmpDir)
      await writeFully(out, whole)
      copied = { sha256, size: whole.length }
    } else if (
      st.size >= KERNEL_COPY_MIN_BYTES &&
      (followed = await kernelCopyFollowed(
        src,
        st.dev,
        tmp,
        (chunk) => {
          hash.update(chunk)
          opts.onBytes?.(chunk.length)
        },
        { signal: opts.signal, cancelled },
      ))
    ) {
      // What is hashed is what was written: the copy is read back (from the page cache) as the
      // kernel writes it, and the disk flushes it while the last chunks are hashed.
      out = followed.handle
      syncing = followed.syncing
      copied = { sha256: hash.digest('hex'), size: followed.size }
    } else {
      out = await openTemp(tmp, tmpDir)
      copied = await copyThroughBuffers(src, out, opts.signal, opts.onBytes, cancelled)
    }
    const { sha256, size } = copied
    const final = objectPath(caseDir, sha256)
    const existing = await stat(final).catch(() => null)
    let repaired: StoredObject['repaired'] = null
    if (existing) {
      // The size alone proves nothing: a flipped bit keeps it. Only a stored object that still
      // has its hash is kept; a damaged one is replaced by these bytes, which have it (item 11).
      const actual = await sha256File(final, { signal: opts.signal }).catch(() => null)
      if (opts.signal?.aborted) throw cancelled()
      if (existing.size === size && actual === sha256) {
        // A duplicate: its copy is dropped unsynced; it cost a read, a hash and a lookup.
        await syncing?.catch(() => undefined)
        syncing = null
        await out.close()
        out = null
        await rm(tmp, { force: true })
        return { sha256, size, path: final, created: false, repaired: null }
      }
      repaired = { size: existing.size, sha256: actual }
    }
    await (syncing ?? out.sync())
    syncing = null
    await out.close()
    out = null
    // owner-only and read-only: an original is never rewritten, and no other local user reads it
    // (a file written through our own descriptor was created 0400; the kernel copy gives the file
    // the source's mode, so it is set here)
    if (followed) await chmod(tmp, 0o400)
    await ensureDir(dirname(final))
    await rename(tmp, final).catch(async (e: NodeJS.ErrnoException) => {
      // the shard folder went away since it was made (a cleanup): made again, once
      if (e.code !== 'ENOENT') throw e
      await ensureDir(dirname(final), true)
      await rename(tmp, final)
    })
    await syncDir(dirname(final))
    return {
      sha256,
      size,
      path: final,
      created: existing === null,
      repaired,
      ...(whole ? { content: whole } : {}),
    }
  } catch (err) {
    await syncing?.catch(() => undefined)
    await out?.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw asStoreError(err, sourcePath)
  } finally {
    await src?.close().catch(() => undefined)
  }
}

/**
 * Folders of case stores known to exist: an import of thousands of small files would otherwise
 * ask for the temp folder and each shard folder once per file (two mkdir calls of ~17 per file).
 */
const madeDirs = new Set<string>()
/** A case has at most 65,536 shard folders; a long-running app forgets them all past this many. */
const MADE_DIRS_KEPT = 200_000

async function ensureDir(dir: string, again = false): Promise<void> {
  if (madeDirs.has(dir) && !again) return
  await mkdir(dir, { recursive: true, mode: 0o700 })
  if (madeDirs.size >= MADE_DIRS_KEPT) madeDirs.clear()
  madeDirs.add(dir)
}

/**
 * A new temp file, created owner read-only: the descriptor opened with it may still write (the
 * mode binds later opens), so the stored object never needs a chmod. Its folder is made again
 * when it went away since it was last made.
 */
async function openTemp(tmp: string, tmpDir: string): Promise<FileHandle> {
  try {
    return await open(tmp, 'wx', 0o400)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    await ensureDir(tmpDir, true)
    return open(tmp, 'wx', 0o400)
  }
}

/**
 * The whole content of a file expected to hold `size` bytes, read from its start; null when it
 * holds more (it grew since it was looked at): the caller then copies it chunk by chunk.
 */
async function readWhole(fh: FileHandle, size: number): Promise<Buffer | null> {
  const buf = Buffer.allocUnsafe(size + 1)
  let got = 0
  for (;;) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, got)
    if (bytesRead === 0) return buf.subarray(0, got)
    got += bytesRead
    if (got === buf.length) return null
  }
}

/** Whether the object at `final` exists with exactly this size and hash (a damaged one does not count). */
async function holdsIntact(
  final: string,
  sha256: string,
  size: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const existing = await stat(final).catch(() => null)
  if (existing?.size !== size) return false
  return (await sha256File(final, { signal }).catch(() => null)) === sha256
}

/**
 * The copy where a kernel copy is not possible (from another device, or below the size where it
 * pays): read, hash and write with two buffers, so while one chunk is written (in libuv's thread
 * pool) the next is read and hashed, and cancel is checked between chunks.
 */
async function copyThroughBuffers(
  src: FileHandle,
  out: FileHandle,
  signal: AbortSignal | undefined,
  onBytes: ((n: number) => void) | undefined,
  cancelled: () => Error,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  const writeback = new EarlyWriteback(out)
  let size = 0
  let writing: Promise<void> = Promise.resolve()
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
  try {
    for (let turn = 0; ; turn ^= 1) {
      if (signal?.aborted) throw cancelled()
      const buf = buffers[turn]
      const { bytesRead } = await src.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      const chunk = buf.subarray(0, bytesRead)
      hash.update(chunk)
      await writing
      writing = writeFully(out, chunk).then(() => writeback.wrote(chunk.length))
      // Its failure (a full disk) surfaces at the next `await writing`; until then it is handled
      // here, so it never counts as an unhandled rejection while the next chunk is being read.
      writing.catch(() => undefined)
      size += bytesRead
      onBytes?.(bytesRead)
    }
    await writing
  } finally {
    await writing.catch(() => undefined) // never close the file under a write still in flight
    await writeback.finish().catch(() => undefined)
  }
  await writeback.finish() // a failed early flush fails the copy (the final fsync would not report it)
  return { sha256: hash.digest('hex'), size }
}

async function writeFully(fh: FileHandle, chunk: Buffer): Promise<void> {
  let off = 0
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off)
    off += bytesWritten
  }
}

/** fsync the folder so the rename itself survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

function asStoreError(err: unknown, sourcePath: string): unknown {
  if (err instanceof EvidenceError) return err
  const code = (err as NodeJS.ErrnoException)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new EvidenceError(
      'io-error',
      `The disk holding the case is full; ${sourcePath} was not imported and its partial copy was removed. Free space and import it again.`,
      { cause: err },
    )
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new EvidenceError(
      'io-error',
      `${sourcePath} cannot be read (permission denied). Check its permissions and import it again.`,
      { cause: err },
    )
  }
  if (code === 'ENOENT')
    return new EvidenceError('not-found', `${sourcePath} no longer exists.`, { cause: err })
  if (code === 'ELOOP')
    return new EvidenceError(
      'io-error',
      `${sourcePath} became a symbolic link while the import was starting; it was not followed or imported.`,
      { cause: err },
    )
  if (code === 'EISDIR')
    return new EvidenceError('invalid-input', `${sourcePath} is a folder.`, { cause: err })
  return new EvidenceError(
    'io-error',
    `Reading or copying ${sourcePath} failed (${code ?? 'unknown error'}).`,
    { cause: err },
  )
}
