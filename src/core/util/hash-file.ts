import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** SHA-256 (hex) of a file, streamed in 1 MiB reads; honours an AbortSignal. */
export async function sha256File(
  path: string,
  opts: { signal?: AbortSignal; onBytes?: (n: number) => void } = {},
): Promise<string> {
  const hash = createHash('sha256')
  const stream = createReadStream(path, { highWaterMark: 1 << 20, signal: opts.signal })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk)
    opts.onBytes?.(chunk.length)
  }
  return hash.digest('hex')
}
