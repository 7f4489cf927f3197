import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { detectThermalJpeg } from '../../src/core/evidence/kinds/thermal/detect'
import { MEDIA_FIXTURES } from '../support/fixtures'

const MEDIA = MEDIA_FIXTURES
const HEAD = 2 * 1024 * 1024

const EXPECTED: Record<string, 'flir' | 'dji'> = {
  'FLIR.jpg': 'flir',
  'FLIR_AX8.jpg': 'flir',
  'FLIR_B60.jpg': 'flir',
  'FLIR_E40.jpg': 'flir',
  'FLIR_T640.jpg': 'flir',
  'DJI_XT2.jpg': 'flir', // Zenmuse XT2: FLIR APP1 data in a DJI file
  'DJI_XTR.jpg': 'flir', // Zenmuse XT radiometric: same
  'DJI_XTS.jpg': 'dji',
  'DJI_H20T.jpg': 'dji',
  'DJI_M2EA_0001_R.JPG': 'dji',
  'DJI_M3T_0002_R.JPG': 'dji',
  'DJI_M30T_0005_R.JPG': 'dji',
}

const head = (name: string): Buffer => readFileSync(join(MEDIA, name)).subarray(0, HEAD)

describe('detectThermalJpeg', () => {
  it('covers all 12 fixtures', () => {
    const onDisk = readFileSync(join(MEDIA, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+\*?/)[1])
    expect(onDisk.sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [name, format] of Object.entries(EXPECTED)) {
    it(`${name} → ${format}`, () => {
      expect(detectThermalJpeg(head(name))).toBe(format)
    })
  }

  it('says null for a plain JPEG, a non-JPEG and empty input', async () => {
    const plain = await sharp({ create: { width: 640, height: 512, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'DJI', Model: 'FC6310' } })
      .toBuffer()
    expect(detectThermalJpeg(plain)).toBeNull()
    expect(detectThermalJpeg(Buffer.from('%PDF-1.7\n'))).toBeNull()
    expect(detectThermalJpeg(Buffer.alloc(0))).toBeNull()
  })

  it('still says dji for an R-JPEG cut inside its raw matrix (so the reader can warn)', () => {
    const h20t = head('DJI_H20T.jpg')
    expect(detectThermalJpeg(h20t.subarray(0, 300_000))).toBe('dji')
    // …but not when too little is left to be sure
    expect(detectThermalJpeg(h20t.subarray(0, 30_000))).toBeNull()
  })

  it('still says flir when only the first FLIR part survived', () => {
    expect(detectThermalJpeg(head('FLIR_T640.jpg').subarray(0, 20_000))).toBe('flir')
  })
})
