import { constants, existsSync } from 'node:fs'
import { copyFile, open, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { pumpFile, type ChunkConsumer } from './chunk-io'
import { EarlyWriteback } from './early-writeback'

/**
 * Copies inside the kernel rather than through this process's buffers. Reading into a buffer and
 * writing it out again costs two memory copies per byte and, measured on the 2-core machine, three
 * to five times the CPU of `cp` (which uses copy_file_range); that is most of the gap between an
 * import or export and `cp` + `sync` (issue 16).
 */

/** Below this a plain read and write is as cheap as the extra opens of a kernel copy. */
export const KERNEL_COPY_MIN_BYTES = 1 << 20

// The already-open source is named by its /proc link, so the file copied is the one opened and
// checked (device and inode), never whatever a path names by the time the copy starts.
const PROC_FD = '/proc/self/fd'
const procFdUsable = process.platform === 'linux' && existsSync(PROC_FD)

export interface FollowedCopy {
  /** bytes copied, each of them read back from `dest` and given to `consume` */
  size: number
  /** `dest`, open for reading and writing; the caller closes it */
  handle: FileHandle
  /** the fsync of `dest`, started when the copy ended; the caller awaits it before a rename */
  syncing: Promise<void>
}

/**
 * Copies the file behind `src` to `dest` (which must not exist) in the kernel, and meanwhile reads
 * `dest` back as it grows, giving every written byte, in order, to `consume`: hashing the copy
 * overlaps the copy itself, and what is hashed is what was written (read from the page cache).
 * libuv's copyfile makes a reflink where the file system shares blocks (FICLONE), else uses
 * copy_file_range or sendfile; each writes the file front to back and moves its end only past
 * bytes already written, so everything below the end the reader sees is final. `dest` is created
 * here first (owner-only, exclusively) and the copy writes into that same file.
 *
 * Used only when the source and `dest` are on one device (`srcDev`): there the copy runs at the
 * speed of the local disk. From another device (a memory card, a USB drive) the slow medium sets
 * the pace anyway, and the caller copies through buffers.
 *
 * A kernel copy cannot be interrupted. On cancel (`signal`) this rejects at once with
 * `cancelled()` and removes `dest`; the kernel finishes that one file's copy in the background
 * into the removed file (its space is freed when it ends), and `dest` is removed again then.
 *
 * Resolves null when a kernel copy is not possible here (nothing is left at `dest` and nothing was
 * consumed). A full disk rejects (ENOSPC / EDQUOT), as does any failure after bytes were consumed;
 * on every rejection `dest` is removed.
 */
export async function kernelCopyFollowed(
  src: FileHandle,
  srcDev: number,
  dest: string,
  consume: ChunkConsumer,
  opts: { signal?: AbortSignal; cancelled?: () => Error; mode?: number } = {},
): Promise<FollowedCopy | null> {
  if (!procFdUsable) return null
  const destDev = (await stat(dirname(dest)).catch(() => null))?.dev
  if (destDev !== srcDev) return null
  const { signal } = opts
  const cancelled = opts.cancelled ?? (() => new Error('cancelled'))
  if (signal?.aborted) throw cancelled()
  const handle = await open(dest, 'wx+', opts.mode ?? 0o600)
  // Not COPYFILE_EXCL: `dest` is the file just created, and libuv copies into it (it truncates
  // it, still empty, and takes the source's mode, which the caller sets again).
  const copying = copyFile(`${PROC_FD}/${src.fd}`, dest, constants.COPYFILE_FICLONE)
  let copied = false
  let failure: unknown = null
  const settled = copying.then(
    () => void (copied = true),
    (e: unknown) => void (failure = e),
  )
  // counted as the bytes are given to `consume`, not when the pump ends: a copy that fails after
  // some were (and so were hashed) must not fall back to a second copy fed to the same consumer
  let consumed = 0
  const writeback = new EarlyWriteback(handle)
  try {
    await pumpFile(
      handle,
      (chunk) => {
        consumed += chunk.length
        writeback.wrote(chunk.length) // the copy has written at least this far
        return consume(chunk)
      },
      {
        growing: {
          ended: () => copied || failure !== null,
          settled,
          check: () => {
            if (signal?.aborted) throw cancelled()
          },
        },
      },
    )
    if (failure) throw failure
    const syncing = writeback.finish().then(() => handle.sync())
    syncing.catch(() => {}) // awaited by the caller
    return { size: consumed, handle, syncing }
  } catch (err) {
    await writeback.finish().catch(() => {})
    await handle.close().catch(() => {})
    if (signal?.aborted) {
      // the copy may still be writing: remove the file now and again when it ends
      void settled.then(() => rm(dest, { force: true }))
      await rm(dest, { force: true })
      throw cancelled()
    }
    await settled
    await rm(dest, { force: true })
    const code = (err as NodeJS.ErrnoException).code
    const fatal = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EEXIST'
    // e.g. a file system without a kernel copy for this pair: the caller copies through buffers
    if (err === failure && !fatal && consumed === 0) return null
    throw err
  }
}
