/**
 * 现场照片 vs 无人机照片 (issue 15): what a reader calls each item, decided at import from its
 * content and stored, classified on read for items recorded before, filtered by SQL, printed in the
 * documents. Real files: the real-world iPhone HEIC and Canon CR3, the DJI thermal R-JPEG, and
 * photos made here with sharp + exiftool (a DJI photo with drone-dji XMP, a phone photo, a photo
 * with only drone XMP, a DJI handheld's photo).
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { buildTransferDocuments } from '../../src/core/documents'
import { importPaths } from '../../src/core/evidence/import'
import { getItem, queryItems } from '../../src/core/evidence/item-repository'
import { searchCase } from '../../src/core/evidence/search'
import type { ImportFileResult } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { REAL_WORLD } from '../support/fixtures'
import { makeBodycamMp4, makeDroneJpeg } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const tmp = tempDir('category-')
let file: CaseFile
const byName = new Map<string, ImportFileResult>()

beforeAll(async () => {
  const media = join(tmp.dir, 'media')
  mkdirSync(media)
  copyFileSync(join(REAL_WORLD, 'files/image/iphone_13_pro_max.HEIC'), join(media, 'IMG_0001.HEIC'))
  copyFileSync(join(REAL_WORLD, 'files/image/CanonRaw.cr3'), join(media, 'IMG_0002.CR3'))
  copyFileSync(join(REAL_WORLD, 'files/thermal/DJI_20220602143532_0191_T.JPG'), join(media, 'DJI_0191_T.JPG'))
  await makeDroneJpeg(media, { fileName: 'DJI_0001.JPG' })
  await makeDroneJpeg(media, {
    fileName: 'phone.jpg',
    make: 'HUAWEI',
    model: 'ELS-AN00',
    drone: null,
    dateTimeOriginal: '2021:05:24 10:16:00',
  })
  // drone XMP alone (the make and model fields blank) is a drone photo
  await makeDroneJpeg(media, { fileName: 'xmp-only.jpg', make: '', model: '', serial: '' })
  // a DJI handheld (Osmo Pocket) does not fly
  await makeDroneJpeg(media, {
    fileName: 'pocket.jpg',
    model: 'OT-210',
    drone: null,
    dateTimeOriginal: '2021:05:24 10:17:00',
  })
  makeBodycamMp4(media)
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  const { results } = await importPaths(file, [media], { actor: OFFICER_A, clock: fixedClock() })
  for (const r of results) byName.set(r.path.split('/').pop()!, r)
}, 120_000)
afterAll(() => {
  file?.close()
  tmp.cleanup()
})

const item = (name: string) => getItem(file.db, byName.get(name)!.id!)!

describe('display categories', () => {
  it('calls a phone or camera photo 现场照片 and a photo with drone XMP or a drone model 无人机照片', () => {
    expect(byName.get('IMG_0001.HEIC')).toMatchObject({
      status: 'imported',
      kind: 'image',
      category: 'scene-photo',
    })
    expect(item('IMG_0001.HEIC').device?.model).toBe('iPhone 13 Pro Max')
    expect(item('IMG_0002.CR3').category).toBe('scene-photo')
    expect(item('phone.jpg').category).toBe('scene-photo')
    expect(item('pocket.jpg').category).toBe('scene-photo')
    expect(item('DJI_0001.JPG')).toMatchObject({ kind: 'image', category: 'drone-photo' })
    expect(item('xmp-only.jpg')).toMatchObject({ kind: 'image', category: 'drone-photo', device: null })
    // thermal stays 红外热成像, whoever flew it
    expect(item('DJI_0191_T.JPG')).toMatchObject({ kind: 'thermal', category: 'thermal' })
    expect(item('20210524_040312_DSJ-A8-00123.MP4')).toMatchObject({
      kind: 'video',
      category: 'bodycam-video',
    })
  })

  it('stores the category in meta at import, so SQL reads it', () => {
    const rows = file.db
      .prepare(
        "SELECT original_name AS name, json_extract(meta_json, '$.category') AS c FROM items ORDER BY ordinal",
      )
      .all() as Array<{ name: string; c: string }>
    expect(Object.fromEntries(rows.map((r) => [r.name, r.c]))).toMatchObject({
      'IMG_0001.HEIC': 'scene-photo',
      'DJI_0001.JPG': 'drone-photo',
      'DJI_0191_T.JPG': 'thermal',
    })
  })

  it('filters the library by category', () => {
    const names = (categories: Parameters<typeof queryItems>[1]) =>
      queryItems(file.db, categories)
        .items.map((i) => i.originalName)
        .sort()
    expect(names({ categories: ['drone-photo'] })).toEqual(['DJI_0001.JPG', 'xmp-only.jpg'])
    expect(names({ categories: ['scene-photo'] })).toEqual([
      'IMG_0001.HEIC',
      'IMG_0002.CR3',
      'phone.jpg',
      'pocket.jpg',
    ])
    expect(names({ categories: ['thermal', 'bodycam-video'] })).toHaveLength(2)
  })

  it('finds items by what they are called, in either language', () => {
    const hits = (q: string) =>
      searchCase(file.db, q)
        .hits.map((h) => h.item.originalName)
        .sort()
    expect(hits('现场照片')).toEqual(['IMG_0001.HEIC', 'IMG_0002.CR3', 'phone.jpg', 'pocket.jpg'])
    expect(hits('Drone photo')).toEqual(['DJI_0001.JPG', 'xmp-only.jpg'])
  })

  it('classifies an item recorded before categories on read, and the filter finds it too', () => {
    // as an earlier version wrote them: no category in meta
    file.db.prepare("UPDATE items SET meta_json = json_remove(meta_json, '$.category')").run()
    expect(item('DJI_0001.JPG').category).toBe('drone-photo')
    expect(item('phone.jpg').category).toBe('scene-photo')
    expect(queryItems(file.db, { categories: ['drone-photo'] }).total).toBe(2)
    // a stored category that belongs to another kind (damaged) is not believed
    file.db
      .prepare("UPDATE items SET meta_json = json_set(meta_json, '$.category', 'bodycam-video') WHERE id = ?")
      .run(byName.get('phone.jpg')!.id)
    expect(item('phone.jpg').category).toBe('scene-photo')
  })

  it('prints the category in the 电子数据提取固定清单 and the documents count by it', () => {
    const docs = buildTransferDocuments(file, { now: new Date('2026-06-02T02:00:00Z'), signer: null })
    const list = docs.find((d) => d.kind === 'electronic-data-list')!.html
    expect(list).toContain('<td>现场照片</td>')
    expect(list).toContain('<td>无人机照片</td>')
    expect(list).toContain('<td>红外热成像</td>')
    expect(list).toContain('<td>执法记录仪视频</td>')
  })
})
