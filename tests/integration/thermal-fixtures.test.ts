/**
 * Thermal reading on the real fixtures, checked against an independent reference (exiftool's
 * extraction + the textbook formula), against what the cameras printed on their own screens,
 * and on corrupt variants generated here from the fixtures (which are never modified).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDjiRjpeg } from '../../src/core/evidence/kinds/thermal/dji'
import { parseFlirJpeg } from '../../src/core/evidence/kinds/thermal/flir'
import {
  readThermal,
  regionStats,
  thermalFromBytes,
  toCelsius,
  type ThermalReading,
} from '../../src/core/evidence/kinds/thermal/reading'
import { EXIFTOOL, flirReferences, type ReferenceFrame } from '../support/flir-reference'
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
const DJI_FILES = [
  'DJI_H20T.jpg',
  'DJI_M2EA_0001_R.JPG',
  'DJI_M3T_0002_R.JPG',
  'DJI_M30T_0005_R.JPG',
  'DJI_XTS.jpg',
]
const CODES = ['thermal-segment-missing', 'thermal-truncated', 'thermal-size-mismatch', 'metadata-unreadable']
const run = promisify(execFile)

let tmp: string
let refs: Map<string, ReferenceFrame>
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'thermal-fixtures-'))
  // One exiftool run for all calibrations and one for all raw images (start-up is ~0.5 s each).
  refs = await flirReferences(
    FLIR_FILES.map((n) => join(MEDIA, n)),
    tmp,
  )
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const fixture = (name: string): Buffer => readFileSync(join(MEDIA, name))
const codes = (r: ThermalReading): string[] => r.warnings.map((w) => w.code)

describe('FLIR temperatures agree with the independent reference', () => {
  const rows: Array<Record<string, string | number>> = []
  afterAll(() => console.table(rows))

  for (const name of FLIR_FILES) {
    it(name, async () => {
      const ours = await readThermal(join(MEDIA, name))
      const ref = refs.get(join(MEDIA, name))!
      expect(ours.warnings).toEqual([])
      const t = ours.meta.thermal!
      expect(t.format).toBe('flir')
      expect([t.rawWidth, t.rawHeight]).toEqual([ref.width, ref.height])
      expect(Math.abs(t.minC! - ref.minC)).toBeLessThan(0.5)
      expect(Math.abs(t.maxC! - ref.maxC)).toBeLessThan(0.5)
      // stronger than the brief asks: same raw counts as exiftool, and every pixel within 0.01 °C
      const parsed = parseFlirJpeg(fixture(name))
      expect(Buffer.from(parsed.raw!.data.buffer).equals(Buffer.from(ref.raw.buffer))).toBe(true)
      const { celsius } = toCelsius(parsed.raw!.data, parsed.params!)
      let worst = 0
      for (let i = 0; i < celsius.length; i++) worst = Math.max(worst, Math.abs(celsius[i] - ref.celsius[i]))
      expect(worst).toBeLessThan(0.01)
      rows.push({
        file: name,
        'ours min °C': t.minC!.toFixed(3),
        'ref min °C': ref.minC.toFixed(3),
        'ours max °C': t.maxC!.toFixed(3),
        'ref max °C': ref.maxC.toFixed(3),
        'worst pixel Δ °C': worst.toExponential(1),
      })
    })
  }
})

describe("agreement with the cameras' own on-screen readings (burned into each main JPEG)", () => {
  const frame = (name: string) => {
    const p = parseFlirJpeg(fixture(name))
    return { c: toCelsius(p.raw!.data, p.params!).celsius, w: p.raw!.width, h: p.raw!.height }
  }

  it('FLIR E40: "Spot 20.9 °C" at its spot tool (Meas1 at 80,60), with window, distance and humidity set', () => {
    const { c, w, h } = frame('FLIR_E40.jpg')
    expect(Math.abs(regionStats(c, w, h, { kind: 'spot', x: 80, y: 60 })!.meanC - 20.9)).toBeLessThan(0.1)
  })

  it('FLIR AX8: "max 25.5, min 24.3, avg 25.1 °C" over the frame', async () => {
    const { thermal } = (await readThermal(join(MEDIA, 'FLIR_AX8.jpg'))).meta
    expect(Math.abs(thermal!.maxC! - 25.5)).toBeLessThan(0.1)
    expect(Math.abs(thermal!.minC! - 24.3)).toBeLessThan(0.1)
    expect(Math.abs(thermal!.meanC! - 25.1)).toBeLessThan(0.1)
  })

  it('FLIR b60: centre spot "19.0 °F" (−7.2 °C)', () => {
    const { c, w, h } = frame('FLIR_B60.jpg')
    const centre = regionStats(c, w, h, { kind: 'spot', x: 90, y: 90 })!.meanC
    expect(Math.abs(centre - (19.0 - 32) / 1.8)).toBeLessThan(0.2)
  })
})

describe('DJI R-JPEGs', () => {
  for (const name of DJI_FILES) {
    it(`${name}: raw size, relative only, no invented temperatures`, async () => {
      const r = await readThermal(join(MEDIA, name))
      expect(r.warnings).toEqual([])
      expect(r.meta.thermal).toMatchObject({
        format: 'dji',
        rawWidth: 640,
        rawHeight: 512,
        relativeOnly: true,
      })
      expect(r.meta.thermal!.minC).toBeUndefined()
      expect(r.meta.thermal!.maxC).toBeUndefined()
    })
  }

  it("APP3 matrices are byte-for-byte exiftool's DJI:ThermalData", async () => {
    const names = DJI_FILES.filter((n) => n !== 'DJI_XTS.jpg')
    await run(EXIFTOOL, [
      '-b',
      '-DJI:ThermalData',
      '-w',
      `${tmp}/%f.%e.dji`,
      ...names.map((n) => join(MEDIA, n)),
    ])
    for (const name of names) {
      const ours = parseDjiRjpeg(fixture(name)).raw!.data
      expect(Buffer.from(ours.buffer).equals(readFileSync(join(tmp, `${name}.dji`))), name).toBe(true)
    }
  })
})

// ---- corrupt variants ---------------------------------------------------------------------

interface Seg {
  marker: number
  at: number
  end: number
}

/** A deliberately simple header walk for building variants (independent of the product's walker). */
function segs(b: Buffer): Seg[] {
  const out: Seg[] = []
  let i = 2
  while (i + 4 <= b.length) {
    const marker = b[i + 1]
    const end = i + 2 + b.readUInt16BE(i + 2)
    out.push({ marker, at: i, end })
    if (marker === 0xda) break
    i = end
  }
  return out
}
const flirParts = (b: Buffer): Seg[] =>
  segs(b).filter((s) => s.marker === 0xe1 && b.toString('latin1', s.at + 4, s.at + 9) === 'FLIR\0')
