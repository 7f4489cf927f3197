/**
 * pumpFile hands the file's bytes to its consumer in order, and a pump that follows another
 * reuses its shared buffers (fresh shared memory pays page faults on first touch). A reused
 * buffer must never show the previous file's bytes: a shorter file after a longer one is read
 * exactly.
 */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHUNK_BYTES, pumpFile } from '../../src/core/util/chunk-io'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir> | null = null
afterEach(() => {
  tmp?.cleanup()
  tmp = null
})

/** The bytes pumpFile gives for `path`, copied out of its buffers, and the memory it read them into. */
async function pumped(path: string): Promise<{ bytes: Buffer; memory: Set<ArrayBufferLike> }> {
  const fh = await open(path, 'r')
  const parts: Buffer[] = []
  const memory = new Set<ArrayBufferLike>()
  try {
    const n = await pumpFile(fh, (chunk) => {
      parts.push(Buffer.from(chunk))
      memory.add(chunk.buffer)
    })
    const bytes = Buffer.concat(parts)
    expect(n).toBe(bytes.length)
    return { bytes, memory }
  } finally {
    await fh.close()
  }
}

describe('pumpFile', () => {
  it('a shorter file after a longer one: exact bytes, in the same shared buffers', async () => {
    tmp = tempDir('evidesk-pump-')
    const long = randomBytes(2 * CHUNK_BYTES + 12_345)
    const short = randomBytes(CHUNK_BYTES / 2 + 7)
    writeFileSync(join(tmp.dir, 'long'), long)
    writeFileSync(join(tmp.dir, 'short'), short)
    const first = await pumped(join(tmp.dir, 'long'))
    expect(first.bytes.equals(long)).toBe(true)
    const second = await pumped(join(tmp.dir, 'short'))
    expect(second.bytes.equals(short)).toBe(true)
    // the second pump read into memory the first had used
    expect([...second.memory].every((m) => first.memory.has(m))).toBe(true)
  })
})
