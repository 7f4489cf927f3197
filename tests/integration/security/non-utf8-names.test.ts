import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { listCustodyEvents } from '../../../src/core/custody/custody-log'
import { importPaths } from '../../../src/core/evidence/import'
import { queryItems } from '../../../src/core/evidence/item-repository'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'

/**
 * Issue 11, item 9: a Windows-formatted card names files in GBK. Such names are not UTF-8, so a
 * walk by strings loses them ("no longer exists (ENOENT)"). They are walked and opened by their
 * bytes, recorded with those bytes, and shown decoded, saying which decoding was used.
 */

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let card: string
beforeEach(() => {
  tmp = tempDir('non-utf8-')
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  card = join(tmp.dir, 'card')
  mkdirSync(card)
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const bytePath = (...parts: Array<string | Buffer>): Buffer =>
  Buffer.concat(parts.flatMap((p, i) => [...(i ? [Buffer.from('/')] : []), Buffer.from(p)]))

describe.skipIf(process.platform !== 'linux')('file names that are not UTF-8', () => {
  it('a GBK-named 询问笔录.txt, and a file in a GBK-named folder, are imported and shown decoded as GB18030', async () => {
    const name = iconv.encode('询问笔录.txt', 'gbk')
    const folder = iconv.encode('执法记录', 'gbk')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(name)).toThrow()
    writeFileSync(bytePath(card, name), '问：你叫什么名字？\n答：王五。\n')
    mkdirSync(bytePath(card, folder))
    writeFileSync(bytePath(card, folder, 'DSJ_0001.txt'), 'body-cam notes')

    const { results } = await importPaths(file, [card], { actor: OFFICER_A, clock: fixedClock() })
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
    const items = queryItems(file.db, { sort: 'number' }).items
    const names = items.map((i) => i.originalName).sort()
    expect(names).toEqual(['DSJ_0001.txt', '询问笔录.txt'].sort())
    const transcript = items.find((i) => i.originalName === '询问笔录.txt')!
    // from the chosen folder down (issue 11, item 18), decoded
    expect(transcript.sourcePath).toBe('card/询问笔录.txt')
    const warning = transcript.warnings.find((w) => w.code === 'name-not-utf8')
    expect(warning?.message).toMatch(/GB18030/)
    expect(warning?.message).toContain(name.toString('hex'))
    const inFolder = items.find((i) => i.originalName === 'DSJ_0001.txt')!
    expect(inFolder.sourcePath).toBe('card/执法记录/DSJ_0001.txt')
    expect(inFolder.warnings.map((w) => w.code)).toContain('name-not-utf8')

    const event = listCustodyEvents(file.db, 0, 100, transcript.id).find((e) => e.action === 'imported')
    expect(event?.details).toMatchObject({ nameBytes: name.toString('hex'), nameEncoding: 'gb18030' })
  })
})
