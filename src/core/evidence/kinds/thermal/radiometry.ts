/**
 * FLIR's radiometric model: raw sensor counts to object temperature in °C.
 *
 * Format and physics facts relied on (FLIR's published measurement formula, with the constant
 * names ExifTool uses for the CameraInfo record; see the ExifTool forum thread 4898 linked from
 * ExifTool's FLIR tag documentation):
 * - the camera's signal for a black body at T kelvin is
 *     S(T) = R1 / (R2 · (exp(B / T) − F)) − O
 *   so the inverse is T = B / ln(R1 / (R2 · (S + O)) + F);
 * - the water vapour content of the air (from relative humidity h ∈ [0,1] and air temperature
 *   t in °C) is  H2O = h · exp(1.5587 + 0.06939·t − 0.00027816·t² + 0.00000068455·t³);
 * - the transmission of a path of d metres is
 *     τ(d) = X·exp(−√d·(α1 + β1·√H2O)) + (1 − X)·exp(−√d·(α2 + β2·√H2O));
 * - an external IR window sits half-way: the path is two halves, τ1 = τ2 = τ(d/2); the window
 *   transmits T_w and, reflecting nothing, emits with emissivity 1 − T_w at its own temperature.
 *
 * The signal that reaches the sensor is then
 *   S = τ2·T_w·τ1·(ε·S_obj + (1−ε)·S_refl) + τ2·T_w·(1−τ1)·S_atm + τ2·(1−T_w)·S_win + (1−τ2)·S_atm
 * which is linear in S_obj: S_obj = gain·S − offset. Both depend only on the parameters, so one
 * lookup table per frame (raw value → °C) makes the per-pixel cost a table read.
 */
import { EvidenceError } from '../../../errors'

/** Everything the model needs. Temperatures in °C, distance in metres, ratios in [0,1]. */
export interface RadiometricParams {
  emissivity: number
  /** metres */
  objectDistance: number
  reflectedTempC: number
  atmosphericTempC: number
  irWindowTempC: number
  irWindowTransmission: number
  /** fraction 0..1 */
  relativeHumidity: number
  planckR1: number
  planckB: number
  planckF: number
  planckO: number
  planckR2: number
  atmTransAlpha1: number
  atmTransAlpha2: number
  atmTransBeta1: number
  atmTransBeta2: number
  atmTransX: number
}

/** What an officer may change for a measurement. The file is never changed. */
export interface RadiometricOverrides {
  emissivity?: number
  /** metres */
  objectDistance?: number
  reflectedTempC?: number
}

export interface CelsiusFrame {
  /** one value per raw pixel, row-major; NaN where the model has no real solution */
  celsius: Float32Array
  /** the parameters actually used: the file's, with any overrides applied */
  used: RadiometricParams
  /** which parameters came from the overrides rather than the file */
  overridden: Array<keyof RadiometricOverrides>
  /** pixels that came out NaN (signal below what the model can invert) */
  invalidCount: number
}

export interface PixelAt {
  x: number
  y: number
}

export interface FrameStats {
  minC: number
  maxC: number
  meanC: number
  /** first pixel (row-major) holding the minimum / maximum */
  min: PixelAt
  max: PixelAt
  /** pixels that entered the statistics (finite values) */
  count: number
}

export type ThermalRegion =
  | { kind: 'spot'; x: number; y: number; /** pixels; 0 = the one pixel */ radius?: number }
  | { kind: 'box'; x: number; y: number; width: number; height: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number }

const KELVIN = 273.15

/** Water vapour content (g/m³ scale of FLIR's formula) from relative humidity (0..1) and air temperature (°C). */
export function waterVapour(relativeHumidity: number, airTempC: number): number {
  const t = airTempC
  return relativeHumidity * Math.exp(1.5587 + 0.06939 * t - 0.00027816 * t * t + 0.00000068455 * t * t * t)
}

