/**
 * Colour palettes for thermal images, generated in code: 256 RGBA entries each, index 0 for the
 * coldest value of the display range and 255 for the hottest.
 */
export const PALETTES = ['iron', 'rainbow', 'grey'] as const
export type PaletteName = (typeof PALETTES)[number]

type Stop = [position: number, r: number, g: number, b: number]

// "Ironbow", as thermographers know it: black through violet, red and orange to white, so
// brightness rises monotonically with temperature and the image still reads in grey print.
const IRON: Stop[] = [
  [0, 0, 0, 0],
  [0.12, 32, 0, 110],
  [0.3, 125, 10, 155],
  [0.48, 205, 40, 95],
  [0.64, 240, 100, 20],
  [0.8, 252, 175, 0],
  [0.92, 255, 230, 80],
  [1, 255, 255, 255],
]

function fromStops(stops: Stop[]): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4)
  let s = 0
  for (let i = 0; i < 256; i++) {
    const t = i / 255
    while (s < stops.length - 2 && t > stops[s + 1][0]) s++
    const [p0, r0, g0, b0] = stops[s]
    const [p1, r1, g1, b1] = stops[s + 1]
    const f = p1 === p0 ? 0 : (t - p0) / (p1 - p0)
    lut[i * 4] = r0 + (r1 - r0) * f
    lut[i * 4 + 1] = g0 + (g1 - g0) * f
    lut[i * 4 + 2] = b0 + (b1 - b0) * f
    lut[i * 4 + 3] = 255
  }
  return lut
}

/** HSV hue sweep from blue (cold) through green and yellow to red (hot), full saturation. */
function rainbow(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4)
  for (let i = 0; i < 256; i++) {
    const h = ((1 - i / 255) * 240) / 60 // 240° (blue) down to 0° (red), in sextants
    const x = 1 - Math.abs((h % 2) - 1)
    const [r, g, b] = h < 1 ? [1, x, 0] : h < 2 ? [x, 1, 0] : h < 3 ? [0, 1, x] : [0, x, 1]
    lut[i * 4] = r * 255
    lut[i * 4 + 1] = g * 255
    lut[i * 4 + 2] = b * 255
    lut[i * 4 + 3] = 255
  }
  return lut
}

function grey(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4)
  for (let i = 0; i < 256; i++) lut.set([i, i, i, 255], i * 4)
  return lut
}

const cache = new Map<PaletteName, Uint8ClampedArray>()

/** The palette's 256 RGBA entries (made once, then shared: do not modify). */
export function paletteLut(name: PaletteName): Uint8ClampedArray {
  let lut = cache.get(name)
  if (!lut) {
    lut = name === 'iron' ? fromStops(IRON) : name === 'rainbow' ? rainbow() : grey()
    cache.set(name, lut)
  }
  return lut
}
