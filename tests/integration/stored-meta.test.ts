/**
 * Per-kind `meta` is typed by zod schemas in shared/kinds. What the import writes today must fit
 * them, and a row another version wrote (a field of another type, an unknown field, JSON that is
 * not an object) must still load, with nothing lost: the export carries it as stored.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { importPaths } from '../../src/core/evidence/import'
import { getItem, queryItems } from '../../src/core/evidence/item-repository'
import { exportCase } from '../../src/core/package/export'
import { OfficerKeys } from '../../src/core/signing/officer-key'
import type { CaseJson } from '../../src/shared/package-types'
import { EVIDENCE_KINDS } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { MEDIA_FIXTURES, SHARED_FIXTURES } from '../support/fixtures'
import {
  makeBodycamMp4,
  makeCemsCsv,
  makeDroneJpeg,
  makeTranscriptDocx,
  makeTranscriptGb18030,
} from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const REAL = join(SHARED_FIXTURES, 'real-world', 'files')
const { dir, cleanup } = tempDir('stored-meta-')
let file: CaseFile

beforeAll(async () => {
  const src = join(dir, 'card')
  mkdirSync(src)
  makeBodycamMp4(src)
  await makeDroneJpeg(src, { fileName: 'DJI_0001.JPG' })
  makeTranscriptGb18030(src)
  await makeTranscriptDocx(src)
  makeCemsCsv(src)
  copyFileSync(join(MEDIA_FIXTURES, 'FLIR.jpg'), join(src, 'FLIR.jpg'))
  copyFileSync(join(MEDIA_FIXTURES, 'DJI_H20T.jpg'), join(src, 'DJI_H20T.jpg'))
  for (const f of [
    'image/iphone_13_pro_max.HEIC',
    'video/karma.mp4',
    'video/RIFF.avi',
    'audio/a01_0023.mp4',
    'text/Big5/_ude_1.txt',
  ])
    copyFileSync(join(REAL, f), join(src, f.replace(/\//g, '_')))
  file = CaseFile.create(join(dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  await importPaths(file, [src], { actor: OFFICER_A, clock: fixedClock() })
})
afterAll(() => {
  file?.close()
  cleanup()
})

describe('stored meta', () => {
  it('the schemas describe what the import writes, for every kind imported', () => {
    const { items } = queryItems(file.db)
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(EVIDENCE_KINDS.filter((k) => k !== 'other')))
    for (const item of items)
      expect({ name: item.originalName, unreadable: item.metaUnreadable }).toEqual({
        name: item.originalName,
        unreadable: undefined,
      })
    const video = items.find((i) => i.kind === 'video' && i.originalName.endsWith('.MP4'))!
    if (video.kind !== 'video') throw new Error('not a video')
    // typed after narrowing on kind: no defensive re-parsing in the reader
    expect(video.meta.videoCodec).toBe('h264')
    expect(video.meta.fps).toBe(25)
  })

  it('loads a row another version wrote, keeping what does not fit aside and exporting it as stored', async () => {
    const { items } = queryItems(file.db)
    const video = items.find((i) => i.kind === 'video' && i.originalName.endsWith('.MP4'))!
    const photo = items.find((i) => i.kind === 'image' && i.originalName === 'DJI_0001.JPG')!
    const odd = {
      container: 'mov,mp4',
      videoCodec: 'h264',
      fps: '25',
      rotation: 'ninety',
      recorderModel: 'DSJ-A8',
    }
    file.db.prepare('UPDATE items SET meta_json = ? WHERE id = ?').run(JSON.stringify(odd), video.id)
    file.db.prepare('UPDATE items SET meta_json = ? WHERE id = ?').run('not json {', photo.id)

    const v = getItem(file.db, video.id)!
    expect(v.meta).toEqual({ container: 'mov,mp4', videoCodec: 'h264', recorderModel: 'DSJ-A8' })
    expect(v.metaUnreadable).toEqual({ fps: '25', rotation: 'ninety' })
    const p = getItem(file.db, photo.id)!
    expect(p.meta).toEqual({})
    expect(p.metaUnreadable).toEqual({ '': 'not json {' })
    // the library still lists every item
    expect(queryItems(file.db).total).toBe(items.length)

    const keys = new OfficerKeys(join(dir, 'appdata'))
    const out = join(dir, 'out')
    await exportCase(file, out, {
      actor: OFFICER_A,
      clock: fixedClock('2026-06-01T00:00:00Z'),
      keys,
      generator: 'test',
    })
    const cj = JSON.parse(readFileSync(join(out, 'data', 'case.json'), 'utf8')) as CaseJson
    const exported = cj.evidence.find((e) => e.id === video.id)!
    expect(exported.meta).toEqual(odd)
    expect('metaUnreadable' in exported).toBe(false)
    expect(cj.evidence.find((e) => e.id === photo.id)!.meta).toBe('not json {')
  })
})
