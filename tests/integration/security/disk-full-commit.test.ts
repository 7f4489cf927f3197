import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statfsSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { checkCase } from '../../../src/core/case/integrity'
import { objectPath } from '../../../src/core/case/layout'
import { iterateCustodyEvents, verifyChain } from '../../../src/core/custody/custody-log'
import { importPaths } from '../../../src/core/evidence/import'
import { AppData } from '../../../src/core/profile/app-data'
import { EVIDESK_BIN, caseInitArgs, evidesk } from '../../support/cli'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'

/**
 * Issue 11, item 10: the disk fills up at the moment the database records a file. Each file
 * still gets its own result, the batch ends with one clear sentence, nothing is left in the store
 * that the case does not record; and `check` names objects left by older failures and, when
 * asked, removes them with a custody record.
 */

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('disk-full-')))
afterEach(() => tmp.cleanup())

function storedObjects(caseDir: string): string[] {
  const root = join(caseDir, 'objects', 'sha256')
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name))
      else out.push(relative(root, join(d, e.name)))
    }
  }
  walk(root)
  return out
}

describe('a full disk when the database records a file', () => {
  it('rejects each file that cannot be recorded, removes its copy, and ends the batch with a sentence', async () => {
    const file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      const card = join(tmp.dir, 'card')
      mkdirSync(card)
      for (const n of [1, 2, 3]) writeFileSync(join(card, `IMG_000${n}.bin`), `photo ${n}`.repeat(1000))
      // SQLite's own "database or disk is full" (SQLITE_FULL): the database may not grow by a page
      const pages = file.db.pragma('page_count', { simple: true }) as number
      file.db.pragma(`max_page_count = ${pages}`)
      const summary = await importPaths(file, [card], { actor: OFFICER_A, clock: fixedClock() })
      expect(summary.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
      for (const r of summary.results) expect(r.error?.message).toMatch(/disk holding the case is full/)
      expect(summary.problem).toMatch(/3 file\(s\) could not be recorded/)
      expect(storedObjects(file.dir)).toEqual([])
      expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    } finally {
      file.close()
    }
  })

  it('check names objects the case does not record, and removes them only when asked, on record', async () => {
    const file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
    try {
      const sha = 'ab'.repeat(32)
      mkdirSync(join(objectPath(file.dir, sha), '..'), { recursive: true })
      writeFileSync(objectPath(file.dir, sha), 'left behind by an import that could not record it')
      const seen = await checkCase(file, OFFICER_A, fixedClock())
      expect(seen.orphans).toEqual([{ sha256: sha, size: 49 }])
      expect(storedObjects(file.dir)).toHaveLength(1)
      const removed = await checkCase(file, OFFICER_A, fixedClock(), { removeOrphans: true })
      expect(removed.orphansRemoved).toEqual([{ sha256: sha, size: 49 }])
      expect(storedObjects(file.dir)).toEqual([])
      const event = [...iterateCustodyEvents(file.db)].find((e) => e.action === 'orphans-removed')
      expect(event?.details).toMatchObject({ objects: [{ sha256: sha, size: 49 }] })
    } finally {
      file.close()
    }
  })

  it.skipIf(process.getuid?.() !== 0 || process.platform !== 'linux')(
    'the command line on a really full disk: one JSON line per file, a clear last line, exit 1',
    () => {
      const mnt = join(tmp.dir, 'small-disk')
      mkdirSync(mnt)
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt])
      try {
        const env = { EVIDESK_DATA_DIR: join(tmp.dir, 'data'), EVIDESK_CHROMIUM: join(tmp.dir, 'none') }
        new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
        const caseDir = join(mnt, 'case')
        expect(evidesk(caseInitArgs(caseDir), env).code).toBe(0)
        const card = join(tmp.dir, 'card')
        mkdirSync(card)
        const payload = 256 * 1024
        for (const n of [1, 2, 3, 4]) writeFileSync(join(card, `DSJ_000${n}.bin`), Buffer.alloc(payload, n))
        // leave room for two originals and their temp copies, not for the database to grow as well
        const free = statfsSync(mnt).bavail * statfsSync(mnt).bsize
        execFileSync('fallocate', ['-l', String(free - 2 * payload - 8192), join(mnt, 'filler')])
        const r = spawnSync(process.execPath, [EVIDESK_BIN, 'import', caseDir, card, '--json'], {
          encoding: 'utf8',
          env: { ...process.env, ...env, LANG: 'en_US.UTF-8' },
        })
        const lines = r.stdout.trim().split('\n')
        expect(lines).toHaveLength(4)
        const results = lines.map((l) => JSON.parse(l) as { status: string })
        expect(results.some((x) => x.status === 'rejected')).toBe(true)
        expect(r.stderr).toMatch(/disk holding the case is full/)
        expect(r.status).toBe(1)
      } finally {
        spawnSync('umount', [mnt])
      }
    },
  )
})
