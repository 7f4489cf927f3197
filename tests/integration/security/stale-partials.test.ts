import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppData } from '../../../src/core/profile/app-data'
import {
  isStalePartial,
  partialSuffix,
  removeStalePartials,
} from '../../../src/core/package/bagit/partial-output'
import { EVIDESK_BIN, caseInitArgs, evidesk } from '../../support/cli'
import { OFFICER_A } from '../../support/case-fixture'
import { writeRandomFile } from '../../../bench/bench-files'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 14: an export killed with SIGKILL leaves its hidden ".<name>.partial-…" (a
 * package's worth of disk). The next export into that folder, or `check` of the case, removes the
 * stale partials of Evidence Desk's own exports; a partial that a live export is writing is kept.
 */

const REPO = join(__dirname, '..', '..', '..')
let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let caseDir: string
let out: string
beforeEach(() => {
  tmp = tempDir('stale-partials-')
  out = join(tmp.dir, 'out')
  mkdirSync(out)
})
afterEach(() => tmp.cleanup())

/** A case holding one 128 MiB original, so that its export takes long enough to be killed. */
function setUpCase(): void {
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data'), EVIDESK_CHROMIUM: join(tmp.dir, 'no-chromium') }
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
  caseDir = join(tmp.dir, 'case')
  expect(evidesk(caseInitArgs(caseDir), env).code).toBe(0)
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeRandomFile(join(card, 'DSJ_0001.MP4'), 128 << 20)
  expect(evidesk(['import', caseDir, card], env).code).toBe(0)
}

const partials = () => readdirSync(out).filter((n) => n.includes('.partial-'))

/** Starts an export in its own process and kills it (SIGKILL) once its partial output exists. */
async function killedExport(target: string): Promise<void> {
  const child = spawn(process.execPath, [EVIDESK_BIN, 'export', caseDir, target], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  })
  const exited = new Promise((r) => child.once('exit', r))
  let seen = false
  while (!seen && child.exitCode === null) {
    seen = partials().length > 0
    if (!seen) await new Promise((r) => setImmediate(r))
  }
  child.kill('SIGKILL')
  await exited
  expect(seen, 'the export was killed while writing its partial output').toBe(true)
}

describe('which partial outputs are stale', () => {
  it('only ours, from this machine, whose process has ended', async () => {
    const mine = `.pkg.partial-${partialSuffix()}`
    expect(isStalePartial(join(out, mine))).toBe(false) // this process is alive
    const dead = spawn(process.execPath, ['-e', ''])
    await new Promise((r) => dead.once('exit', r))
    const deadName = mine.replace(`-${process.pid}-`, `-${dead.pid}-`)
    expect(isStalePartial(join(out, deadName))).toBe(true)
    expect(isStalePartial(join(out, deadName.replace(/partial-[0-9a-f]{8}/, 'partial-00000000')))).toBe(false)
    expect(isStalePartial(join(out, '.pkg.partial-1234'))).toBe(false)
    mkdirSync(join(out, deadName))
    mkdirSync(join(out, mine))
    expect(await removeStalePartials(out)).toEqual([join(out, deadName)])
    expect(partials()).toEqual([mine])
  })
})

describe('partial exports left by a killed export', () => {
  beforeEach(setUpCase)

  it('are removed by `check`', async () => {
    await killedExport(join(out, 'pkg.zip'))
    expect(partials()).toHaveLength(1)
    const r = evidesk(['check', caseDir], env)
    expect(r.code).toBe(0)
    expect(partials()).toEqual([])
    expect(r.stderr).toMatch(/partial/)
  }, 120_000)

  it('are removed by the next export into the same folder', async () => {
    await killedExport(join(out, 'pkg'))
    expect(partials()).toHaveLength(1)
    expect(evidesk(['export', caseDir, join(out, 'pkg-2')], env).code).toBe(0)
    expect(partials()).toEqual([])
    expect(existsSync(join(out, 'pkg-2', 'bagit.txt'))).toBe(true)
  }, 120_000)
})