/** Atmospheric transmission (0..~1) over `distance` metres for the file's Alpha/Beta/X constants. */
export function atmosphericTransmission(p: RadiometricParams, distance: number): number {
  const sqrtH2o = Math.sqrt(waterVapour(p.relativeHumidity, p.atmosphericTempC))
  const sqrtD = Math.sqrt(Math.max(0, distance))
  return (
    p.atmTransX * Math.exp(-sqrtD * (p.atmTransAlpha1 + p.atmTransBeta1 * sqrtH2o)) +
    (1 - p.atmTransX) * Math.exp(-sqrtD * (p.atmTransAlpha2 + p.atmTransBeta2 * sqrtH2o))
  )
}

/** Black-body signal in raw counts for a temperature in °C (FLIR's Planck curve). */
export function planckSignal(p: RadiometricParams, tempC: number): number {
  return p.planckR1 / (p.planckR2 * (Math.exp(p.planckB / (tempC + KELVIN)) - p.planckF)) - p.planckO
}

/**
 * Linear form of the model, S_obj = gain·S − offset, for these parameters. Exposed so a
 * caller can check a single value; toCelsius folds it into its lookup table.
 */
export function objectSignalTransform(p: RadiometricParams): {
  gain: number
  offset: number
  tau1: number
  tau2: number
} {
  const tau1 = atmosphericTransmission(p, p.objectDistance / 2)
  const tau2 = tau1
  const e = p.emissivity
  const tw = p.irWindowTransmission
  const sRefl = planckSignal(p, p.reflectedTempC)
  const sAtm = planckSignal(p, p.atmosphericTempC)
  const sWin = planckSignal(p, p.irWindowTempC)
  const through = e * tau1 * tw * tau2 // share of the object's own signal that reaches the sensor
  const gain = 1 / through
  const offset =
    ((1 - e) / e) * sRefl + // reflected surroundings, seen through the same path
    ((1 - tau1) / (e * tau1)) * sAtm + // air between object and window
    ((1 - tw) / (e * tau1 * tw)) * sWin + // the window's own emission
    ((1 - tau2) / through) * sAtm // air between window and camera
  return { gain, offset, tau1, tau2 }
}

/** Object temperature in °C for one raw value, computed directly (NaN when not invertible). */
export function rawToCelsius(raw: number, p: RadiometricParams): number {
  const { gain, offset } = objectSignalTransform(p)
  return inverse(gain * raw - offset, p)
}

function inverse(sObj: number, p: RadiometricParams): number {
  const arg = p.planckR1 / (p.planckR2 * (sObj + p.planckO)) + p.planckF
  if (!(arg > 1) || !Number.isFinite(arg)) return NaN // log ≤ 0 → no positive absolute temperature
  return p.planckB / Math.log(arg) - KELVIN
}

/** Problems that make the parameters unusable for absolute temperatures; empty when they are fine. */
export function paramProblems(p: RadiometricParams): string[] {
  const bad: string[] = []
  const finite = Object.entries(p)
    .filter(([, v]) => !Number.isFinite(v))
    .map(([k]) => k)
  if (finite.length) bad.push(`not a finite number: ${finite.join(', ')}`)
  if (!(p.emissivity > 0 && p.emissivity <= 1)) bad.push(`emissivity ${p.emissivity} outside (0, 1]`)
  if (!(p.irWindowTransmission > 0 && p.irWindowTransmission <= 1)) {
    bad.push(`IR window transmission ${p.irWindowTransmission} outside (0, 1]`)
  }
  if (!(p.objectDistance >= 0)) bad.push(`object distance ${p.objectDistance} m is negative`)
  if (!(p.planckR1 > 0 && p.planckR2 > 0 && p.planckB > 0)) bad.push('Planck R1, R2 and B must be positive')
  if (!(p.relativeHumidity >= 0 && p.relativeHumidity <= 1))
    bad.push(`relative humidity ${p.relativeHumidity} outside [0, 1]`)
  return bad
}

/**
 * The parameters with the overrides applied, and which were overridden. Throws EvidenceError
 * ('invalid-input') for an override out of range: emissivity in (0,1], distance ≥ 0 m,
 * reflected temperature above −273.15 °C.
 */
