import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDjiRjpeg, readDjiParams } from '../../src/core/evidence/kinds/thermal/dji'
import { MEDIA_FIXTURES } from '../support/fixtures'

const MEDIA = MEDIA_FIXTURES

function truth(name: string): Record<string, unknown> {
  return (
    JSON.parse(readFileSync(join(MEDIA, `${name}.exiftool.json`), 'utf8')) as Array<Record<string, unknown>>
  )[0]
}

/** Where each file keeps its matrix, and the parameters its APP4 holds (decoded by hand from the bytes). */
const CASES = {
  'DJI_H20T.jpg': {
    segment: 'APP3',
    params: {
      layout: 'thermal-params',
      objectDistance: 5,
      relativeHumidity: 0.7,
      emissivity: 1,
      reflectedTempC: 23,
      ambientTempC: 21,
    },
  },
  'DJI_M2EA_0001_R.JPG': {
    segment: 'APP3',
    params: {
      layout: 'thermal-params2',
      ambientTempC: 25,
      objectDistance: 5,
      emissivity: Math.fround(0.95),
      relativeHumidity: 0.5,
      reflectedTempC: 25,
    },
  },
  'DJI_M3T_0002_R.JPG': {
    segment: 'APP3',
    params: {
      layout: 'thermal-params2',
      ambientTempC: 25,
      objectDistance: 5,
      emissivity: Math.fround(0.95),
      relativeHumidity: 0.5,
      reflectedTempC: 25,
    },
  },
  'DJI_M30T_0005_R.JPG': {
    segment: 'APP3',
    params: {
      layout: 'thermal-params3',
      relativeHumidity: 0.6,
      objectDistance: 5,
      emissivity: 0.95,
      reflectedTempC: 23,
    },
  },
  // The XT S keeps a 32 KiB block in APP3 (exiftool calls it ThermalData) and the 640×512 matrix in APP4.
  'DJI_XTS.jpg': { segment: 'APP4', params: undefined },
} as const

describe('parseDjiRjpeg on the fixtures', () => {
  for (const [name, want] of Object.entries(CASES)) {
    it(`${name}: 640×512 matrix in ${want.segment}, relative only, APP4 parameters`, () => {
      const r = parseDjiRjpeg(readFileSync(join(MEDIA, name)))
      const t = truth(name)
      expect(r.warnings).toEqual([])
      expect(r.relativeOnly).toBe(true)
      expect(r.rawSegment).toBe(want.segment)
      expect([r.raw?.width, r.raw?.height]).toEqual([640, 512])
      expect(r.camera).toEqual({ make: t['IFD0:Make'], model: t['IFD0:Model'] })
      expect(r.params).toEqual(want.params)
      if (want.segment === 'APP3') {
        // exiftool's DJI:ThermalData is the same bytes we read as the matrix
        expect(Number(/(\d+) bytes/.exec(String(t['DJI:ThermalData']))![1])).toBe(640 * 512 * 2)
      }
      // a real scene, not a constant or noise: values spread over hundreds of counts
      let lo = 65535
      let hi = 0
      for (const v of r.raw!.data) {
        lo = Math.min(lo, v)
        hi = Math.max(hi, v)
      }
      expect(hi - lo).toBeGreaterThan(200)
      expect(hi - lo).toBeLessThan(20000)
    })
  }

  it("H20T parameters agree with exiftool's DJI tags (which it prints unscaled)", () => {
    const t = truth('DJI_H20T.jpg')
    const p = parseDjiRjpeg(readFileSync(join(MEDIA, 'DJI_H20T.jpg'))).params!
    expect(p.objectDistance).toBe(t['DJI:ObjectDistance'])
    expect(p.relativeHumidity! * 100).toBeCloseTo(Number(t['DJI:RelativeHumidity']), 9)
    expect(p.emissivity! * 100).toBeCloseTo(Number(t['DJI:Emissivity']), 9)
    expect(p.reflectedTempC! * 10).toBeCloseTo(Number(t['DJI:Reflection']), 9)
    expect(p.ambientTempC).toBe(t['DJI:AmbientTemperature'])
  })

  it('readDjiParams ignores unknown APP4 payloads', () => {
    expect(readDjiParams(Buffer.alloc(0))).toBeUndefined()
    expect(readDjiParams(Buffer.alloc(300, 7))).toBeUndefined()
  })
})
