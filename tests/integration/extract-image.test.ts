import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../src/core/evidence/extract/index'
import { kindModule } from '../../src/core/evidence/kinds/registry'
import { exiftoolJson, makeDroneJpeg } from '../support/media'
import { tempDir } from '../support/temp'
import { MEDIA_FIXTURES } from '../support/fixtures'

const FIXTURES = MEDIA_FIXTURES
const ZONE = 'Asia/Shanghai'
const { dir, cleanup } = tempDir('extract-image-')
afterAll(cleanup)

const extract = (path: string, zone = ZONE) =>
  extractFile(path, { caseTimeZone: zone, fileName: basename(path), sourceMtimeMs: statSync(path).mtimeMs })

type Tags = Record<string, unknown>
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v))

/** exiftool's instant: DateTimeOriginal + OffsetTimeOriginal → epoch ms. */
function exiftoolInstant(t: Tags): number {
  const [d, time] = String(t['ExifIFD:DateTimeOriginal']).split(' ')
  return Date.parse(`${d.replace(/:/g, '-')}T${time}${t['ExifIFD:OffsetTimeOriginal']}`)
}

describe('drone JPEG written by exiftool', () => {
  it('matches exiftool -j -n field by field (orientation 6, offset, GPS, drone-dji XMP)', async () => {
    const path = await makeDroneJpeg(dir)
    const t = exiftoolJson(path)
    const r = await extract(path)
    expect(r.kind).toBe('image')
    expect(r.mime).toBe(t['File:MIMEType'])
    // Orientation 6: displayed size is the stored size turned a quarter.
    expect(t['IFD0:Orientation']).toBe(6)
    expect(r.width).toBe(t['File:ImageHeight'])
    expect(r.height).toBe(t['File:ImageWidth'])
    expect(r.device).toEqual({
      make: t['IFD0:Make'],
      model: t['IFD0:Model'],
      serial: t['ExifIFD:SerialNumber'],
      id: null,
    })
    expect(r.capturedAtSource).toBe('exif')
    expect(r.utcOffset).toBe(t['ExifIFD:OffsetTimeOriginal'])
    expect(Date.parse(r.capturedAt!)).toBe(exiftoolInstant(t))
    expect(r.capturedAt).toBe('2021-05-24T10:15:30+08:00')
    expect(r.gps!.lat).toBeCloseTo(num(t['Composite:GPSLatitude']), 6)
    expect(r.gps!.lon).toBeCloseTo(num(t['Composite:GPSLongitude']), 6)
    expect(r.gps!.alt).toBeCloseTo(num(t['Composite:GPSAltitude']), 3)
    const drone = r.meta.drone as Record<string, number>
    const pairs: Array<[string, string]> = [
      ['absoluteAltitude', 'AbsoluteAltitude'],
      ['relativeAltitude', 'RelativeAltitude'],
      ['gimbalYaw', 'GimbalYawDegree'],
      ['gimbalPitch', 'GimbalPitchDegree'],
      ['gimbalRoll', 'GimbalRollDegree'],
      ['flightYaw', 'FlightYawDegree'],
      ['flightPitch', 'FlightPitchDegree'],
      ['flightRoll', 'FlightRollDegree'],
    ]
    for (const [ours, theirs] of pairs) expect(drone[ours], ours).toBe(num(t[`XMP-drone-dji:${theirs}`]))
    expect(typeof t['XMP-drone-dji:GimbalYawDegree']).toBe('string') // written as "+32.50", as DJI does
    expect(r.warnings).toEqual([])
  })

  it('southern/western hemisphere and below sea level are signed', async () => {
    const path = await makeDroneJpeg(dir, {
      fileName: 'south.jpg',
      orientation: 1,
      gps: { lat: -20.2327963, lon: -43.4913761, alt: -29.4 },
    })
    const t = exiftoolJson(path)
    const r = await extract(path)
    expect(r.gps!.lat).toBeCloseTo(num(t['Composite:GPSLatitude']), 6)
    expect(r.gps!.lon).toBeCloseTo(num(t['Composite:GPSLongitude']), 6)
    expect(t['GPS:GPSAltitudeRef']).toBe(1)
    expect(r.gps!.alt).toBeCloseTo(-num(t['GPS:GPSAltitude']), 3)
    expect([r.width, r.height]).toEqual([t['File:ImageWidth'], t['File:ImageHeight']])
  })

  it('a time without offset takes the case zone and warns offset-assumed', async () => {
    const path = await makeDroneJpeg(dir, {
      fileName: 'nooffset.jpg',
      offset: null,
      dateTimeOriginal: '2021:07:01 08:00:00',
    })
    const r = await extract(path, 'America/New_York')
    expect(r.capturedAt).toBe('2021-07-01T08:00:00-04:00')
    expect(r.utcOffset).toBe('-04:00')
    expect(r.warnings.map((w) => w.code)).toEqual(['offset-assumed'])
    expect(r.warnings[0].message).toContain('America/New_York')
  })

  it('no EXIF at all: filesystem time with time-from-filesystem', async () => {
    const path = join(dir, 'plain.png')
    await sharp({ create: { width: 50, height: 30, channels: 3, background: '#000' } })
      .png()
      .toFile(path)
    const r = await extract(path)
    expect(r).toMatchObject({
      kind: 'image',
      mime: 'image/png',
      width: 50,
      height: 30,
      capturedAtSource: 'filesystem',
      gps: null,
      device: null,
    })
    expect(Date.parse(r.capturedAt!)).toBe(Math.floor(statSync(path).mtimeMs))
    expect(r.warnings.map((w) => w.code)).toEqual(['time-from-filesystem'])
  })

  it('thumbnails apply orientation and fit 320 / 1600 px', async () => {
    const path = await makeDroneJpeg(dir, { fileName: 'big.jpg', width: 2000, height: 1000 })
    const out = join(dir, 'derived-big')
    const th = await kindModule('image').pictures!.make({ path }, out, {})
    expect(th.problem).toBeNull()
    const a = await sharp(th.files.thumb!).metadata()
    const b = await sharp(th.files.preview!).metadata()
    expect([a.width, a.height]).toEqual([160, 320]) // portrait after orientation 6
    expect([b.width, b.height]).toEqual([800, 1600])
    expect(readdirSync(out).sort()).toEqual(['preview.jpg', 'thumb.jpg']) // no temp files left
  })
})

