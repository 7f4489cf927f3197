import { EvidenceError } from '../../errors'
import type { BagSource } from './types'

/** More entries than this is treated as an attack on memory rather than a bag. */
export const MAX_BAG_ENTRIES = 2_000_000

/** Reads a whole file from a source, refusing one larger than maxBytes before and while reading. */
export async function readAllBounded(source: BagSource, path: string, maxBytes: number): Promise<Buffer> {
  const entry = (await source.list()).find((f) => f.path === path)
  if (entry && entry.size > maxBytes) {
    throw new EvidenceError(
      'invalid-input',
      `"${path}" is ${entry.size} bytes, more than the ${maxBytes} allowed for a tag file.`,
    )
  }
  const stream = await source.openRead(path)
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      stream.destroy()
      throw new EvidenceError(
        'invalid-input',
        `"${path}" is larger than the ${maxBytes} bytes allowed for a tag file.`,
      )
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
