import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameSize, listJpegSegments, segmentPayload } from '../../src/core/evidence/extract/jpeg-segments'

const MEDIA = '/work/shared/fixtures/media'
const flir = readFileSync(join(MEDIA, 'FLIR.jpg'))

/** A deterministic PRNG so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('listJpegSegments', () => {
  it('lists a real file up to SOS, with offsets that agree with the bytes', () => {
    const list = listJpegSegments(flir)
    expect(list.truncated).toBe(false)
    expect(list.malformed).toBe(false)
    // Layout of FLIR.jpg: APP0 JFIF at 2, APP1 Exif at 20, two FLIR APP1 parts, then tables and SOS at 87807.
    expect(list.segments.slice(0, 4).map((s) => [s.marker, s.offset])).toEqual([
      [0xe0, 2],
      [0xe1, 20],
      [0xe1, 3242],
      [0xe1, 68778],
    ])
    expect(list.sosOffset).toBe(87807)
    expect(list.segments.at(-1)!.marker).toBe(0xda)
    for (const s of list.segments) {
      expect(flir[s.offset]).toBe(0xff)
      expect(flir[s.offset + 1]).toBe(s.marker)
      expect(flir.readUInt16BE(s.offset + 2)).toBe(s.length)
      expect(s.dataLength).toBe(s.length - 2)
    }
    expect(segmentPayload(flir, list.segments[2]).subarray(0, 5).toString('latin1')).toBe('FLIR\0')
    expect(frameSize(flir, list)).toEqual({ width: 480, height: 640 })
  })

  it('reports truncation inside a segment and returns what it read', () => {
    const cut = flir.subarray(0, 5000) // inside the first FLIR APP1 part (3242 + 65536)
    const list = listJpegSegments(cut)
    expect(list.truncated).toBe(true)
    expect(list.malformed).toBe(false)
    expect(list.sosOffset).toBeNull()
    const last = list.segments.at(-1)!
    expect(last.offset).toBe(3242)
    expect(last.truncated).toBe(true)
    expect(last.dataOffset + last.dataLength).toBe(5000)
  })

  it('flags an over-long length that runs into the next segment as malformed', () => {
    const bad = Buffer.from(flir)
    bad.writeUInt16BE(16 + 7, 4) // APP0 claims 7 bytes more than it has: the walk lands mid-segment
    const list = listJpegSegments(bad)
    expect(list.malformed).toBe(true)
    expect(list.segments).toHaveLength(1)
    expect(list.problem).toMatch(/expected a marker/)
  })

  it('flags an over-long length that runs past the buffer as truncated', () => {
    const bad = Buffer.from(flir.subarray(0, 3000))
    bad.writeUInt16BE(65535, 22) // Exif APP1 at 20 now claims 65535 bytes
    const list = listJpegSegments(bad)
    expect(list.truncated).toBe(true)
    expect(list.segments.at(-1)).toMatchObject({
      offset: 20,
      length: 65535,
      dataLength: 3000 - 24,
      truncated: true,
    })
  })

  it('handles no SOI, empty input, fill bytes, standalone markers and lengths below 2', () => {
    expect(listJpegSegments(Buffer.alloc(0))).toMatchObject({ truncated: true, segments: [] })
    expect(listJpegSegments(Buffer.from('GIF89a'))).toMatchObject({ malformed: true, segments: [] })
    // SOI, fill bytes before APP0, a RST0 (standalone), SOS
    const ok = Buffer.from([
      0xff, 0xd8, 0xff, 0xff, 0xff, 0xe0, 0x00, 0x04, 1, 2, 0xff, 0xd0, 0xff, 0xda, 0x00, 0x02,
    ])
    const l = listJpegSegments(ok)
    expect(l.segments.map((s) => [s.marker, s.offset, s.dataLength])).toEqual([
      [0xe0, 4, 2],
      [0xda, 12, 0],
    ])
    expect(l.sosOffset).toBe(12)
    const tiny = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01])
    expect(listJpegSegments(tiny)).toMatchObject({ malformed: true })
    const eoi = Buffer.from([0xff, 0xd8, 0xff, 0xd9])
    expect(listJpegSegments(eoi)).toMatchObject({ malformed: true, problem: expect.stringMatching(/EOI/) })
  })

  it('never throws and never reports bytes outside the buffer on damaged headers', () => {
    const rnd = prng(7)
    const header = flir.subarray(0, 90000)
    for (let k = 0; k < 300; k++) {
      const b = Buffer.from(header.subarray(0, 2 + Math.floor(rnd() * header.length)))
      for (let j = 0; j < 4; j++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256)
      const list = listJpegSegments(b)
      for (const s of list.segments) {
        expect(s.dataOffset + s.dataLength).toBeLessThanOrEqual(b.length)
        expect(s.dataLength).toBeGreaterThanOrEqual(0)
      }
      expect(list.endOffset).toBeLessThanOrEqual(b.length)
    }
  })
})
