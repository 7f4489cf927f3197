/**
 * An independent reference for FLIR temperatures, for tests only. It shares no code with the
 * product: the raw image comes from exiftool (`exiftool -b -RawThermalImage FILE`), the
 * calibration from `exiftool -j -n`, the PNG is decoded by sharp (libvips) and the TIFF that
 * exiftool wraps around plain samples is read here. Temperatures come from the textbook
 * forward model of what reaches the sensor, solved for the object's signal pixel by pixel in
 * double precision (no lookup table):
 *
 *   S_meas = τ2·Tw·τ1·(ε·S_obj + (1−ε)·S_refl) + τ2·Tw·(1−τ1)·S_atm + τ2·(1−Tw)·S_win + (1−τ2)·S_atm
 *   S(T)   = R1 / (R2·(e^(B/T) − F)) − O              T in kelvin
 *   τ(d)   = X·e^(−√d·(α1+β1·√w)) + (1−X)·e^(−√d·(α2+β2·√w)),   τ1 = τ2 = τ(d/2)
 *   w      = RH·e^(1.5587 + 0.06939·t − 0.00027816·t² + 0.00000068455·t³)   t = air °C
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'

const run = promisify(execFile)
export const EXIFTOOL = '/usr/bin/exiftool'

/** exiftool's -n names for the calibration (CameraInfo) tags. */
export interface ExiftoolCalibration {
  Emissivity: number
  ObjectDistance: number
  ReflectedApparentTemperature: number
  AtmosphericTemperature: number
  IRWindowTemperature: number
  IRWindowTransmission: number
  RelativeHumidity: number
  PlanckR1: number
  PlanckB: number
  PlanckF: number
  PlanckO: number
  PlanckR2: number
  AtmosphericTransAlpha1: number
  AtmosphericTransAlpha2: number
  AtmosphericTransBeta1: number
  AtmosphericTransBeta2: number
  AtmosphericTransX: number
}

export interface ReferenceFrame {
  width: number
  height: number
  raw: Uint16Array
  celsius: Float64Array
  minC: number
  maxC: number
}

const CALIBRATION_TAGS = [
  'Emissivity',
  'ObjectDistance',
  'ReflectedApparentTemperature',
  'AtmosphericTemperature',
  'IRWindowTemperature',
  'IRWindowTransmission',
  'RelativeHumidity',
  'PlanckR1',
  'PlanckB',
  'PlanckF',
  'PlanckO',
  'PlanckR2',
  'AtmosphericTransAlpha1',
  'AtmosphericTransAlpha2',
  'AtmosphericTransBeta1',
  'AtmosphericTransBeta2',
  'AtmosphericTransX',
] as const

/** Picks the calibration out of one `exiftool -j -n` object; numbers exiftool prints as strings are converted. */
export function calibrationFromExiftool(tags: Record<string, unknown>): ExiftoolCalibration {
  const out: Record<string, number> = {}
  for (const k of CALIBRATION_TAGS) {
    const v = Number(tags[k])
    if (!Number.isFinite(v)) throw new Error(`exiftool gave no numeric ${k} for ${String(tags.SourceFile)}`)
    out[k] = v
  }
  return out as unknown as ExiftoolCalibration
}

/** `exiftool -j -n` for several files in one run (exiftool's start-up costs ~0.5 s). */
export async function exiftoolCalibrations(files: string[]): Promise<Map<string, ExiftoolCalibration>> {
  const { stdout } = await run(EXIFTOOL, ['-j', '-n', ...files], { maxBuffer: 64 << 20 })
  const all = JSON.parse(stdout) as Array<Record<string, unknown>>
  return new Map(all.map((t) => [String(t.SourceFile), calibrationFromExiftool(t)]))
}

/**
 * `exiftool -b -RawThermalImage` for several files in one run, written as DIR/NAME.raw: the
 * PNG, or the TIFF exiftool builds around plain samples.
 */
export async function exiftoolRawThermals(files: string[], dir: string): Promise<Map<string, Buffer>> {
  await run(EXIFTOOL, ['-b', '-RawThermalImage', '-w', `${dir}/%f.%e.raw`, ...files], { maxBuffer: 16 << 20 })
  return new Map(files.map((f) => [f, readFileSync(join(dir, `${basename(f)}.raw`))]))
}

