import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { objectPath } from '../../../src/core/case/layout'
import { importPaths } from '../../../src/core/evidence/import'
import { itemSources, queryItems } from '../../../src/core/evidence/item-repository'
import { OfficerKeys } from '../../../src/core/signing/officer-key'
import type { ImportFileResult } from '../../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'
import { createHash } from 'node:crypto'

/**
 * Issue 11, item 2: a memory card whose DCIM/IMG_0001.JPG is a link to the officer's signing key
 * must not carry the key into the case (and from there into a signed package). Links that leave
 * the chosen source are reported per file, never followed; the app data folder is never read.
 */

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let dataDir: string
let card: string
let keyFile: string
beforeEach(() => {
  tmp = tempDir('import-links-')
  dataDir = join(tmp.dir, 'app-data')
  new OfficerKeys(dataDir).ensure(OFFICER_A, new Date())
  keyFile = new OfficerKeys(dataDir).keyPath(OFFICER_A)
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  card = join(tmp.dir, 'card')
  mkdirSync(join(card, 'DCIM'), { recursive: true })
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const run = (paths: string[]) =>
  importPaths(file, paths, { actor: OFFICER_A, clock: fixedClock(), forbiddenRoots: [dataDir] })
const byName = (results: ImportFileResult[]) =>
  Object.fromEntries(results.map((r) => [r.path.split('/').pop() as string, r]))
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

describe('import never follows a link out of the chosen source', () => {
  it('a card file linked to the officer’s key is “symbolic link, not imported”, and the key is nowhere in the case', async () => {
    writeFileSync(join(card, 'DCIM', 'IMG_0002.JPG'), 'real photo bytes')
    symlinkSync(keyFile, join(card, 'DCIM', 'IMG_0001.JPG'))
    const { results } = await run([card])
    const r = byName(results)
    expect(r['IMG_0001.JPG']).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/symbolic link, not imported/) },
    })
    expect(r['IMG_0002.JPG'].status).toBe('imported')
    expect(existsSync(objectPath(file.dir, sha(keyFile)))).toBe(false)
    expect(queryItems(file.db, {}).items.map((i) => i.originalName)).toEqual(['IMG_0002.JPG'])
  })

  it('a linked folder outside the card is not walked; a link that stays inside the card is followed', async () => {
    const outside = join(tmp.dir, 'outside')
    mkdirSync(outside)
    writeFileSync(join(outside, 'private.txt'), 'not on the card')
    symlinkSync(outside, join(card, 'DCIM', 'linked-folder'))
    writeFileSync(join(card, 'DCIM', 'IMG_0003.JPG'), 'photo three')
    symlinkSync(join(card, 'DCIM', 'IMG_0003.JPG'), join(card, 'latest.JPG'))
    const { results } = await run([card])
    const r = byName(results)
    expect(r['linked-folder']).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/symbolic link, not imported/) },
    })
    expect(r['private.txt']).toBeUndefined()
    expect(r['IMG_0003.JPG'].status).toBe('imported')
    expect(r['latest.JPG'].status).toBe('duplicate')
    const [item] = queryItems(file.db, {}).items
    expect(itemSources(file.db, item.id).map((s) => s.linkTarget)).toContain(
      join(card, 'DCIM', 'IMG_0003.JPG'),
    )
  })

  it('a link whose target the officer chose too is imported', async () => {
    const elsewhere = join(tmp.dir, 'elsewhere.txt')
    writeFileSync(elsewhere, 'chosen on purpose')
    symlinkSync(elsewhere, join(card, 'DCIM', 'link.txt'))
    const { results } = await run([card, elsewhere])
    const r = byName(results)
    expect(r['link.txt'].status).not.toBe('rejected')
    expect(r['elsewhere.txt'].status).not.toBe('rejected')
  })

  it('the app data folder is never read, even when chosen outright', async () => {
    const { results } = await run([join(dataDir, 'keys'), keyFile])
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      expect(r.status).toBe('rejected')
      expect(r.error?.message).toMatch(/app data folder/)
    }
    expect(existsSync(objectPath(file.dir, sha(keyFile)))).toBe(false)
  })
})
