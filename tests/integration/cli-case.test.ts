import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync, truncateSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { hostname } from 'node:os'
import Database from 'better-sqlite3'
import { tempDir } from '../support/temp'
import { AppData } from '../../src/core/profile/app-data'
import { VALID_CREDIT_CODE } from '../support/case-fixture'
import { EVIDESK_BIN, caseInitArgs as initArgs, evidesk } from '../support/cli'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
beforeEach(() => {
  tmp = tempDir()
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data') }
  // `check` records its result as a custody event: it acts as the saved officer, never the OS user
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({
    name: '张三',
    certNo: '32010001',
    unit: '南京市生态环境局',
  })
})
afterEach(() => tmp.cleanup())

describe('evidesk case init / case show / check', () => {
  it('creates a case and prints it as CLI.md describes', () => {
    const dir = join(tmp.dir, 'case')
    const init = evidesk([...initArgs(dir), '--json'], env)
    expect(init.code).toBe(0)
    const created = JSON.parse(init.stdout)
    expect(Object.keys(created).sort()).toEqual(
      [
        'createdAt',
        'creditCode',
        'evidenceCount',
        'id',
        'number',
        'officers',
        'subject',
        'timezone',
        'title',
        'unit',
      ].sort(),
    )
    const show = evidesk(['case', 'show', dir, '--json'], env)
    expect(show.code).toBe(0)
    expect(JSON.parse(show.stdout)).toEqual(created)
    expect(created).toMatchObject({
      subject: '某化工有限公司',
      officers: [
        { name: '张三', certNo: '32010001' },
        { name: '李四', certNo: '32010002' },
      ],
      evidenceCount: 0,
    })
  })

  it.each([
    [
      'one officer',
      (d: string) => ['case', 'init', d, '--number', 'N', '--title', 'T', '--officer', '张三:1'],
      /officers/,
    ],
    [
      'a bad credit code check digit',
      (d: string) => initArgs(d).map((a) => (a === VALID_CREDIT_CODE ? '91350100M000100Y44' : a)),
      /creditCode \(credit-code-check-digit\)/,
    ],
    [
      'an unknown time zone',
      (d: string) => initArgs(d).map((a) => (a === 'Asia/Shanghai' ? 'Asia/Atlantis' : a)),
      /timezone/,
    ],
    [
      'an officer without certificate number',
      (d: string) => initArgs(d).map((a) => (a === '李四:32010002' ? '李四' : a)),
      /<name>:<cert-no>/,
    ],
  ])('exits 2 and names the problem for %s, creating nothing', (_name, args, message) => {
    const dir = join(tmp.dir, 'case')
    const r = evidesk(args(dir), env)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(readdirSync(tmp.dir)).not.toContain('case')
  })

  it('exits 2 for a non-empty folder, a missing case, a locked case and a truncated database', () => {
    const busy = join(tmp.dir, 'busy')
    mkdirSync(busy)
    writeFileSync(join(busy, 'x.txt'), 'x')
    expect(evidesk(initArgs(busy), env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not empty/),
    })
    expect(evidesk(['check', join(tmp.dir, 'missing')], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/does not exist/),
    })

    const dir = join(tmp.dir, 'case')
    expect(evidesk(initArgs(dir), env).code).toBe(0)
    // A live process holds the lock: this test's own process.
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 'now', app: 'test' }),
    )
    expect(evidesk(['check', dir], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(new RegExp(`process ${process.pid}`)),
    })
    writeFileSync(join(dir, '.lock'), '')

    const db = join(dir, 'case.sqlite')
    truncateSync(db, Math.floor(statSync(db).size / 3))
    expect(evidesk(['case', 'show', dir, '--json'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/case\.sqlite/),
    })
  })

  it('check exits 1 and names the seq when a custody row is edited behind the app’s back', () => {
    const dir = join(tmp.dir, 'case')
    expect(evidesk(initArgs(dir), env).code).toBe(0)
    const ok = evidesk(['check', dir, '--json'], env)
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({
      ok: true,
      custody: { events: 1, intact: true, firstBadSeq: null },
    })

    const raw = new Database(join(dir, 'case.sqlite'))
    raw.exec('DROP TRIGGER custody_events_no_update')
    raw.prepare("UPDATE custody_events SET actor_name = '王五' WHERE seq = 1").run()
    raw.close()

    const bad = evidesk(['check', dir, '--json'], env)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, custody: { intact: false, firstBadSeq: 1 } })
    expect(bad.stderr).toMatch(/at event 1\b/)
  })

  it('prints usage and exits 2 for an unknown command or option', () => {
    expect(evidesk(['frobnicate'], env).code).toBe(2)
    expect(evidesk(['check', '--bogus'], env).code).toBe(2)
    expect(
      execFileSync(process.execPath, [EVIDESK_BIN, 'help'], {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('')
  })
})
