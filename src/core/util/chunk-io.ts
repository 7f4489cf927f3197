import type { FileHandle } from 'node:fs/promises'

/**
 * Reads a file front to back through a few reused buffers, one read ahead of the consumer.
 * A stream allocates a fresh buffer per chunk, and the page faults on that memory cost about as
 * much CPU as sha256 does; reusing buffers removes that cost from every verify and export.
 */

export const CHUNK_BYTES = 4 << 20

/**
 * A buffer to read chunks into, in memory the hash workers (package/bagit/hasher.ts) can read:
 * a chunk read into it is hashed there without being copied (at 1 GiB the copy cost the reading
 * thread about a quarter of a second). Plain memory where shared memory is not available.
 */
export function sharedChunkBuffer(bytes: number): Buffer {
  return typeof SharedArrayBuffer === 'function'
    ? Buffer.from(new SharedArrayBuffer(bytes))
    : Buffer.allocUnsafeSlow(bytes)
}

/**
 * Called with each chunk, valid only until the buffer is released: when consume's promise
 * settles, or, when it resolves to { release } (e.g. a pending write of the chunk), when release
 * settles. (Wrapped in an object because a promise resolved with a promise would wait for it.)
 */
export type ChunkConsumer = (chunk: Buffer) => Promise<{ release: Promise<void> } | void> | void

/**
 * A file another writer is still appending to (a kernel copy in progress), read until the writer
 * has ended: a read that finds nothing new ends the pump only if the writer had already ended
 * when that read was issued.
 */
export interface GrowingFile {
  ended(): boolean
  /** settles when the writer ends; a wait for more bytes is cut short by it */
  settled: Promise<void>
  /** called after every read (throws to stop, e.g. on cancel) */
  check(): void
}

/** How long a pump waits for a growing file to get more bytes before it looks again. */
const GROWTH_POLL_MS = 2

/**
 * Feeds the whole file to consume in order, one read ahead; resolves with the byte count once
 * every release has settled. Three buffers by default: one being read into, one being consumed,
 * one still held (by a write, or by the hash workers).
 */
export async function pumpFile(
  fh: FileHandle,
  consume: ChunkConsumer,
  opts: { buffers?: number; growing?: GrowingFile } = {},
): Promise<number> {
  const { buffers = 3, growing } = opts
  const bufs = takeChunkBuffers(buffers)
  const released: Array<Promise<void>> = bufs.map(() => Promise.resolve())
  let pos = 0
  let slot = 0
  let endedAtIssue = growing?.ended() ?? true
  let next = fh.read(bufs[0], 0, CHUNK_BYTES, 0)
  try {
    for (;;) {
      const { bytesRead } = await next
      growing?.check()
      if (bytesRead === 0) {
        if (endedAtIssue || !growing) break
        await Promise.race([growing.settled, new Promise((r) => setTimeout(r, GROWTH_POLL_MS))])
        endedAtIssue = growing.ended()
        next = fh.read(bufs[slot], 0, CHUNK_BYTES, pos)
        continue
      }
      const chunk = bufs[slot].subarray(0, bytesRead)
      pos += bytesRead
      const ahead = (slot + 1) % buffers
      await released[ahead]
      endedAtIssue = growing?.ended() ?? true
      next = fh.read(bufs[ahead], 0, CHUNK_BYTES, pos)
      const pending = await consume(chunk)
      if (pending) {
        // Awaited before the buffer is reused or at the end; marked handled meanwhile.
        pending.release.catch(() => {})
        released[slot] = pending.release
      }
      slot = ahead
    }
    await Promise.all(released)
    return pos
  } finally {
    // Never let the caller close the handle or reuse memory under an in-flight read or write.
    await Promise.allSettled([next, ...released])
    spareChunkBuffers(bufs)
  }
}

/**
 * Buffer sets of finished pumps, kept for the next one while pumps follow each other. Fresh
 * shared memory pays its page faults on first touch (about 10 ms of CPU per 4 MiB here, three
 * buffers per pump): importing a card of 6 MB photos spent more on that than on hashing them.
 * Dropped after a few idle seconds, so a quiet app does not hold the memory.
 */
const spareSets: Buffer[][] = []
const MAX_SPARE_SETS = 2
const SPARE_KEEP_MS = 5000
let dropSpares: NodeJS.Timeout | null = null

function takeChunkBuffers(count: number): Buffer[] {
  const at = spareSets.findIndex((set) => set.length === count)
  if (at >= 0) return spareSets.splice(at, 1)[0]
  return Array.from({ length: count }, () => sharedChunkBuffer(CHUNK_BYTES))
}

/** Called only once every read and release of the set has settled: nothing refers to it any more. */
function spareChunkBuffers(set: Buffer[]): void {
  if (spareSets.length >= MAX_SPARE_SETS) return
  spareSets.push(set)
  if (dropSpares) dropSpares.refresh()
  else {
    dropSpares = setTimeout(() => {
      spareSets.length = 0
      dropSpares = null
    }, SPARE_KEEP_MS)
    dropSpares.unref()
  }
}