/** Reads exiftool's minimal little-endian TIFF: one strip of 16-bit samples. */
function readTiff16(tiff: Buffer): { width: number; height: number; raw: Uint16Array } {
  if (tiff.toString('latin1', 0, 4) !== 'II*\0') throw new Error('expected a little-endian TIFF')
  const ifd = tiff.readUInt32LE(4)
  const n = tiff.readUInt16LE(ifd)
  const tag: Record<number, number> = {}
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + 12 * i
    const type = tiff.readUInt16LE(e + 2)
    tag[tiff.readUInt16LE(e)] = type === 3 ? tiff.readUInt16LE(e + 8) : tiff.readUInt32LE(e + 8)
  }
  const width = tag[256]
  const height = tag[257]
  if (tag[258] !== 16) throw new Error(`TIFF has ${tag[258]} bits per sample`)
  const raw = new Uint16Array(width * height)
  for (let i = 0; i < raw.length; i++) raw[i] = tiff.readUInt16LE(tag[273] + 2 * i)
  return { width, height, raw }
}

async function decodeRaw(img: Buffer): Promise<{ width: number; height: number; raw: Uint16Array }> {
  if (img.subarray(0, 4).toString('latin1') === '\x89PNG') {
    const { data, info } = await sharp(img)
      .toColourspace('grey16')
      .raw({ depth: 'ushort' })
      .toBuffer({ resolveWithObject: true })
    if (info.channels !== 1) throw new Error(`sharp returned ${info.channels} channels`)
    const raw = new Uint16Array(info.width * info.height)
    // sharp hands back the PNG's big-endian samples in host order; FLIR stored them little-endian.
    for (let i = 0; i < raw.length; i++) {
      const v = data.readUInt16LE(2 * i)
      raw[i] = ((v & 0xff) << 8) | (v >>> 8)
    }
    return { width: info.width, height: info.height, raw }
  }
  return readTiff16(img)
}

/** Temperature in °C of one raw value under the forward model above (double precision). */
export function referenceCelsius(rawValue: number, c: ExiftoolCalibration): number {
  const { PlanckR1: r1, PlanckR2: r2, PlanckB: b, PlanckF: f, PlanckO: o } = c
  const signal = (tC: number) => r1 / (r2 * (Math.exp(b / (tC + 273.15)) - f)) - o
  const t = c.AtmosphericTemperature
  const w = c.RelativeHumidity * Math.exp(1.5587 + 0.06939 * t - 0.00027816 * t ** 2 + 0.00000068455 * t ** 3)
  const half = Math.sqrt(c.ObjectDistance / 2)
  const tau =
    c.AtmosphericTransX *
      Math.exp(-half * (c.AtmosphericTransAlpha1 + c.AtmosphericTransBeta1 * Math.sqrt(w))) +
    (1 - c.AtmosphericTransX) *
      Math.exp(-half * (c.AtmosphericTransAlpha2 + c.AtmosphericTransBeta2 * Math.sqrt(w)))
  const e = c.Emissivity
  const tw = c.IRWindowTransmission
  const background =
    tau * tw * tau * (1 - e) * signal(c.ReflectedApparentTemperature) +
    tau * tw * (1 - tau) * signal(t) +
    tau * (1 - tw) * signal(c.IRWindowTemperature) +
    (1 - tau) * signal(t)
  const objectSignal = (rawValue - background) / (tau * tw * tau * e)
  return b / Math.log(r1 / (r2 * (objectSignal + o)) + f) - 273.15
}

/** Reference temperatures from exiftool's raw thermal image and calibration tags. */
export async function referenceFrame(
  rawThermalImage: Buffer,
  cal: ExiftoolCalibration,
): Promise<ReferenceFrame> {
  const { width, height, raw } = await decodeRaw(rawThermalImage)
  const celsius = new Float64Array(raw.length)
  let minC = Infinity
  let maxC = -Infinity
  for (let i = 0; i < raw.length; i++) {
    const v = referenceCelsius(raw[i], cal)
    celsius[i] = v
    if (v < minC) minC = v
    if (v > maxC) maxC = v
  }
  return { width, height, raw, celsius, minC, maxC }
}

/** Reference frames for several FLIR files, with two exiftool runs in all; `dir` receives the raw images. */
export async function flirReferences(files: string[], dir: string): Promise<Map<string, ReferenceFrame>> {
  const [cals, raws] = await Promise.all([exiftoolCalibrations(files), exiftoolRawThermals(files, dir)])
  const out = new Map<string, ReferenceFrame>()
  for (const f of files) out.set(f, await referenceFrame(raws.get(f)!, cals.get(f)!))
  return out
}
