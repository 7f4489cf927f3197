import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { listCustodyEvents } from '../../../src/core/custody/custody-log'
import { AppData } from '../../../src/core/profile/app-data'
import { evidesk, caseInitArgs } from '../../support/cli'
import { OFFICER_A } from '../../support/case-fixture'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 18: a package must not carry the workstation's OS user name or where the officer
 * kept the files (/home/<user>/…, /media/<user>/…). Recording work needs a named officer; the
 * source paths go into case.json only when the officer chooses to record them.
 */

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let card: string
/** stands for the OS user's name in the paths a workstation gives */
const HOME_MARKER = 'os-user-wangwu'
beforeEach(() => {
  tmp = tempDir('package-privacy-')
  // no PDFs: this is about what the package says, and printing takes seconds a document
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data'), EVIDESK_CHROMIUM: join(tmp.dir, 'no-chromium') }
  card = join(tmp.dir, 'media', HOME_MARKER, 'CARD01')
  mkdirSync(join(card, 'DCIM'), { recursive: true })
  writeFileSync(join(card, 'DCIM', 'notes.txt'), '现场检查记录\n')
  expect(evidesk(caseInitArgs(join(tmp.dir, 'case')), env).code).toBe(0)
})
afterEach(() => tmp.cleanup())

/** Every file of a bag folder as text, with its path. */
function bagTexts(dir: string, rel = ''): Array<[string, string]> {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name
    return statSync(join(dir, child)).isDirectory()
      ? bagTexts(dir, child)
      : ([
          [child, readFileSync(join(dir, child), 'latin1') + readFileSync(join(dir, child), 'utf8')],
        ] as Array<[string, string]>)
  })
}

describe('what a package tells about the workstation', () => {
  it('recording work without an officer profile or --actor is refused, not done as the OS user', () => {
    const r = evidesk(['import', join(tmp.dir, 'case'), card, '--json'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/profile/)
    const file = CaseFile.open(join(tmp.dir, 'case'), { readOnly: true })
    try {
      const actors = listCustodyEvents(file.db, 0, 1000).map((e) => e.actor.name)
      expect(actors.length).toBeGreaterThan(0)
      for (const a of actors) expect(a).not.toMatch(/system user/)
    } finally {
      file.close()
    }
  })

  it('carries neither the OS user nor the local source paths unless the officer records them', () => {
    new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
    expect(evidesk(['import', join(tmp.dir, 'case'), card, '--json'], env).code).toBe(0)
    const out = join(tmp.dir, 'out')
    mkdirSync(out)
    const r = evidesk(['export', join(tmp.dir, 'case'), join(out, 'pkg'), '--json'], env)
    expect(r.code).toBe(0)
    const texts = bagTexts(join(out, 'pkg'))
    expect(texts.length).toBeGreaterThan(5)
    for (const [path, text] of texts) {
      expect(text, path).not.toContain(HOME_MARKER)
      expect(text, path).not.toContain('system user')
    }
    const caseJson = JSON.parse(readFileSync(join(out, 'pkg', 'data', 'case.json'), 'utf8'))
    expect(caseJson.evidence[0].sourcePath).toBe('CARD01/DCIM/notes.txt')

    const chosen = evidesk(
      ['export', join(tmp.dir, 'case'), join(out, 'with-paths'), '--source-paths', '--json'],
      env,
    )
    expect(chosen.code).toBe(0)
    const withPaths = JSON.parse(readFileSync(join(out, 'with-paths', 'data', 'case.json'), 'utf8'))
    expect(withPaths.evidence[0].sourcePath).toBe(join(card, 'DCIM', 'notes.txt'))
  })
})
