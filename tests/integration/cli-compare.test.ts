/**
 * `evidesk compare` as a script runs it: the tamper comparison of two CEMS exports generated here,
 * the same derived item and windows as the app makes, and bad arguments refused with exit 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppData } from '../../src/core/profile/app-data'
import { OFFICER_A } from '../support/case-fixture'
import { caseInitArgs, evidesk } from '../support/cli'
import { writeComparisonPair } from '../support/comparison-csv'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let caseDir: string

beforeAll(() => {
  tmp = tempDir()
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'data') }
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
  caseDir = join(tmp.dir, 'case')
  expect(evidesk(caseInitArgs(caseDir), env).code).toBe(0)
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeComparisonPair(card)
  expect(evidesk(['import', caseDir, card], env).code).toBe(0)
}, 120_000)

afterAll(() => tmp?.cleanup())

describe('evidesk compare', () => {
  it('compares E001 with E002 over 5 mg/m³ and prints the one window', () => {
    const r = evidesk(
      ['compare', caseDir, 'E001', 'E002', '--threshold', '5', '--reason', '核对平台数据', '--json'],
      env,
    )
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as {
      status: string
      number: string
      windows: Array<{ start: string; end: string; periods: number }>
      counts: { missingB: number; flaggedB: Record<string, number> }
      facts: { en: string[] }
    }
    expect(out.status).toBe('imported')
    expect(out.windows.map((w) => [w.start, w.end, w.periods])).toEqual([
      ['2021-05-24T02:00:00+08:00', '2021-05-24T05:00:00+08:00', 3],
    ])
    expect(out.counts).toMatchObject({ missingB: 1, flaggedB: { D: 1 } })
    expect(r.stderr).toContain(`data comparison ${out.number} made from E001 (A) and E002 (B)`)
    expect(r.stderr).toContain('2021-05-24 02:00–05:00 (3 h, 3 periods)')
  })

  it('refuses a threshold that is not a number and a missing reason, with exit 2', () => {
    const bad = evidesk(['compare', caseDir, 'E001', 'E002', '--threshold', 'five', '--reason', 'x'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--threshold')
    const noReason = evidesk(['compare', caseDir, 'E001', 'E002', '--threshold', '5'], env)
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toContain('--reason')
  })
})
