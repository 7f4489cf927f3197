import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../src/core/evidence/extract/index'
import { makeBodycamMp4, makeDroneJpeg, testFfmpeg } from '../support/media'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('bad-input-')
afterAll(cleanup)

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex')
const extract = (path: string, fileName = basename(path)) =>
  extractFile(path, { caseTimeZone: 'Asia/Shanghai', fileName, sourceMtimeMs: statSync(path).mtimeMs })
const codes = (r: { warnings: Array<{ code: string }> }) => r.warnings.map((w) => w.code)

/** Extracts and checks the original is byte-for-byte unchanged. */
async function extractUnchanged(path: string, fileName?: string) {
  const before = sha(path)
  const r = await extract(path, fileName)
  expect(sha(path)).toBe(before)
  return r
}

/** A copy of `src` with `mutate` applied to its bytes. */
function variant(src: string, name: string, mutate: (b: Buffer) => Buffer): string {
  const out = join(dir, name)
  writeFileSync(out, mutate(Buffer.from(readFileSync(src))))
  return out
}

describe('files that are empty, mislabelled or unreadable', () => {
  it('zero bytes: kind other, an "empty" warning, no throw', async () => {
    const p = join(dir, 'empty.mp4')
    writeFileSync(p, '')
    const r = await extractUnchanged(p)
    expect(r).toMatchObject({ kind: 'other', mime: 'application/x-empty', capturedAt: null })
    expect(codes(r)).toEqual(['empty'])
  })

  it('text named .mp4: kept by content with extension-mismatch naming .txt', async () => {
    const p = join(dir, 'evidence.mp4')
    writeFileSync(p, 'This is not a video, just notes.\n')
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('document')
    expect(codes(r)).toEqual(['extension-mismatch'])
    expect(r.warnings[0].message).toContain('.mp4')
    expect(r.warnings[0].message).toContain('.txt')
  })

  it('a JPEG named .mp4 is still an image, with extension-mismatch naming .jpg', async () => {
    const jpg = variant(await makeDroneJpeg(dir, { fileName: 'photo.jpg' }), 'photo-as-video.mp4', (b) => b)
    const r = await extractUnchanged(jpg)
    expect(r.kind).toBe('image')
    expect(r.warnings[0]).toMatchObject({ code: 'extension-mismatch' })
    expect(r.warnings[0].message).toContain('.jpg')
    expect(r.capturedAtSource).toBe('exif')
  })

  it('random bytes: other, no claims', async () => {
    const p = join(dir, 'blob.bin')
    writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)))
    const r = await extractUnchanged(p)
    expect(r).toMatchObject({ kind: 'other', mime: 'application/octet-stream', warnings: [] })
  })

  it('an OS error is rethrown as is: missing file, directory', async () => {
    await expect(
      extractFile(join(dir, 'nope.jpg'), { caseTimeZone: 'UTC', fileName: 'nope.jpg', sourceMtimeMs: 0 }),
    ).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(
      extractFile(dir, { caseTimeZone: 'UTC', fileName: 'dir', sourceMtimeMs: 0 }),
    ).rejects.toMatchObject({ code: 'EISDIR' })
  })
})

describe('damaged JPEGs', () => {
  let good = ''
  const exifAt = (b: Buffer): number => b.indexOf('Exif\0\0')

  beforeAll(async () => {
    good = await makeDroneJpeg(dir, { fileName: 'good.jpg' })
  })

  it('corrupt EXIF byte order: metadata-unreadable, pixels and size still there', async () => {
    const p = variant(good, 'bad-byte-order.jpg', (b) => {
      b.write('XX', exifAt(b) + 6, 'latin1')
      return b
    })
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('image')
    expect(codes(r)).toContain('metadata-unreadable')
    // exifr still reads the block with the writer's real byte order (MM), so orientation 6 holds;
    // the warning tells the officer the block itself is damaged.
    expect([r.width, r.height]).toEqual([480, 640])
  })

  it('IFD0 offset outside the EXIF block: metadata-unreadable', async () => {
    const p = variant(good, 'bad-ifd.jpg', (b) => {
      b.writeUInt32BE(0x7ffffff0, exifAt(b) + 10)
      return b
    })
    const r = await extractUnchanged(p)
    expect(codes(r)).toContain('metadata-unreadable')
    expect(r.meta.drone).toBeDefined() // XMP is separate and survives
  })

  it('over-long APP1 (length field past the segment): metadata-unreadable, never thrown', async () => {
    const p = variant(good, 'long-app1.jpg', (b) => {
      b.writeUInt16BE(0xfff0, exifAt(b) - 2)
      return b
    })
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('image')
    expect(codes(r)).toContain('metadata-unreadable')
    expect(codes(r)).not.toContain('truncated')
  })

  it('truncated JPEG (no EOI): truncated; size from the frame header', async () => {
    const p = variant(good, 'cut.jpg', (b) => b.subarray(0, Math.floor(b.length * 0.7)))
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('image')
    expect(codes(r)).toEqual(['truncated'])
    expect([r.width, r.height]).toEqual([480, 640])
    expect(r.capturedAt).toBe('2021-05-24T10:15:30+08:00')
  })

  it('data appended after EOI is not truncation', async () => {
    const p = variant(good, 'trailer.jpg', (b) =>
      Buffer.concat([b, Buffer.from('VENDOR-TRAILER-0123456789')]),
    )
    const r = await extractUnchanged(p)
    expect(codes(r)).toEqual([])
    expect(r.meta.trailingData).toBe(true)
  })

  it('truncated PNG (no IEND): truncated', async () => {
    const png = join(dir, 'full.png')
    await sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        background: '#123',
        noise: { type: 'gaussian', mean: 100, sigma: 30 },
      },
    })
      .png()
      .toFile(png)
    const p = variant(png, 'cut.png', (b) => b.subarray(0, Math.floor(b.length / 2)))
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('image')
    expect(codes(r)).toContain('truncated')
  })
})

describe('damaged videos', () => {
  it('moov at the front (faststart) and the media data cut: truncated, metadata still read', async () => {
    const src = makeBodycamMp4(dir, { fileName: 'src.mp4', durationSec: 3 })
    const fast = join(dir, 'faststart.mp4')
    execFileSync(testFfmpeg(), [
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-i',
      src,
      '-c',
      'copy',
      '-metadata',
      'creation_time=2021-05-23T20:03:12Z',
      '-movflags',
      '+faststart',
      fast,
    ])
    const p = variant(fast, '20210524_040312_DSJ-A8-00123.MP4', (b) =>
      b.subarray(0, Math.floor(b.length * 0.5)),
    )
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('video')
    expect(codes(r)).toEqual(['truncated'])
    expect(r.meta.videoCodec).toBe('h264')
    expect(r.capturedAtSource).toBe('container')
  })

  it('an ftyp followed by garbage: kept as video with a warning', async () => {
    const p = join(dir, 'garbage.mp4')
    const ftyp = Buffer.from('\0\0\0\x18ftypisom\0\0\0\0isomavc1', 'latin1')
    writeFileSync(p, Buffer.concat([ftyp, Buffer.alloc(5000, 0x5a)]))
    const r = await extractUnchanged(p)
    expect(r.kind).toBe('video')
    expect(codes(r).some((c) => c === 'truncated' || c === 'metadata-unreadable')).toBe(true)
    expect(r.needsProxy).toBe(true)
  })
})
