import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { checkCase } from '../../../src/core/case/integrity'
import { objectPath } from '../../../src/core/case/layout'
import { iterateCustodyEvents, verifyChain } from '../../../src/core/custody/custody-log'
import { importPaths } from '../../../src/core/evidence/import'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'

/**
 * Issue 11, item 11: a stored original damaged on disk (a flipped bit, a truncation) is repaired
 * by importing its genuine source again: the store checks the existing object's hash, not only its
 * size, replaces it with the source's bytes when those have the recorded hash, and records it.
 */

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let card: string
beforeEach(() => {
  tmp = tempDir('object-repair-')
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeFileSync(join(card, 'DSJ_0001.MP4'), Buffer.alloc(100_000, 7))
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const run = () => importPaths(file, [card], { actor: OFFICER_A, clock: fixedClock('2026-06-01T00:00:00Z') })

function damage(path: string, how: 'flip' | 'truncate'): void {
  chmodSync(path, 0o600)
  const bytes = readFileSync(path)
  if (how === 'flip') bytes[5000] ^= 0xff
  writeFileSync(path, how === 'flip' ? bytes : bytes.subarray(0, 60_000))
  chmodSync(path, 0o400)
}

describe('a damaged original is repaired by importing its genuine source again', () => {
  it.each(['flip', 'truncate'] as const)(
    '%s: replaced, recorded as a repair, and the check passes again',
    async (how) => {
      const [first] = (await run()).results
      const obj = objectPath(file.dir, first.sha256!)
      damage(obj, how)
      const broken = await checkCase(file, OFFICER_A, fixedClock('2026-06-02T00:00:00Z'))
      expect(broken.objects.bad).toEqual([
        expect.objectContaining({ number: 'E001', problem: 'hash-mismatch' }),
      ])

      const [again] = (await run()).results
      expect(again).toMatchObject({ status: 'duplicate', number: 'E001' })
      expect(readFileSync(obj)).toEqual(readFileSync(join(card, 'DSJ_0001.MP4')))
      const repair = [...iterateCustodyEvents(file.db)].find((e) => e.action === 'object-repaired')
      expect(repair).toMatchObject({
        itemId: first.id,
        details: expect.objectContaining({ sha256: first.sha256 }),
      })
      const ok = await checkCase(file, OFFICER_A, fixedClock('2026-06-03T00:00:00Z'))
      expect(ok.ok).toBe(true)
      expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    },
  )
})
