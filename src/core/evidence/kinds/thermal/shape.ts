/** Where a thermal measurement may lie: the rules for a spot, box or line on a frame of known size. */
import type { ThermalShape } from '../../../../shared/types'
import { EvidenceError } from '../../../errors'
import type { ThermalRegion } from './radiometry'

/** Largest spot radius, in pixels: bigger is a box's job, and it bounds the work. */
export const MAX_SPOT_RADIUS = 64

function outside(problem: string): EvidenceError {
  return new EvidenceError('invalid-input', problem, {
    fields: [{ path: 'shape', code: 'thermal-shape-outside', message: problem }],
  })
}

/**
 * The shape as a region of the radiometry module, after checking it lies inside a
 * `width`×`height` frame. Pixel (x, y) covers [x, x+1) × [y, y+1): a spot's centre and a line's
 * end points must fall on a pixel of the frame, a box must be at least one pixel and end at the
 * frame's edge at most. A spot's disc is clipped at the edge, as camera spot meters are.
 * Throws EvidenceError('invalid-input') naming the problem.
 */
export function shapeToRegion(shape: ThermalShape, width: number, height: number): ThermalRegion {
  const frame = `the ${width}×${height} thermal frame`
  const onFrame = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height
  switch (shape.type) {
    case 'spot': {
      if (!onFrame(shape.x, shape.y)) throw outside(`Spot (${shape.x}, ${shape.y}) lies outside ${frame}.`)
      const r = shape.r ?? 0
      if (r > MAX_SPOT_RADIUS)
        throw outside(`Spot radius ${r} px is larger than ${MAX_SPOT_RADIUS} px; use a box instead.`)
      return { kind: 'spot', x: shape.x, y: shape.y, radius: r }
    }
    case 'box': {
      if (
        Math.floor(shape.x + shape.w) - Math.floor(shape.x) < 1 ||
        Math.floor(shape.y + shape.h) - Math.floor(shape.y) < 1
      )
        throw outside(`Box ${shape.w}×${shape.h} at (${shape.x}, ${shape.y}) covers no whole pixel.`)
      if (!onFrame(shape.x, shape.y) || shape.x + shape.w > width || shape.y + shape.h > height)
        throw outside(
          `Box from (${shape.x}, ${shape.y}) to (${shape.x + shape.w}, ${shape.y + shape.h}) does not lie inside ${frame}.`,
        )
      return { kind: 'box', x: shape.x, y: shape.y, width: shape.w, height: shape.h }
    }
    case 'line': {
      if (!onFrame(shape.x1, shape.y1) || !onFrame(shape.x2, shape.y2))
        throw outside(
          `Line from (${shape.x1}, ${shape.y1}) to (${shape.x2}, ${shape.y2}) does not lie inside ${frame}.`,
        )
      return { kind: 'line', x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2 }
    }
  }
}
