import { afterEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { HashPool } from '../../src/core/package/bagit/hasher'
import { BAG_ALGORITHMS } from '../../src/core/package/bagit/types'
import { sharedChunkBuffer } from '../../src/core/util/chunk-io'

const reference = (buf: Buffer, alg: string): string => createHash(alg).update(buf).digest('hex')

let pool: HashPool
afterEach(async () => pool?.close())

describe('multi-algorithm hashing from one pass', () => {
  it('matches node:crypto for every algorithm, on the main thread for small inputs', async () => {
    pool = new HashPool(2)
    const data = randomBytes(100_000)
    const h = pool.create(BAG_ALGORITHMS, data.length)
    for (let off = 0; off < data.length; off += 7_777) await h.update(data.subarray(off, off + 7_777))
    const d = await h.digest()
    for (const alg of BAG_ALGORITHMS) expect(d[alg]).toBe(reference(data, alg))
  })

  it('matches node:crypto when heavy algorithms run on worker threads, across odd chunk sizes and staging-buffer boundaries', async () => {
    pool = new HashPool(2)
    const data = randomBytes(21 << 20)
    const h = pool.create(['sha256', 'sha512', 'md5'], data.length)
    let off = 0
    let step = 1
    while (off < data.length) {
      await h.update(data.subarray(off, off + step))
      off += step
      step = (step * 7 + 12_345) % (3 << 20)
    }
    const d = await h.digest()
    expect(d).toEqual({
      sha256: reference(data, 'sha256'),
      sha512: reference(data, 'sha512'),
      md5: reference(data, 'md5'),
    })
  })

  it('runs several files one after another on the same workers, and an abandoned job leaves no trace', async () => {
    pool = new HashPool(1)
    const a = randomBytes(9 << 20)
    const b = randomBytes(10 << 20)
    const dropped = pool.create(['sha256', 'sha512'], 1 << 30)
    await dropped.update(a)
    dropped.abandon()
    for (const buf of [a, b]) {
      const h = pool.create(['sha256', 'sha512'], buf.length)
      await h.update(buf)
      expect(await h.digest()).toEqual({ sha256: reference(buf, 'sha256'), sha512: reference(buf, 'sha512') })
    }
  })

  it('hashes chunks of shared memory in place, in order with copied ones, reusing each buffer only after its release', async () => {
    pool = new HashPool(2)
    const data = randomBytes(40 << 20)
    const h = pool.create(['sha256', 'sha512', 'md5'], data.length)
    // A reader's three shared buffers, as chunk-io and kernel-copy use them; every fifth chunk
    // arrives in plain memory instead (copied to the workers), so both paths interleave.
    const shared = [0, 1, 2].map(() => sharedChunkBuffer(3 << 20))
    const released: Array<Promise<void>> = shared.map(() => Promise.resolve())
    let off = 0
    for (let i = 0; off < data.length; i++) {
      const piece = data.subarray(off, off + (1 << 20) + ((i * 524_287) % (2 << 20)))
      off += piece.length
      if (i % 5 === 4) {
        await h.update(Buffer.from(piece))
        continue
      }
      const slot = i % 3
      await released[slot]
      piece.copy(shared[slot])
      const held = await h.updateHeld(shared[slot].subarray(0, piece.length))
      released[slot] = held ? held.release : Promise.resolve()
    }
    await Promise.all(released)
    expect(shared[0].buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(await h.digest()).toEqual({
      sha256: reference(data, 'sha256'),
      sha512: reference(data, 'sha512'),
      md5: reference(data, 'md5'),
    })
  })

  it('hashes an empty input', async () => {
    pool = new HashPool(1)
    const h = pool.create(['sha256', 'sha512'], 1 << 30)
    expect(await h.digest()).toEqual({
      sha256: reference(Buffer.alloc(0), 'sha256'),
      sha512: reference(Buffer.alloc(0), 'sha512'),
    })
  })
})
