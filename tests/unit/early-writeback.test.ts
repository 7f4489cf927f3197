import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EarlyWriteback } from '../../src/core/util/early-writeback'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('early-writeback-')))
afterEach(() => tmp.cleanup())

describe('early write-back of a file being written', () => {
  it('a flush that fails is reported by finish(), not lost (the final fsync would not report it again)', async () => {
    const fh = await open(join(tmp.dir, 'copy.part'), 'wx', 0o600)
    const writeback = new EarlyWriteback(fh)
    await fh.close() // the flush below then fails (EBADF), as a write-back error would
    writeback.wrote(64 << 20)
    await expect(writeback.finish()).rejects.toMatchObject({ code: 'EBADF' })
  })

  it('below the interval nothing is flushed, and finish() resolves', async () => {
    const fh = await open(join(tmp.dir, 'copy.part'), 'wx', 0o600)
    const writeback = new EarlyWriteback(fh)
    await fh.close() // a flush would fail, so a resolved finish() shows none was started
    writeback.wrote((64 << 20) - 1)
    await expect(writeback.finish()).resolves.toBeUndefined()
  })
})
