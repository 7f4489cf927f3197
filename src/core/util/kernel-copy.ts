import { constants, existsSync } from 'node:fs'
import { copyFile, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

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

/**
 * Copies the file behind `src` to `dest`, which must not exist, with libuv's copyfile: a reflink
 * where the file system shares blocks (FICLONE), else copy_file_range or sendfile. Nothing is
 * verified here: the caller hashes what was written.
 *
 * Used only when the source and `dest` are on one device (`srcDev`): there the copy runs at the
 * speed of the local disk. From another device (a memory card, a USB drive) the slow medium sets
 * the pace anyway, and the buffered copy is kept.
 *
 * A kernel copy cannot be interrupted. On cancel (`signal`) this rejects at once with
 * `cancelled()` and removes `dest`; the kernel finishes that one file's copy in the background
 * into the removed file (its space is freed when it ends), and `dest` is removed again then, in
 * case the copy only created it after the cancel.
 *
 * Resolves true when copied; false when a kernel copy is not possible here (nothing is left at
 * `dest`, and the caller copies through buffers). A full disk rejects (ENOSPC / EDQUOT).
 */
export async function kernelCopy(
  src: FileHandle,
  srcDev: number,
  dest: string,
  opts: { signal?: AbortSignal; cancelled?: () => Error } = {},
): Promise<boolean> {
  if (!procFdUsable) return false
  const destDev = (await stat(dirname(dest)).catch(() => null))?.dev
  if (destDev !== srcDev) return false
  const { signal } = opts
  const cancelled = opts.cancelled ?? (() => new Error('cancelled'))
  if (signal?.aborted) throw cancelled()
  const copying = copyFile(`${PROC_FD}/${src.fd}`, dest, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE)
  let onAbort = (): void => {}
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(cancelled())
    signal?.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([copying, aborted])
    return true
  } catch (err) {
    if (signal?.aborted) {
      void copying.then(
        () => rm(dest, { force: true }),
        () => rm(dest, { force: true }),
      )
      await rm(dest, { force: true })
      throw cancelled()
    }
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EEXIST') throw err
    // e.g. a file system without copy_file_range support for this pair: copy through buffers
    await rm(dest, { force: true })
    return false
  } finally {
    signal?.removeEventListener('abort', onAbort)
    aborted.catch(() => {})
  }
}
