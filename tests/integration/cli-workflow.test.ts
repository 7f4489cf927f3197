import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBag } from '../../src/core/package/bagit'
import { caseInitArgs, evidesk } from '../support/cli'
import { makeBodycamMp4, makeTranscriptGb18030 } from '../support/media'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
beforeEach(() => {
  tmp = tempDir('evidesk-cli-workflow-')
  // a machine where the app never ran: an empty data folder, no Chromium needed
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'fresh-data'), EVIDESK_CHROMIUM: '/nonexistent' }
})
afterEach(() => tmp.cleanup())

/** Runs one step of the script; any exit but the expected one fails with the command's words. */
function step(args: string[], expected = 0) {
  const r = evidesk(args, env)
  if (r.code !== expected)
    throw new Error(`evidesk ${args.join(' ')} exited ${r.code}, not ${expected}:\n${r.stderr}\n${r.stdout}`)
  return r
}

describe('a script with no UI, on a fresh machine', () => {
  it('profile set, case init, import, violation add, link, export and verify, all through bin/evidesk.js', async () => {
    const media = join(tmp.dir, 'card')
    mkdirSync(media)
    makeBodycamMp4(media, { durationSec: 3 })
    makeTranscriptGb18030(media)
    const caseDir = join(tmp.dir, 'case-12')
    const out = join(tmp.dir, 'out')
    mkdirSync(out)

    const profile = JSON.parse(
      step(['profile', 'set', '--name', '张三', '--cert', '32010001', '--unit', '南京市生态环境局', '--json'])
        .stdout,
    )
    expect(profile).toEqual({
      name: '张三',
      certNo: '32010001',
      unit: '南京市生态环境局',
      key: { fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String) },
    })
    step(caseInitArgs(caseDir))
    const imported = step(['import', caseDir, media, '--json'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; kind: string; number: string })
    expect(imported.map((l) => [l.status, l.kind]).sort()).toEqual([
      ['imported', 'transcript'],
      ['imported', 'video'],
    ])
    const video = imported.find((l) => l.kind === 'video')!.number
    const v = JSON.parse(
      step([
        'violation',
        'add',
        caseDir,
        '--title',
        '通过旁路烟道逃避监管排放',
        '--basis',
        'air-20-2',
        '--json',
      ]).stdout,
    )
    expect(v.number).toBe('V1')
    step(['link', caseDir, 'V1', video, '--start', '0.5', '--end', '2.5', '--note', '旁路烟道排放画面'])
    const exported = JSON.parse(step(['export', caseDir, join(out, 'case-12.zip'), '--json']).stdout)
    expect(exported).toMatchObject({
      path: join(out, 'case-12.zip'),
      signer: { name: '张三', fingerprint: profile.key.fingerprint },
    })

    // the exporting officer's own machine trusts its own key once it is added to the trusted keys
    const untrusted = evidesk(['verify', exported.path, '--json'], env)
    expect(JSON.parse(untrusted.stdout).signature).toMatchObject({
      present: true,
      valid: true,
      trusted: false,
    })
    step(['key', 'export', join(tmp.dir, 'zhangsan.pem')])
    step(['trust', 'add', join(tmp.dir, 'zhangsan.pem'), '--name', '张三 南京市生态环境局'])
    const verdict = JSON.parse(step(['verify', exported.path, '--json']).stdout)
    expect(verdict).toMatchObject({
      valid: true,
      signature: { present: true, valid: true, trusted: true, fingerprint: profile.key.fingerprint },
      custody: { present: true, intact: true },
      problems: [],
    })

    // `custody --json` prints exactly the lines the package carries
    const source = await openBag(exported.path)
    const packaged = (await source.readFile('data/custody-log.jsonl', 10 << 20)).toString('utf8')
    await source.close()
    expect(step(['custody', caseDir, '--json']).stdout).toBe(packaged)
    const words = step(['custody', caseDir]).stderr
    expect(words).toMatch(/Package exported {2}case-12\.zip: \d+ files, signed by 张三/)
    // the app's own sentences: the link names the range it cites
    expect(words).toMatch(
      /Evidence linked {2}E00\d Time range 2021-05-24 04:03:12\.5–04:03:14\.5 \+08:00.* → V1: 旁路烟道排放画面/,
    )
    expect(readFileSync(exported.path).subarray(0, 2).toString('latin1')).toBe('PK')
  }, 300_000)
})
