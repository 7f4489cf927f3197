import { describe, expect, it } from 'vitest'
import { paletteLut, PALETTES } from '../../../src/renderer/src/kinds/thermal/palettes'
import {
  formatValue,
  paintFrame,
  parseFrameBytes,
  valueAt,
} from '../../../src/renderer/src/kinds/thermal/thermal-render'

const luma = (lut: Uint8ClampedArray, i: number) =>
  0.2126 * lut[i * 4] + 0.7152 * lut[i * 4 + 1] + 0.0722 * lut[i * 4 + 2]

describe('thermal palettes', () => {
  it('have 256 opaque entries each', () => {
    for (const name of PALETTES) {
      const lut = paletteLut(name)
      expect(lut.length).toBe(1024)
      for (let i = 0; i < 256; i++) expect(lut[i * 4 + 3]).toBe(255)
    }
  })

  it('get brighter with temperature in iron and grey, so a grey print still reads hot as light', () => {
    for (const name of ['iron', 'grey'] as const) {
      const lut = paletteLut(name)
      for (let i = 1; i < 256; i++)
        expect(luma(lut, i), `${name} ${i}`).toBeGreaterThanOrEqual(luma(lut, i - 1) - 0.5)
      expect(luma(lut, 255)).toBeGreaterThan(luma(lut, 0) + 200)
    }
  })

  it('run from blue (cold) to red (hot) in rainbow', () => {
    const lut = paletteLut('rainbow')
    expect([...lut.slice(0, 3)]).toEqual([0, 0, 255])
    expect([...lut.slice(255 * 4, 255 * 4 + 3)]).toEqual([255, 0, 0])
  })
})

describe('thermal frame data', () => {
  it('reads little-endian Float32 values, and refuses data of the wrong size', () => {
    const buf = new ArrayBuffer(2 * 2 * 4)
    const view = new DataView(buf)
    ;[21.5, -3.25, Number.NaN, 100].forEach((v, i) => view.setFloat32(i * 4, v, true))
    const values = parseFrameBytes(buf, 2, 2)!
    expect(values[0]).toBe(21.5)
    expect(values[1]).toBe(-3.25)
    expect(Number.isNaN(values[2])).toBe(true)
    expect(parseFrameBytes(buf, 3, 2)).toBeNull()
    const frame = { width: 2, height: 2, values }
    expect(valueAt(frame, 1, 1)).toBe(100)
    expect(valueAt(frame, 2, 0)).toBeNaN()
    expect(valueAt(frame, -1, 0)).toBeNaN()
  })

  it('paints values over the display range, clamping beyond it and leaving invalid pixels transparent', () => {
    const frame = { width: 4, height: 1, values: new Float32Array([0, 10, 99, Number.NaN]) }
    const image = { data: new Uint8ClampedArray(16), width: 4, height: 1, colorSpace: 'srgb' } as ImageData
    paintFrame(frame, image, 'grey', 0, 10)
    expect([...image.data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0])
  })

  it('shows °C to one decimal and raw counts whole', () => {
    expect(formatValue(36.66, false)).toBe('36.7')
    expect(formatValue(12345.6, true)).toBe('12346')
    expect(formatValue(Number.NaN, false)).toBe('—')
  })
})
