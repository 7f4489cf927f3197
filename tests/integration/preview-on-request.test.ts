/**
 * An image's 1600 px preview is made the first time someone looks, not at import (issue 16: a
 * card of drone photos waited mostly for previews). What a user relies on is checked through the
 * real Backend on a real case: the thumbnail is there at once and upright, the preview is served
 * on the first request (upright, at most 1600 px), recorded as ready, made once however many
 * requests arrive together, and the original is untouched. A real DJI thermal R-JPEG from another
 * device goes the same way.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/core/api/backend'
import { derivedDir, objectPath } from '../../src/core/case/layout'
import type { EvidenceItem } from '../../src/shared/types'
import { backendWithCase, type BackendWithCase } from '../support/backend-case'
import { tempDir } from '../support/temp'

const DJI = '/work/shared/fixtures/media/DJI_M30T_0005_R.JPG'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let caseDir: string
let call: BackendWithCase['call']

async function itemNamed(name: string): Promise<EvidenceItem> {
  const { items } = await call<{ items: EvidenceItem[] }>('evidence:list', {})
  const found = items.find((i) => i.originalName === name)
  if (!found) throw new Error(`${name} was not imported`)
  return found
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

beforeAll(async () => {
  tmp = tempDir('evidesk-preview-')
  ;({ backend, caseDir, call } = await backendWithCase(tmp.dir))
  // a camera photo stored landscape (4000×3000) with EXIF orientation 6: shown portrait
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#4a7a3a' } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .toFile(join(tmp.dir, 'portrait.jpg'))
  copyFileSync(DJI, join(tmp.dir, 'DJI_M30T_0005_R.JPG'))
  await call('import:start', { paths: [join(tmp.dir, 'portrait.jpg'), join(tmp.dir, 'DJI_M30T_0005_R.JPG')] })
  await backend.idle()
})

afterAll(async () => {
  await backend.dispose()
  tmp.cleanup()
})

describe('an image preview made on first request', () => {
  it('after import: an upright thumbnail, and the preview waiting for its first look', async () => {
    const photo = await itemNamed('portrait.jpg')
    expect(photo.derived).toEqual({ thumb: 'ready', preview: 'on-request' })
    expect(readdirSync(derivedDir(caseDir, photo.sha256))).toEqual(['thumb.jpg'])
    const thumb = await sharp(join(derivedDir(caseDir, photo.sha256), 'thumb.jpg')).metadata()
    expect([thumb.width, thumb.height]).toEqual([240, 320])
    expect(await backend.mediaFile(photo.id, 'thumb')).not.toBeNull()
  })

  it('the first request makes it, upright and at most 1600 px; requests that arrive together get the same file', async () => {
    const photo = await itemNamed('portrait.jpg')
    const original = sha256(objectPath(caseDir, photo.sha256))
    const served = await Promise.all([1, 2, 3].map(() => backend.mediaFile(photo.id, 'preview')))
    const paths = new Set(served.map((m) => m?.path))
    expect(paths.size).toBe(1)
    const [first] = served
    expect(first).toMatchObject({ mime: 'image/jpeg' })
    const meta = await sharp(first!.path).metadata()
    expect([meta.width, meta.height]).toEqual([1200, 1600])
    // nothing half-made is left beside it, the record says ready, and the original is unchanged
    expect(readdirSync(derivedDir(caseDir, photo.sha256)).sort()).toEqual(['preview.jpg', 'thumb.jpg'])
    expect((await itemNamed('portrait.jpg')).derived).toEqual({ thumb: 'ready', preview: 'ready' })
    expect(sha256(objectPath(caseDir, photo.sha256))).toBe(original)
    // a later request serves the same file without making it again
    const made = statSync(first!.path)
    expect((await backend.mediaFile(photo.id, 'preview'))?.path).toBe(first!.path)
    const after = statSync(first!.path)
    expect([after.ino, after.mtimeMs]).toEqual([made.ino, made.mtimeMs])
  })

  it("another device's thermal R-JPEG: the same, its preview no larger than the picture", async () => {
    const thermal = await itemNamed('DJI_M30T_0005_R.JPG')
    expect(thermal.kind).toBe('thermal')
    expect(thermal.derived.preview).toBe('on-request')
    const source = await sharp(DJI).metadata()
    const preview = await backend.mediaFile(thermal.id, 'preview')
    const meta = await sharp(preview!.path).metadata()
    expect([meta.width, meta.height]).toEqual([source.width, source.height])
    expect((await itemNamed('DJI_M30T_0005_R.JPG')).derived.preview).toBe('ready')
  })
})
