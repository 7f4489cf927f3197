import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppData } from '../../../src/core/profile/app-data'
import { caseInitArgs, evidesk } from '../../support/cli'
import { OFFICER_A } from '../../support/case-fixture'
import { buildCustodyPackage } from '../../support/custody-package'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 16: names come from strangers. A name with CR, LF, an escape sequence or a
 * right-to-left override must not rewrite the officer's terminal or disguise a file in a package:
 * human output escapes them, case.json keeps the original name, the package file gets a safe one.
 */

// "invoice" + RLO + "gpj.exe" shows as "invoiceexe.jpg"; CR LF fakes a line; ESC[2J clears a terminal
const HOSTILE = 'invoice\u202Egpj.exe\r\nE999 imported        fake\u001b[2J.txt'
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
beforeEach(() => {
  tmp = tempDir('control-chars-')
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data'), EVIDESK_CHROMIUM: join(tmp.dir, 'no-chromium') }
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
})
afterEach(() => tmp.cleanup())

describe.skipIf(process.platform === 'win32')('control characters in names', () => {
  it('are escaped in human output, kept in case.json, and replaced in the package’s file name', () => {
    const caseDir = join(tmp.dir, 'case')
    expect(evidesk(caseInitArgs(caseDir), env).code).toBe(0)
    const card = join(tmp.dir, 'card')
    mkdirSync(card)
    writeFileSync(join(card, HOSTILE), 'payload')
    const imported = evidesk(['import', caseDir, card], env)
    expect(imported.code).toBe(0)
    expect(imported.stderr).not.toMatch(RAW)
    expect(imported.stderr).toContain('\\u202e')
    expect(imported.stderr).toContain('\\r\\n')
    // the faked "E999 imported" stays inside the real line, after the name's start
    const faked = imported.stderr.split('\n').filter((l) => l.includes('E999'))
    expect(faked).toHaveLength(1)
    expect(faked[0]).toMatch(/^E001 .*invoice\\u202egpj\.exe\\r\\nE999/)

    const listed = evidesk(['list', caseDir], env)
    expect(listed.stderr).not.toMatch(RAW)
    expect(listed.stderr).toContain('\\x1b[2J')

    const out = join(tmp.dir, 'out')
    mkdirSync(out)
    expect(evidesk(['export', caseDir, join(out, 'pkg')], env).code).toBe(0)
    const [name] = readdirSync(join(out, 'pkg', 'data', 'evidence'))
    expect(name).not.toMatch(RAW)
    expect(name).not.toMatch(/[\r\n]/)
    const caseJson = JSON.parse(readFileSync(join(out, 'pkg', 'data', 'case.json'), 'utf8'))
    expect(caseJson.evidence[0].originalName).toBe(HOSTILE)
  })

  it('in a package under verification are escaped in what verify prints', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    writeFileSync(join(pkg.path, 'data', HOSTILE), 'planted')
    const r = evidesk(['verify', pkg.path, '--trust', pkg.key.fingerprint], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/extra-file/)
    expect(r.stderr).not.toMatch(RAW)
  })
})
