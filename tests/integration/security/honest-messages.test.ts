import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppData } from '../../../src/core/profile/app-data'
import { EVIDESK_BIN, caseInitArgs, evidesk } from '../../support/cli'
import { OFFICER_A } from '../../support/case-fixture'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 15: what goes wrong with a case folder's permissions is said as it is. A case
 * folder the user may not write is not "damaged"; an objects folder nobody may enter is not
 * "unlink failed for objects/.tmp". Root reads and writes everything, so the command runs as an
 * unprivileged user, as an officer would.
 */

const REPO = join(__dirname, '..', '..', '..')
let tmp: ReturnType<typeof tempDir>
let caseDir: string
let dataDir: string

function asNobody(args: string[]) {
  const r = spawnSync(
    'setpriv',
    ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, EVIDESK_BIN, ...args],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8', HOME: tmp.dir, EVIDESK_DATA_DIR: dataDir },
      timeout: 120_000,
    },
  )
  return { code: r.status, stderr: r.stderr, stdout: r.stdout }
}

beforeEach(() => {
  tmp = tempDir('honest-messages-')
  chmodSync(tmp.dir, 0o755)
  dataDir = join(tmp.dir, 'nobody-data')
  caseDir = join(tmp.dir, 'case')
  expect(evidesk(caseInitArgs(caseDir), { EVIDESK_DATA_DIR: join(tmp.dir, 'root-data') }).code).toBe(0)
  mkdirSync(dataDir)
  new AppData(dataDir).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
  spawnSync('chown', ['-R', 'nobody', caseDir, dataDir])
})
afterEach(() => tmp.cleanup())

describe.skipIf(process.getuid?.() !== 0 || process.platform !== 'linux')(
  'messages about permissions',
  () => {
    it.each([
      ['folder and database', true],
      ['database file', false],
    ])('a case whose %s may not be written is reported as read-only, not as damaged', (_what, folderToo) => {
      chmodSync(join(caseDir, 'case.sqlite'), 0o400)
      if (folderToo) chmodSync(caseDir, 0o500)
      const r = asNobody(['check', caseDir])
      expect(r.code).toBe(2)
      expect(r.stderr).not.toMatch(/damaged|corrupt/i)
      expect(r.stderr).toMatch(/read-only/i)
      expect(r.stderr).toContain(caseDir)
      // looking at it: possible when the folder is writable; otherwise said as it is (SQLite must
      // write case.sqlite-shm beside the database even to read it)
      const list = asNobody(['list', caseDir])
      if (folderToo) {
        expect(list.code).toBe(2)
        expect(list.stderr).not.toMatch(/damaged|corrupt/i)
        expect(list.stderr).toMatch(/read-only/i)
      } else expect(list.code).toBe(0)
    })

    it('an objects folder with no permissions is named, with what to do', () => {
      chmodSync(join(caseDir, 'objects'), 0)
      const r = asNobody(['check', caseDir])
      expect(r.code).toBe(2)
      expect(r.stderr).not.toMatch(/unlink failed/)
      expect(r.stderr).toContain(join(caseDir, 'objects'))
      expect(r.stderr).toMatch(/permission/i)
    })

    it('an objects folder with no permissions does not stop a file from being named in import either', () => {
      const src = join(tmp.dir, 'card')
      mkdirSync(src)
      writeFileSync(join(src, 'a.txt'), 'x')
      chmodSync(join(caseDir, 'objects'), 0)
      const r = asNobody(['import', caseDir, src])
      expect(r.stderr).not.toMatch(/unlink failed/)
      expect(r.stderr).toMatch(/permission/i)
    })
  },
)