const without = (b: Buffer, s: Seg): Buffer => Buffer.concat([b.subarray(0, s.at), b.subarray(s.end)])

/** File offset of a FLIR record's first byte, for single-part files (the FFF header is big-endian there). */
function flirRecordOffset(b: Buffer, type: number): number {
  const [part] = flirParts(b)
  const fff = part.at + 4 + 8
  const dir = fff + b.readUInt32BE(fff + 0x18)
  for (let i = 0; i < b.readUInt32BE(fff + 0x1c); i++) {
    if (b.readUInt16BE(dir + 32 * i) === type) return fff + b.readUInt32BE(dir + 32 * i + 0x0c)
  }
  throw new Error(`no record ${type}`)
}

async function variant(name: string, bytes: Buffer): Promise<ThermalReading> {
  const path = join(tmp, name)
  writeFileSync(path, bytes)
  const r = await readThermal(path) // must not throw
  for (const c of codes(r)) expect(CODES).toContain(c)
  return r
}

describe('corrupt files keep working, with warnings', () => {
  it('a missing FLIR APP1 part in the middle (T640, part 3 of 23): calibration kept, raw image lost', async () => {
    const b = fixture('FLIR_T640.jpg')
    const r = await variant('t640-no-part3.jpg', without(b, flirParts(b)[3]))
    expect(codes(r)).toContain('thermal-segment-missing')
    expect(r.warnings.find((w) => w.code === 'thermal-segment-missing')!.message).toMatch(/part 3 is missing/)
    expect(r.meta.thermal).toMatchObject({
      format: 'flir',
      rawWidth: 640,
      rawHeight: 480,
      emissivity: expect.closeTo(0.95, 6),
    })
    expect(r.meta.thermal!.minC).toBeUndefined()
  })

  it('a missing last FLIR part (FLIR.jpg, part 1 of 2): what lay in part 0 is still read', async () => {
    const b = fixture('FLIR.jpg')
    const r = await variant('flir-no-last.jpg', without(b, flirParts(b)[1]))
    expect(codes(r)).toContain('thermal-segment-missing')
    expect(r.meta.thermal).toMatchObject({ format: 'flir', rawWidth: 240, rawHeight: 320 })
    const p = parseFlirJpeg(without(b, flirParts(b)[1]))
    expect(p.params?.planckR1).toBeCloseTo(17837.53125, 6)
    expect(p.visible?.mime).toBe('image/jpeg') // the embedded photo sits in part 0
    expect(p.gps).toBeUndefined() // the GPS record sat in the lost part
  })

  it('all FLIR parts gone: still a JPEG, said plainly', async () => {
    let b = fixture('FLIR_E40.jpg')
    for (const s of flirParts(b).reverse()) b = without(b, s)
    const r = thermalFromBytes(b)
    expect(r.meta.thermal).toBeUndefined() // nothing left says it is thermal
    expect(r.warnings).toEqual([])
  })

  it('a truncated FFF record (last FLIR part cut to half its bytes): RawData reported truncated', async () => {
    const b = fixture('FLIR.jpg')
    const last = flirParts(b)[1]
    const half = Math.floor((last.end - last.at - 4) / 2)
    const seg = Buffer.from(b.subarray(last.at, last.at + 4 + half))
    seg.writeUInt16BE(2 + half, 2)
    const cut = Buffer.concat([b.subarray(0, last.at), seg, b.subarray(last.end)])
    const r = await variant('flir-half-record.jpg', cut)
    expect(codes(r)).toContain('thermal-truncated')
    expect(r.warnings.find((w) => w.code === 'thermal-truncated')!.message).toMatch(/RawData record declares/)
    expect(r.meta.thermal).toMatchObject({ format: 'flir', rawWidth: 240, rawHeight: 320 })
    expect(r.meta.thermal!.maxC).toBeUndefined()
  })

  it('a file cut off inside the FLIR data (T640 at 300 kB): truncated, no throw', async () => {
    const r = await variant('t640-cut.jpg', fixture('FLIR_T640.jpg').subarray(0, 300_000))
    expect(codes(r)).toContain('thermal-truncated')
    expect(r.meta.thermal?.format).toBe('flir')
  })

  it('a plain raw image whose header size disagrees with its bytes (E40: 150 wide instead of 160)', async () => {
    const b = Buffer.from(fixture('FLIR_E40.jpg'))
    const original = await readThermal(join(MEDIA, 'FLIR_E40.jpg'))
    b.writeUInt16LE(150, flirRecordOffset(b, 0x01) + 2) // RawData width (record is little-endian)
    const r = await variant('e40-width.jpg', b)
    expect(codes(r)).toEqual(['thermal-size-mismatch'])
    expect(r.warnings[0].message).toMatch(/150×120.*CameraInfo size 160×120/)
    // the CameraInfo size fits the bytes, so the measurement is unchanged
    expect(r.meta.thermal).toEqual(original.meta.thermal)
  })

  it('a PNG raw image whose header size disagrees with the PNG (AX8: 70 wide instead of 80)', async () => {
    const b = Buffer.from(fixture('FLIR_AX8.jpg'))
    b.writeUInt16LE(70, flirRecordOffset(b, 0x01) + 2)
    const r = await variant('ax8-width.jpg', b)
    expect(codes(r)).toEqual(['thermal-size-mismatch'])
    expect(r.meta.thermal).toMatchObject({ rawWidth: 80, rawHeight: 60 })
    expect(r.meta.thermal!.maxC).toBeCloseTo(25.47, 1)
  })

  it('a raw image that fits no declared size (E40: header and CameraInfo both 150 wide)', async () => {
    const b = Buffer.from(fixture('FLIR_E40.jpg'))
    b.writeUInt16LE(150, flirRecordOffset(b, 0x01) + 2)
    b.writeUInt16LE(150, flirRecordOffset(b, 0x20) + 2)
    const r = await variant('e40-both.jpg', b)
    expect(codes(r)).toEqual(['thermal-size-mismatch'])
    expect(r.meta.thermal).toMatchObject({ format: 'flir', rawWidth: 150, rawHeight: 120 })
  })

  it('a DJI R-JPEG missing one APP3 segment of its matrix', async () => {
    const b = fixture('DJI_H20T.jpg')
    const app3 = segs(b).filter((s) => s.marker === 0xe3)
    const r = await variant('h20t-no-app3.jpg', without(b, app3[4]))
    expect(codes(r)).toEqual(['thermal-segment-missing'])
    expect(r.meta.thermal).toMatchObject({ format: 'dji', relativeOnly: true, rawWidth: 0, emissivity: 1 })
  })

  it('a DJI R-JPEG cut inside its matrix', async () => {
    const r = await variant('h20t-cut.jpg', fixture('DJI_H20T.jpg').subarray(0, 400_000))
    expect(codes(r)).toContain('thermal-truncated')
    expect(r.meta.thermal?.format).toBe('dji')
  })

  it('random damage to the header of every fixture never throws', () => {
    let s = 12345
    const rnd = (): number => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32)
    for (const name of [...FLIR_FILES, ...DJI_FILES]) {
      const orig = fixture(name)
      const headerEnd = segs(orig).at(-1)!.end
      for (let k = 0; k < 6; k++) {
        const b = Buffer.from(orig.subarray(0, k % 3 === 0 ? Math.floor(rnd() * headerEnd) : orig.length))
        for (let j = 0; j < 6; j++)
          b[Math.floor(rnd() * Math.min(b.length, headerEnd))] = Math.floor(rnd() * 256)
        const r = thermalFromBytes(b)
        for (const c of codes(r)) expect(CODES).toContain(c)
      }
    }
  })
})
