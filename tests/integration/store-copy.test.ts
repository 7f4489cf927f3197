import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { objectPath } from '../../src/core/case/layout'
import { importPaths } from '../../src/core/evidence/import'
import { fixedClock, randomFile, tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'

/**
 * Originals of 1 MiB and more on the case's own disk are copied by the kernel and hashed as
 * written (src/core/util/kernel-copy.ts); the store's guarantees are the same as for the
 * buffered copy: the hash is of the stored bytes, the object is read-only, nothing is left
 * under a temp or final name on failure, and a duplicate leaves no second copy.
 */

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('store-copy-')))
afterEach(() => tmp.cleanup())

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const run = (file: CaseFile, paths: string[]) =>
  importPaths(file, paths, { actor: OFFICER_A, clock: fixedClock('2026-05-25T00:00:00Z') })

/** Each of `originals` is in the store exactly, read-only, under its SHA-256; no temp file is left. */
function expectStoredReadOnly(file: CaseFile, originals: Buffer[]): void {
  for (const bytes of originals) {
    const stored = objectPath(file.dir, sha256(bytes))
    expect(readFileSync(stored).equals(bytes)).toBe(true)
    expect(statSync(stored).mode & 0o777).toBe(0o400)
  }
  expect(readdirSync(join(file.dir, 'objects', '.tmp'))).toEqual([])
}

describe('storing a large original on the same disk', () => {
  it('stores the bytes exactly, read-only, under their SHA-256; a second copy is a duplicate with nothing left over', async () => {
    const card = join(tmp.dir, 'card')
    mkdirSync(card)
    const bytes = randomBytes(5 * 1024 * 1024 + 123)
    writeFileSync(join(card, 'DSJ_0001.MP4'), bytes)
    writeFileSync(join(card, 'DSJ_0001 copy.MP4'), bytes)
    const file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      expect(statSync(card).dev).toBe(statSync(file.dir).dev)
      const summary = await run(file, [card])
      const statuses = summary.results.map((r) => r.status).sort()
      expect(statuses).toEqual(['duplicate', 'imported'])
      const imported = summary.results.find((r) => r.status === 'imported')
      expect(imported?.sha256).toBe(sha256(bytes))
      expect(imported?.size).toBe(bytes.length)
      expectStoredReadOnly(file, [bytes])
    } finally {
      file.close()
    }
  })

  it('a copy larger than the early write-back interval (64 MiB) is stored exactly, its hash that of the source', async () => {
    const card = join(tmp.dir, 'card-large')
    mkdirSync(card)
    const source = join(card, 'DSJ_0004.MP4')
    randomFile(source, 150 << 20)
    const file = CaseFile.create(join(tmp.dir, 'case-large'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      const summary = await run(file, [card])
      const expected = sha256(readFileSync(source))
      expect(summary.results.map((r) => [r.status, r.sha256])).toEqual([['imported', expected]])
      const stored = objectPath(file.dir, expected)
      expect(sha256(readFileSync(stored))).toBe(expected)
      expect(statSync(stored).mode & 0o777).toBe(0o400)
      expect(readdirSync(join(file.dir, 'objects', '.tmp'))).toEqual([])
    } finally {
      file.close()
    }
  })

  it('a cancel during the kernel copy ends the import at once: cancelled, no item, no object', async () => {
    const card = join(tmp.dir, 'card-big')
    mkdirSync(card)
    randomFile(join(card, 'DSJ_0003.MP4'), 256 << 20)
    const file = CaseFile.create(join(tmp.dir, 'case-cancel'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      const ac = new AbortController()
      const importing = importPaths(file, [card], {
        actor: OFFICER_A,
        clock: fixedClock(),
        signal: ac.signal,
        // the copy has started once the walk has reported the batch
        onProgress: (p) => p.filesTotal === 1 && p.currentFile !== null && ac.abort(),
      })
      const summary = await importing
      expect(summary.cancelled).toBe(true)
      expect(summary.results.filter((r) => r.status === 'imported')).toEqual([])
      expect(readdirSync(join(file.dir, 'objects', 'sha256'))).toEqual([])
    } finally {
      file.close()
    }
  })

  it.skipIf(process.getuid?.() !== 0 || process.platform !== 'linux')(
    'a disk that fills up during the copy: the file is rejected as "disk full", and no temp or object is left',
    async () => {
      const mnt = join(tmp.dir, 'small-disk')
      mkdirSync(mnt)
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt])
      try {
        // source and case on the one small disk, so the kernel copy is the one that fails
        const card = join(mnt, 'card')
        mkdirSync(card)
        writeFileSync(join(card, 'DSJ_0002.MP4'), randomBytes(3 * 1024 * 1024))
        const file = CaseFile.create(join(mnt, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
        try {
          const free = statfsSync(mnt).bavail * statfsSync(mnt).bsize
          // room for a third of the copy only
          execFileSync('fallocate', ['-l', String(free - 1024 * 1024), join(mnt, 'filler')])
          const summary = await run(file, [card])
          expect(summary.results).toHaveLength(1)
          expect(summary.results[0].status).toBe('rejected')
          expect(summary.results[0].error?.message).toMatch(/disk holding the case is full/)
          expect(readdirSync(join(file.dir, 'objects', '.tmp'))).toEqual([])
          expect(readdirSync(join(file.dir, 'objects', 'sha256'))).toEqual([])
        } finally {
          file.close()
        }
      } finally {
        spawnSync('umount', [mnt])
      }
    },
  )
})

describe('storing small originals', () => {
  it('stores each read-only under its hash, and again after the temp folder was removed between imports', async () => {
    const card = join(tmp.dir, 'notes')
    mkdirSync(card)
    const first = randomBytes(3000)
    const second = randomBytes(5000)
    writeFileSync(join(card, 'a.txt'), first)
    const file = CaseFile.create(join(tmp.dir, 'case-small'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      expect((await run(file, [join(card, 'a.txt')])).results.map((r) => r.status)).toEqual(['imported'])
      // the temp folder goes away between imports, as a cleanup may leave it
      rmSync(join(file.dir, 'objects', '.tmp'), { recursive: true })
      writeFileSync(join(card, 'b.txt'), second)
      const summary = await run(file, [join(card, 'b.txt')])
      expect(summary.results.map((r) => r.status)).toEqual(['imported'])
      expectStoredReadOnly(file, [first, second])
    } finally {
      file.close()
    }
  })
})
