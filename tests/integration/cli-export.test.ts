import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppData } from '../../src/core/profile/app-data'
import { openBag, verifyBag } from '../../src/core/package/bagit'
import { OfficerKeys } from '../../src/core/signing/officer-key'
import type { CaseJson, ExportResult } from '../../src/shared/package-types'
import { OFFICER_A } from '../support/case-fixture'
import { buildRealisticCase } from '../support/realistic-case'
import { evidesk } from '../support/cli'
import { fixedClock, tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let caseDir: string
let out: string
beforeEach(async () => {
  tmp = tempDir('evidesk-cli-export-')
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data') }
  const rc = await buildRealisticCase(tmp.dir, fixedClock())
  caseDir = rc.file.dir
  rc.file.close()
  out = join(tmp.dir, 'out')
  mkdirSync(out)
}, 60_000)
afterEach(() => tmp.cleanup())

describe('evidesk export', () => {
  it('writes a signed ZIP and prints path, sha256, files, bytes and signer as JSON', async () => {
    new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
    const target = join(out, 'pkg.zip')
    const r = evidesk(['export', caseDir, target, '--violation', 'V1', '--json'], env)
    expect(r.stderr).toMatch(/exported \d+ files/)
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as ExportResult
    const key = new OfficerKeys(env.EVIDESK_DATA_DIR).load(OFFICER_A)
    expect(result).toEqual({
      path: target,
      sha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
      files: expect.any(Number),
      bytes: expect.any(Number),
      signer: { name: '张三', fingerprint: key?.info.fingerprint },
    })
    const source = await openBag(target)
    const verdict = await verifyBag(source)
    const caseJson = JSON.parse(
      (await source.readFile('data/case.json', 10 << 20)).toString('utf8'),
    ) as CaseJson
    await source.close()
    expect(verdict.valid).toBe(true)
    expect(verdict.payloadFiles).toBe(result.files)
    expect(caseJson.violations.map((v) => v.number)).toEqual(['V1'])
    // PDFs when this machine has a Chromium, otherwise HTML only and a word on stderr
    if (caseJson.documents.some((d) => d.pdf === null)) expect(r.stderr).toMatch(/HTML only/)
    else expect(caseJson.documents.every((d) => d.pdf?.endsWith('.pdf'))).toBe(true)
  }, 240_000)

  it('refuses to run without an officer profile (exit 2), writing nothing', () => {
    const r = evidesk(['export', caseDir, join(out, 'pkg.zip'), '--json'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/No officer profile/)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'no-profile' } })
    expect(readdirSync(out)).toEqual([])
  }, 60_000)

  it('names an unknown violation (exit 2)', () => {
    new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
    const r = evidesk(['export', caseDir, join(out, 'bag'), '--violation', 'V9'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/No active violation V9/)
    expect(existsSync(join(out, 'bag'))).toBe(false)
  }, 60_000)
})
