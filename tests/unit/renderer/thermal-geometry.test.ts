import { describe, expect, it } from 'vitest'
import { pixelAt, shapeFrom, TagPlacer } from '../../../src/renderer/src/kinds/thermal/thermal-geometry'

// a 320×240 thermal frame shown at 2× (640×480 CSS px), 10 px from the page's top-left
const rect = { left: 10, top: 10, width: 640, height: 480 }

describe('thermal geometry: pointer to raw pixel', () => {
  it('maps a display position to the raw pixel it covers', () => {
    expect(pixelAt(10, 10, rect, 320, 240)).toEqual({ x: 0, y: 0 })
    expect(pixelAt(11.9, 11.9, rect, 320, 240)).toEqual({ x: 0, y: 0 })
    expect(pixelAt(12, 12, rect, 320, 240)).toEqual({ x: 1, y: 1 })
    expect(pixelAt(10 + 320, 10 + 240, rect, 320, 240)).toEqual({ x: 160, y: 120 })
  })

  it('clamps a position outside the image to its edge pixel', () => {
    expect(pixelAt(0, 0, rect, 320, 240)).toEqual({ x: 0, y: 0 })
    expect(pixelAt(10 + 640, 10 + 480, rect, 320, 240)).toEqual({ x: 319, y: 239 })
    expect(pixelAt(5000, -50, rect, 320, 240)).toEqual({ x: 319, y: 0 })
  })
})

describe('thermal geometry: shapes from a press and a release', () => {
  it('puts a spot where the pointer was released', () => {
    expect(shapeFrom('spot', { x: 3, y: 4 }, { x: 10, y: 20 })).toEqual({ type: 'spot', x: 10, y: 20 })
  })

  it('makes a box that includes both corner pixels, whichever way it was dragged', () => {
    expect(shapeFrom('box', { x: 10, y: 20 }, { x: 4, y: 5 })).toEqual({
      type: 'box',
      x: 4,
      y: 5,
      w: 7,
      h: 16,
    })
    expect(shapeFrom('box', { x: 4, y: 5 }, { x: 10, y: 20 })).toEqual({
      type: 'box',
      x: 4,
      y: 5,
      w: 7,
      h: 16,
    })
    expect(shapeFrom('box', { x: 4, y: 5 }, { x: 5, y: 5 })).toEqual({ type: 'box', x: 4, y: 5, w: 2, h: 1 })
  })

  it('makes no box of a single pixel and no line of zero length (a click is not a drag)', () => {
    expect(shapeFrom('box', { x: 4, y: 5 }, { x: 4, y: 5 })).toBeNull()
    expect(shapeFrom('line', { x: 4, y: 5 }, { x: 4, y: 5 })).toBeNull()
    expect(shapeFrom('line', { x: 4, y: 5 }, { x: 9, y: 5 })).toEqual({
      type: 'line',
      x1: 4,
      y1: 5,
      x2: 9,
      y2: 5,
    })
  })

  it('makes no shape with the inspect tool', () => {
    expect(shapeFrom('inspect', { x: 1, y: 1 }, { x: 5, y: 5 })).toBeNull()
  })
})

describe('thermal geometry: tag placement', () => {
  const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height

  it('puts a tag to the right of its point when it fits, else to the left', () => {
    const placer = new TagPlacer({ width: 300, height: 200 })
    expect(placer.place(100, 100, 8, -8, 60)).toMatchObject({ left: 108, top: 92, width: 60 })
    expect(placer.place(280, 20, 8, -8, 60)).toMatchObject({ left: 212, top: 12 })
  })

  it('moves a tag that would cover another to a free row, and keeps every tag inside the canvas', () => {
    const bounds = { width: 240, height: 160 }
    const placer = new TagPlacer(bounds)
    const placed = [0, 1, 2, 3, 4].map(() => placer.place(100, 80, 8, -8, 70))
    for (const [i, r] of placed.entries()) {
      expect(r.left).toBeGreaterThanOrEqual(0)
      expect(r.top).toBeGreaterThanOrEqual(0)
      expect(r.left + r.width).toBeLessThanOrEqual(bounds.width)
      expect(r.top + r.height).toBeLessThanOrEqual(bounds.height)
      for (const other of placed.slice(0, i)) expect(overlaps(r, other)).toBe(false)
    }
  })

  it('still places a tag, inside the canvas, when no free place is left', () => {
    const placer = new TagPlacer({ width: 80, height: 20 })
    placer.place(10, 10, 0, -8, 70)
    const crowded = placer.place(10, 10, 0, -8, 70)
    expect(crowded.left).toBeGreaterThanOrEqual(0)
    expect(crowded.left + crowded.width).toBeLessThanOrEqual(80)
    expect(crowded.top + crowded.height).toBeLessThanOrEqual(20)
  })
})