export function applyOverrides(
  params: RadiometricParams,
  overrides: RadiometricOverrides = {},
): { used: RadiometricParams; overridden: Array<keyof RadiometricOverrides> } {
  const fields: Array<{ path: string; code: string; message: string }> = []
  const { emissivity, objectDistance, reflectedTempC } = overrides
  if (emissivity !== undefined && !(Number.isFinite(emissivity) && emissivity > 0 && emissivity <= 1)) {
    fields.push({
      path: 'emissivity',
      code: 'out-of-range',
      message: 'Emissivity must be greater than 0 and at most 1.',
    })
  }
  if (objectDistance !== undefined && !(Number.isFinite(objectDistance) && objectDistance >= 0)) {
    fields.push({
      path: 'objectDistance',
      code: 'out-of-range',
      message: 'Object distance must be 0 m or more.',
    })
  }
  if (reflectedTempC !== undefined && !(Number.isFinite(reflectedTempC) && reflectedTempC > -KELVIN)) {
    fields.push({
      path: 'reflectedTempC',
      code: 'out-of-range',
      message: 'Reflected temperature must be above −273.15 °C.',
    })
  }
  if (fields.length)
    throw new EvidenceError('invalid-input', 'Measurement parameters are out of range.', { fields })
  const used = { ...params }
  const overridden: Array<keyof RadiometricOverrides> = []
  if (emissivity !== undefined) {
    used.emissivity = emissivity
    overridden.push('emissivity')
  }
  if (objectDistance !== undefined) {
    used.objectDistance = objectDistance
    overridden.push('objectDistance')
  }
  if (reflectedTempC !== undefined) {
    used.reflectedTempC = reflectedTempC
    overridden.push('reflectedTempC')
  }
  return { used, overridden }
}

/**
 * Lookup table of °C for every raw value from `lo` to `hi` inclusive (index = raw − lo).
 * NaN where the model has no real solution.
 */
export function celsiusTable(p: RadiometricParams, lo: number, hi: number): Float32Array {
  const { gain, offset } = objectSignalTransform(p)
  const n = Math.max(0, hi - lo + 1)
  const lut = new Float32Array(n)
  // Hoist the constants of T = B / ln(R1 / (R2·(S_obj + O)) + F).
  const r1OverR2 = p.planckR1 / p.planckR2
  const o = p.planckO
  const f = p.planckF
  const b = p.planckB
  for (let i = 0; i < n; i++) {
    const arg = r1OverR2 / (gain * (lo + i) - offset + o) + f
    lut[i] = arg > 1 && arg < Infinity ? b / Math.log(arg) - KELVIN : NaN
  }
  return lut
}

/**
 * Raw uint16 counts to °C (Float32Array, same length and order) with the file's parameters and
 * optional overrides. Cost: one table of (max − min + 1) entries, then one table read per pixel.
 * Throws EvidenceError('invalid-input') only for out-of-range overrides; bad file parameters give NaN.
 */
export function toCelsius(
  raw: Uint16Array,
  params: RadiometricParams,
  overrides?: RadiometricOverrides,
): CelsiusFrame {
  const { used, overridden } = applyOverrides(params, overrides)
  const n = raw.length
  const celsius = new Float32Array(n)
  if (n === 0) return { celsius, used, overridden, invalidCount: 0 }
  let lo = 65535
  let hi = 0
  for (let i = 0; i < n; i++) {
    const v = raw[i]
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  const lut = celsiusTable(used, lo, hi)
  let invalidCount = 0
  for (let i = 0; i < n; i++) {
    const c = lut[raw[i] - lo]
    celsius[i] = c
    if (c !== c) invalidCount++
  }
  return { celsius, used, overridden, invalidCount }
}

function checkFrame(celsius: Float32Array, width: number, height: number): void {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width <= 0 ||
    height <= 0 ||
    width * height !== celsius.length
  ) {
    throw new EvidenceError(
      'invalid-input',
      `Frame size ${width}×${height} does not match ${celsius.length} temperature values.`,
    )
  }
}

/** Accumulates min/max/mean over finite values; `add` takes a row-major index. */
class StatsAccumulator {
  private minC = Infinity
  private maxC = -Infinity
  private minI = -1
  private maxI = -1
  private sum = 0
  private count = 0
  constructor(
    private readonly celsius: Float32Array,
    private readonly width: number,
  ) {}

