import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { CaseFile } from '../../src/core/case/case-file'
import { checkCase } from '../../src/core/case/integrity'
import { importPaths } from '../../src/core/evidence/import'
import { queryItems } from '../../src/core/evidence/item-repository'
import { fixedClock, randomFile, tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { EVIDESK_BIN } from '../support/cli'

const repo = join(__dirname, '..', '..')

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir()))
afterEach(() => tmp.cleanup())

describe('a killed import', () => {
  it('leaves the case consistent: no row without its object, temp files cleared on the next open', async () => {
    const caseDir = join(tmp.dir, 'case')
    CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock()).close()
    const big = join(tmp.dir, 'FILE0001.MOV')
    randomFile(big, 256 << 20)
    const child = spawn(process.execPath, [EVIDESK_BIN, 'import', caseDir, big, '--actor', '张三:32010001'], {
      cwd: repo,
      stdio: 'ignore',
    })
    const tmpDir = join(caseDir, 'objects', '.tmp')
    // Kill it while the copy is under way: a .part file exists and is growing.
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      // the child clears objects/.tmp when it opens the case: it may briefly not exist
      let parts: string[] = []
      try {
        parts = readdirSync(tmpDir)
      } catch {
        // not there for a moment while the child recreates it
      }
      if (
        parts.length > 0 &&
        (statSync(join(tmpDir, parts[0]), { throwIfNoEntry: false })?.size ?? 0) > 1 << 20
      )
        break
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(readdirSync(tmpDir).length).toBe(1)
    child.kill('SIGKILL')
    await new Promise((r) => child.on('exit', r))

    const file = CaseFile.open(caseDir) // takes over the dead process's lock
    try {
      expect(readdirSync(tmpDir)).toEqual([])
      expect(queryItems(file.db).total).toBe(0)
      const check = await checkCase(file, OFFICER_A, fixedClock())
      expect(check).toMatchObject({ ok: true, custody: { intact: true } })
    } finally {
      file.close()
    }
  })
})

describe('a disk that fills mid-copy', () => {
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0
  it.skipIf(!canMount)('rejects that file, removes its temp, and keeps the case intact', async () => {
    const mnt = join(tmp.dir, 'small-disk')
    mkdirSync(mnt)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt])
    try {
      const caseDir = join(mnt, 'case')
      const file = CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock())
      try {
        const src = join(tmp.dir, 'card')
        mkdirSync(src)
        await sharp({ create: { width: 200, height: 200, channels: 3, background: '#336699' } })
          .jpeg()
          .toFile(join(src, 'a-small.jpg'))
        randomFile(join(src, 'b-huge.mp4'), 8 << 20)
        await sharp({ create: { width: 100, height: 100, channels: 3, background: '#993366' } })
          .jpeg()
          .toFile(join(src, 'c-small.jpg'))
        // one at a time, so which file meets the full disk is certain
        const summary = await importPaths(file, [src], {
          actor: OFFICER_A,
          clock: fixedClock(),
          concurrency: 1,
        })
        const by = Object.fromEntries(summary.results.map((r) => [r.path.split('/').pop(), r]))
        expect(by['a-small.jpg'].status).toBe('imported')
        expect(by['b-huge.mp4']).toMatchObject({
          status: 'rejected',
          error: { message: expect.stringMatching(/disk .* is full/) },
        })
        expect(by['c-small.jpg'].status).toBe('imported')
        expect(readdirSync(file.layout.objectsTmp)).toEqual([])
        expect((await checkCase(file, OFFICER_A, fixedClock())).ok).toBe(true)
      } finally {
        file.close()
      }
    } finally {
      execFileSync('umount', [mnt])
    }
  })
})