describe('real thermal JPEGs (fixtures, read-only)', () => {
  const files = readdirSync(FIXTURES).filter((f) => /\.jpe?g$/i.test(f))
  for (const f of files) {
    it(`${f}: kind, size, device, time and GPS agree with its .exiftool.json`, async () => {
      const path = join(FIXTURES, f)
      const t = (JSON.parse(readFileSync(`${path}.exiftool.json`, 'utf8')) as Tags[])[0]
      const r = await extract(path)
      expect(r.kind).toBe('thermal')
      expect(r.meta.thermal).toMatchObject({
        format: /^FLIR/.test(String(t['IFD0:Make'])) || t['IFD0:Model'] === 'FLIR' ? 'flir' : 'dji',
      })
      expect([r.width, r.height]).toEqual([t['File:ImageWidth'], t['File:ImageHeight']])
      expect(r.device?.make).toBe(t['IFD0:Make'])
      expect(r.device?.model).toBe(t['IFD0:Model'])
      if (t['ExifIFD:SerialNumber'] !== undefined)
        expect(r.device?.serial).toBe(String(t['ExifIFD:SerialNumber']))
      // EXIF has no offset in any of them. A FLIR camera record with a zone other than 0 gives
      // the instant; otherwise the case zone is assumed, and said so (a zone of 0 is also what
      // an unset camera writes).
      const flir = /^(\d{4}):(\d{2}):(\d{2}) (\S+?)([+-]\d{2}:\d{2})$/.exec(
        String(t['FLIR:DateTimeOriginal']),
      )
      if (flir && flir[5] !== '+00:00') {
        expect(r.capturedAt).toBe(`${flir[1]}-${flir[2]}-${flir[3]}T${flir[4]}${flir[5]}`)
        expect(r.warnings.map((w) => w.code)).not.toContain('offset-assumed')
      } else {
        const exifTime = String(t['Composite:SubSecDateTimeOriginal'] ?? t['ExifIFD:DateTimeOriginal'])
        const [d, time] = exifTime.split(' ')
        expect(r.capturedAt).toBe(`${d.replace(/:/g, '-')}T${time}+08:00`)
        expect(r.warnings.map((w) => w.code)).toContain('offset-assumed')
      }
      if (t['Composite:GPSLatitude'] !== undefined) {
        expect(r.gps!.lat).toBeCloseTo(num(t['Composite:GPSLatitude']), 6)
        expect(r.gps!.lon).toBeCloseTo(num(t['Composite:GPSLongitude']), 6)
        if (t['GPS:GPSAltitude'] !== undefined) {
          const sign = t['GPS:GPSAltitudeRef'] === 1 ? -1 : 1
          expect(r.gps!.alt).toBeCloseTo(sign * num(t['GPS:GPSAltitude']), 3)
        } else expect(r.gps!.alt).toBeNull()
      } else {
        expect(r.gps).toBeNull()
      }
      if (t['XMP-drone-dji:GimbalYawDegree'] !== undefined) {
        const drone = r.meta.drone as Record<string, number>
        expect(drone.gimbalYaw).toBeCloseTo(num(t['XMP-drone-dji:GimbalYawDegree']), 5)
        expect(drone.absoluteAltitude).toBeCloseTo(num(t['XMP-drone-dji:AbsoluteAltitude']), 5)
      }
    })
  }

  it('thermal thumbnails are made from the stored visible JPEG', async () => {
    const th = await kindModule('thermal').pictures!.make(
      { path: join(FIXTURES, 'FLIR.jpg') },
      join(dir, 'derived-flir'),
      {},
    )
    const m = await sharp(th.files.thumb!).metadata()
    expect([m.width, m.height]).toEqual([240, 320])
  })
})
