import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import sharp from 'sharp'
import { CaseFile } from '../../src/core/case/case-file'
import { importPaths } from '../../src/core/evidence/import'
import {
  addAnnotation,
  listAnnotations,
  withdrawAnnotation,
} from '../../src/core/annotations/annotation-store'
import { iterateCustodyEvents } from '../../src/core/custody/custody-log'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let itemId: string
beforeEach(async () => {
  tmp = tempDir()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .jpeg()
    .toFile(join(tmp.dir, 'a.jpg'))
  const { results } = await importPaths(file, [join(tmp.dir, 'a.jpg')], {
    actor: OFFICER_A,
    clock: fixedClock(),
  })
  itemId = results[0].id!
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

describe('annotations', () => {
  it('are stored with their author and a custody event, and survive reopening the case', () => {
    const a = addAnnotation(
      file,
      { itemId, type: 'region', anchor: { x: 10, y: 5, w: 20, h: 10 }, note: '排污口' },
      OFFICER_B,
      fixedClock('2026-06-01T00:00:00Z'),
    )
    expect(a).toMatchObject({
      type: 'region',
      anchor: { x: 10, y: 5, w: 20, h: 10 },
      note: '排污口',
      author: OFFICER_B,
      withdrawnAt: null,
    })
    const event = [...iterateCustodyEvents(file.db)].at(-1)!
    expect(event).toMatchObject({
      action: 'annotation-added',
      itemId,
      actor: OFFICER_B,
      details: { annotationId: a.id, number: 'E001' },
    })
    const dir = file.dir
    file.close()
    file = CaseFile.open(dir)
    expect(listAnnotations(file.db, { itemId })).toEqual([a])
  })

  it('are withdrawn, never deleted: the record and the reason stay', () => {
    const a = addAnnotation(
      file,
      { itemId, type: 'region', anchor: { x: 0, y: 0, w: 30, h: 20 } },
      OFFICER_A,
      fixedClock(),
    )
    const w = withdrawAnnotation(file, a.id, '区间标错', OFFICER_A, fixedClock('2026-07-01T00:00:00Z'))
    expect(w).toMatchObject({ withdrawnReason: '区间标错', withdrawnAt: '2026-07-01T00:00:01.000Z' })
    expect(listAnnotations(file.db, { itemId })).toEqual([])
    expect(listAnnotations(file.db, { itemId, includeWithdrawn: true })).toHaveLength(1)
    expect([...iterateCustodyEvents(file.db)].at(-1)).toMatchObject({
      action: 'annotation-withdrawn',
      details: { reason: '区间标错' },
    })
  })

  it('refuses an annotation on an item that does not exist, recording nothing', () => {
    const before = [...iterateCustodyEvents(file.db)].length
    expect(() =>
      addAnnotation(file, { itemId: 'missing', type: 'region', anchor: {} }, OFFICER_A, fixedClock()),
    ).toThrow(/No evidence item/)
    expect([...iterateCustodyEvents(file.db)].length).toBe(before)
  })
})
