/** Pixel work of the thermal viewer: values to colours, and reading values back. */
import { paletteLut, type PaletteName } from './palettes'

export interface ThermalFrameData {
  width: number
  height: number
  /** row-major; °C, or raw counts when relative only; NaN where there is no valid value */
  values: Float32Array
}

/** thermal.f32 as served (little-endian Float32, row-major) → values; null when the size is wrong. */
export function parseFrameBytes(buf: ArrayBuffer, width: number, height: number): Float32Array | null {
  if (buf.byteLength !== width * height * 4) return null
  const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
  if (hostLittleEndian) return new Float32Array(buf)
  const view = new DataView(buf)
  const out = new Float32Array(width * height)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  return out
}

/**
 * Paints the frame into `image` (same size) with the palette stretched over [lo, hi]; values
 * outside are clamped to the ends, invalid pixels are left transparent.
 */
export function paintFrame(
  frame: ThermalFrameData,
  image: ImageData,
  palette: PaletteName,
  lo: number,
  hi: number,
): void {
  const lut = paletteLut(palette)
  const px = image.data
  const v = frame.values
  const span = hi > lo ? hi - lo : 1
  const k = 255 / span
  for (let i = 0, o = 0; i < v.length; i++, o += 4) {
    const c = v[i]
    if (c !== c) {
      px[o + 3] = 0
      continue
    }
    let idx = ((c - lo) * k) | 0
    if (idx < 0) idx = 0
    else if (idx > 255) idx = 255
    const p = idx * 4
    px[o] = lut[p]
    px[o + 1] = lut[p + 1]
    px[o + 2] = lut[p + 2]
    px[o + 3] = 255
  }
}

/** The value at raw pixel (x, y), or NaN outside the frame. */
export function valueAt(frame: ThermalFrameData, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) return NaN
  return frame.values[y * frame.width + x]
}

/** A reading for display: °C to one decimal, raw counts whole. */
export function formatValue(v: number, relativeOnly: boolean): string {
  if (!Number.isFinite(v)) return '—'
  return relativeOnly ? String(Math.round(v)) : v.toFixed(1)
}