  add(i: number): void {
    const c = this.celsius[i]
    if (!Number.isFinite(c)) return
    if (c < this.minC) {
      this.minC = c
      this.minI = i
    }
    if (c > this.maxC) {
      this.maxC = c
      this.maxI = i
    }
    this.sum += c
    this.count++
  }
  result(): FrameStats | null {
    if (this.count === 0) return null
    const w = this.width
    return {
      minC: this.minC,
      maxC: this.maxC,
      meanC: this.sum / this.count,
      min: { x: this.minI % w, y: Math.floor(this.minI / w) },
      max: { x: this.maxI % w, y: Math.floor(this.maxI / w) },
      count: this.count,
    }
  }
}

/**
 * Min, max (°C, with the first pixel holding each) and mean over the finite pixels of a frame;
 * null when no pixel is finite. Throws EvidenceError('invalid-input') when width·height ≠ length.
 */
export function frameStats(celsius: Float32Array, width: number, height: number): FrameStats | null {
  checkFrame(celsius, width, height)
  const acc = new StatsAccumulator(celsius, width)
  for (let i = 0; i < celsius.length; i++) acc.add(i)
  return acc.result()
}

/**
 * Statistics (°C) over a spot (disc of `radius` pixels), a box or a line (Bresenham pixels) in
 * raw-pixel coordinates; parts outside the frame are clipped. null when no pixel in it is finite.
 * Throws EvidenceError('invalid-input') for non-finite coordinates, an empty box, a negative
 * radius, a region wholly outside the frame, or width·height ≠ length.
 */
export function regionStats(
  celsius: Float32Array,
  width: number,
  height: number,
  region: ThermalRegion,
): FrameStats | null {
  checkFrame(celsius, width, height)
  const acc = new StatsAccumulator(celsius, width)
  const coords = Object.entries(region).filter(([k]) => k !== 'kind')
  if (coords.some(([, v]) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new EvidenceError(
      'invalid-input',
      `Region ${region.kind} has a coordinate that is not a finite number.`,
    )
  }
  // Bounds the work a line can cost (one step per pixel along its longer axis).
  if (coords.some(([, v]) => Math.abs(v as number) > 1_000_000)) {
    throw new EvidenceError(
      'invalid-input',
      `Region ${region.kind} has a coordinate beyond ±1 000 000 pixels.`,
    )
  }
  let visited = 0
  const inside = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height
  if (region.kind === 'spot') {
    const r = Math.floor(region.radius ?? 0)
    if (r < 0) throw new EvidenceError('invalid-input', 'Spot radius must be 0 or more pixels.')
    const cx = Math.floor(region.x)
    const cy = Math.floor(region.y)
    for (let y = Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
      for (let x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue
        acc.add(y * width + x)
        visited++
      }
    }
  } else if (region.kind === 'box') {
    if (!(region.width > 0 && region.height > 0))
      throw new EvidenceError('invalid-input', 'Box width and height must be positive.')
    const x0 = Math.max(0, Math.floor(region.x))
    const y0 = Math.max(0, Math.floor(region.y))
    const x1 = Math.min(width, Math.floor(region.x + region.width))
    const y1 = Math.min(height, Math.floor(region.y + region.height))
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) acc.add(y * width + x)
      visited += Math.max(0, x1 - x0)
    }
  } else {
    // Bresenham: every pixel the line passes through, end points included.
    let x = Math.floor(region.x1)
    let y = Math.floor(region.y1)
    const xe = Math.floor(region.x2)
    const ye = Math.floor(region.y2)
    const dx = Math.abs(xe - x)
    const dy = -Math.abs(ye - y)
    const sx = x < xe ? 1 : -1
    const sy = y < ye ? 1 : -1
    let err = dx + dy
    for (;;) {
      if (inside(x, y)) {
        acc.add(y * width + x)
        visited++
      }
      if (x === xe && y === ye) break
      const e2 = 2 * err
      if (e2 >= dy) {
        err += dy
        x += sx
      }
      if (e2 <= dx) {
        err += dx
        y += sy
      }
    }
  }
  if (visited === 0)
    throw new EvidenceError(
      'invalid-input',
      `Region ${region.kind} lies outside the ${width}×${height} frame.`,
    )
  return acc.result()
}
