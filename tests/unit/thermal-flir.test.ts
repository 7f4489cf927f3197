import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { parseFlirJpeg, type FlirThermal } from '../../src/core/evidence/kinds/thermal/flir'
import type { RadiometricParams } from '../../src/core/evidence/kinds/thermal/radiometry'
import { MEDIA_FIXTURES } from '../support/fixtures'

const MEDIA = MEDIA_FIXTURES
const FLIR_FILES = [
  'FLIR.jpg',
  'FLIR_AX8.jpg',
  'FLIR_B60.jpg',
  'FLIR_E40.jpg',
  'FLIR_T640.jpg',
  'DJI_XT2.jpg',
  'DJI_XTR.jpg',
]

/** Ground truth: `exiftool -j -G1 -n` output stored next to each fixture. */
function truth(name: string): Record<string, unknown> {
  return (
    JSON.parse(readFileSync(join(MEDIA, `${name}.exiftool.json`), 'utf8')) as Array<Record<string, unknown>>
  )[0]
}

const TAG_FOR: Record<keyof RadiometricParams, string> = {
  emissivity: 'FLIR:Emissivity',
  objectDistance: 'FLIR:ObjectDistance',
  reflectedTempC: 'FLIR:ReflectedApparentTemperature',
  atmosphericTempC: 'FLIR:AtmosphericTemperature',
  irWindowTempC: 'FLIR:IRWindowTemperature',
  irWindowTransmission: 'FLIR:IRWindowTransmission',
  relativeHumidity: 'FLIR:RelativeHumidity',
  planckR1: 'FLIR:PlanckR1',
  planckB: 'FLIR:PlanckB',
  planckF: 'FLIR:PlanckF',
  planckO: 'FLIR:PlanckO',
  planckR2: 'FLIR:PlanckR2',
  atmTransAlpha1: 'FLIR:AtmosphericTransAlpha1',
  atmTransAlpha2: 'FLIR:AtmosphericTransAlpha2',
  atmTransBeta1: 'FLIR:AtmosphericTransBeta1',
  atmTransBeta2: 'FLIR:AtmosphericTransBeta2',
  atmTransX: 'FLIR:AtmosphericTransX',
}

/** "(Binary data 23497 bytes, …)" → 23497 */
const binaryLength = (v: unknown): number => Number(/Binary data (\d+) bytes/.exec(String(v))?.[1])

/** Our capture instant as exiftool prints FLIR:DateTimeOriginal: local time, ms, ±hh:mm. */
function asExiftoolTime(t: NonNullable<FlirThermal['camera']['capturedAt']>): string {
  const local = new Date(Date.parse(t.utc) + t.offsetMinutes * 60_000).toISOString()
  const sign = t.offsetMinutes < 0 ? '-' : '+'
  const off = Math.abs(t.offsetMinutes)
  const hhmm = `${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`
  return `${local.slice(0, 10).replace(/-/g, ':')} ${local.slice(11, 23)}${sign}${hhmm}`
}

describe('parseFlirJpeg on the fixtures', () => {
  for (const name of FLIR_FILES) {
    describe(name, () => {
      const parsed = parseFlirJpeg(readFileSync(join(MEDIA, name)))
      const t = truth(name)

      it('reads without warnings', () => {
        expect(parsed.warnings).toEqual([])
      })

      it("has calibration parameters equal to exiftool's FLIR tags", () => {
        expect(parsed.params).toBeDefined()
        for (const [key, tag] of Object.entries(TAG_FOR)) {
          const want = Number(t[tag])
          const got = parsed.params![key as keyof RadiometricParams]
          // exiftool prints 15 significant digits of the same float32/int32 values
          expect(Math.abs(got - want), `${key} vs ${tag}`).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(want)),
          )
        }
      })

      it("has exiftool's raw thermal size", () => {
        expect(parsed.raw).toBeDefined()
        expect(parsed.raw!.width).toBe(t['FLIR:RawThermalImageWidth'])
        expect(parsed.raw!.height).toBe(t['FLIR:RawThermalImageHeight'])
        expect(parsed.raw!.data.length).toBe(parsed.raw!.width * parsed.raw!.height)
        expect(parsed.raw!.encoding).toBe(t['FLIR:RawThermalImageType'] === 'PNG' ? 'png' : 'raw-le')
      })

      it('has the camera facts exiftool reads', () => {
        const cam = parsed.camera
        const str = (tag: string): string | undefined =>
          t[tag] === '' || t[tag] === undefined ? undefined : String(t[tag])
        expect(cam.model).toBe(str('FLIR:CameraModel'))
        expect(cam.serialNumber).toBe(str('FLIR:CameraSerialNumber'))
        expect(cam.lensModel).toBe(str('FLIR:LensModel'))
        expect(cam.rawValueMedian).toBe(t['FLIR:RawValueMedian'])
        expect(cam.rawValueRange).toBe(t['FLIR:RawValueRange'])
        expect(asExiftoolTime(cam.capturedAt!)).toBe(t['FLIR:DateTimeOriginal'])
        if (parsed.creator) expect(parsed.creator).toBe(t['FLIR:CreatorSoftware'])
      })

      it('carries the embedded visible image where exiftool finds one', async () => {
        if (t['FLIR:EmbeddedImage'] === undefined) {
          expect(parsed.visible).toBeUndefined()
          return
        }
        const v = parsed.visible!
        expect(v.data.length).toBe(binaryLength(t['FLIR:EmbeddedImage']))
        expect(v.mime).toBe(t['FLIR:EmbeddedImageType'] === 'PNG' ? 'image/png' : 'image/jpeg')
        expect([v.width, v.height]).toEqual([t['FLIR:EmbeddedImageWidth'], t['FLIR:EmbeddedImageHeight']])
        const meta = await sharp(v.data).metadata() // it really is a decodable image of that size
        expect([meta.width, meta.height]).toEqual([v.width, v.height])
        if (v.mime === 'image/png') expect(v.colorModel).toBe('ycbcr')
      })

      it('has GPS exactly when exiftool says GPSValid', () => {
        if (t['FLIR:GPSValid'] === 1) {
          // exiftool prints the float64 degrees to 15 significant digits
          expect(parsed.gps!.latitude).toBeCloseTo(Number(t['FLIR:GPSLatitude']), 12)
          expect(parsed.gps!.longitude).toBeCloseTo(Number(t['FLIR:GPSLongitude']), 12)
          expect(parsed.gps).toMatchObject({
            altitude: t['FLIR:GPSAltitude'],
            mapDatum: t['FLIR:GPSMapDatum'],
          })
        } else {
          expect(parsed.gps).toBeUndefined()
        }
      })
    })
  }

  it('FLIR.jpg is at 49.0107 N 8.4184 E per its own FLIR GPS record', () => {
    const gps = parseFlirJpeg(readFileSync(join(MEDIA, 'FLIR.jpg'))).gps!
    expect(gps.latitude).toBeCloseTo(49.0107, 4)
    expect(gps.longitude).toBeCloseTo(8.4184, 4)
  })

  it('never throws on garbage and says why nothing was read', () => {
    for (const b of [
      Buffer.alloc(0),
      Buffer.from('not a jpeg'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x09, 70, 76, 73, 82, 0, 1, 0]),
    ]) {
      const r = parseFlirJpeg(b)
      expect(r.raw).toBeUndefined()
      expect(r.warnings.length).toBeGreaterThan(0)
    }
  })
})
