/**
 * The thermal viewer's frame: derived/<sha256>/thermal.f32 (little-endian Float32, row-major;
 * °C for FLIR, raw counts for DJI) and derived/<sha256>/visible.jpg, made on first request and
 * recorded as derived files; plus what the viewer needs to know about them. Derived files are
 * re-creatable and never evidence; the original is only read.
 */
import { randomBytes } from 'node:crypto'
import { endianness } from 'node:os'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { loadSharp } from '../../../util/sharp'
import type { EvidenceItem, ItemWarning, ThermalFrameInfo, ThermalStats } from '../../../../shared/types'
import type { CaseFile } from '../../../case/case-file'
import { derivedDir, objectPath } from '../../../case/layout'
import { EvidenceError } from '../../../errors'
import { derivedPath, getItem, setDerived } from '../../item-repository'
import { hasOriginalReader, readOriginal } from '../../original-bytes'
import type { ThermalFormat } from './detect'
import { decodeThermalFile, type DecodedThermal } from './decode'
import { frameStats, type FrameStats } from './radiometry'
import { visibleAsJpeg } from './visible-image'

export const THERMAL_FILE = 'thermal.f32'
export const VISIBLE_FILE = 'visible.jpg'

/** The item, which must exist and be a thermal image; EvidenceError otherwise. */
export function thermalItem(file: CaseFile, itemId: string): EvidenceItem {
  const item = getItem(file.db, itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${itemId} in this case.`)
  if (item.kind !== 'thermal') {
    throw new EvidenceError(
      'invalid-input',
      `${item.number} (${item.originalName}) is not a thermal image (its kind is ${item.kind}); only thermal images have temperatures.`,
    )
  }
  return item
}

/** The format the import recorded in meta.thermal, if any. */
function recordedFormat(item: EvidenceItem): ThermalFormat | null {
  const f = (item.meta.thermal as { format?: unknown } | undefined)?.format
  return f === 'flir' || f === 'dji' ? f : null
}

/** Decodes an item's original; invalid-input when it turns out not to be a radiometric JPEG. */
export async function decodeItem(file: CaseFile, item: EvidenceItem): Promise<DecodedThermal> {
  // A package under review may hold the original inside a ZIP: then its (small) bytes are read.
  const original = hasOriginalReader(file)
    ? await readOriginal(file, item)
    : objectPath(file.dir, item.sha256)
  const decoded = await decodeThermalFile(original, recordedFormat(item))
  if (!decoded) {
    throw new EvidenceError(
      'invalid-input',
      `${item.number} (${item.originalName}) holds no FLIR or DJI radiometric data, so it has no temperatures to show.`,
    )
  }
  return decoded
}

export function toThermalStats(s: FrameStats): ThermalStats {
  return { minC: s.minC, maxC: s.maxC, meanC: s.meanC, min: { ...s.min }, max: { ...s.max } }
}

const round1 = (v: number): string => (Math.round(v * 10) / 10).toFixed(1)

/** A warning when readings leave the camera's calibrated range (they are less trustworthy there). */
export function rangeWarning(
  decoded: DecodedThermal,
  stats: { minC: number; maxC: number },
  what: string,
): ItemWarning | null {
  const r = decoded.rangeC
  if (!r || decoded.relativeOnly) return null
  // FLIR stores the range limits as float kelvin, so they come out a few µK off; allow for that.
  const slack = 0.05
  if (stats.minC >= r.min - slack && stats.maxC <= r.max + slack) return null
  return {
    code: 'thermal-out-of-range',
    message: `${what} spans ${round1(stats.minC)} to ${round1(stats.maxC)} °C, beyond the camera's calibrated range ${round1(r.min)} to ${round1(r.max)} °C; readings outside it are less reliable.`,
  }
}

let tmpSeq = 0

/** Writes `data` to `path` through a temporary file in the same folder, fsynced, then renamed. */
async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${++tmpSeq}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const fh = await open(tmp, 'wx')
    try {
      await fh.writeFile(data)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/** The bytes of thermal.f32: little-endian whatever the host's order. */
export function float32LittleEndian(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  if (endianness() === 'LE') return bytes
  const out = new Uint8Array(values.byteLength)
  const view = new DataView(out.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true)
  return out
}

/** Size of the recorded derived file for `role` when it exists inside the case; null otherwise. */
async function existingDerived(
  file: CaseFile,
  itemId: string,
  role: 'thermal' | 'visible',
): Promise<number | null> {
  const rel = derivedPath(file.db, itemId, role)
  if (!rel) return null
  try {
    return (await stat(join(file.dir, rel))).size
  } catch {
    return null
  }
}

async function ensureThermalFile(
  file: CaseFile,
  item: EvidenceItem,
  values: Float32Array,
  warnings: ItemWarning[],
): Promise<void> {
  if ((await existingDerived(file, item.id, 'thermal')) === values.byteLength) return
  if (file.readOnly) {
    warnings.push({
      code: 'thermal-frame-unavailable',
      message:
        'The case is open read-only, so the thermal frame file could not be made; open the case for editing to view temperatures.',
    })
    return
  }
  const dir = derivedDir(file.dir, item.sha256)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const out = join(dir, THERMAL_FILE)
  await writeAtomic(out, float32LittleEndian(values))
  setDerived(file.db, item.id, 'thermal', 'ready', relative(file.dir, out))
}

async function ensureVisibleFile(
  file: CaseFile,
  item: EvidenceItem,
  decoded: DecodedThermal,
  warnings: ItemWarning[],
): Promise<ThermalFrameInfo['visible']> {
  if (!decoded.visible) return null
  const rel = derivedPath(file.db, item.id, 'visible')
  if (rel && (await existingDerived(file, item.id, 'visible'))) {
    try {
      const sharp = await loadSharp()
      const meta = await sharp(join(file.dir, rel)).metadata()
      return { width: meta.width ?? null, height: meta.height ?? null }
    } catch {
      // unreadable (damaged on disk): made again below
    }
  }
  if (file.readOnly) return null // nothing may be written; the thermal warning already says why
  const made = await visibleAsJpeg(decoded.visible)
  if ('problem' in made) {
    warnings.push({
      code: 'thermal-visible-unreadable',
      message: `The embedded visible photo cannot be shown: ${made.problem}.`,
    })
    return null
  }
  const dir = derivedDir(file.dir, item.sha256)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const out = join(dir, VISIBLE_FILE)
  await writeAtomic(out, made.jpeg)
  setDerived(file.db, item.id, 'visible', 'ready', relative(file.dir, out))
  return { width: made.width, height: made.height }
}

async function buildFrame(file: CaseFile, itemId: string): Promise<ThermalFrameInfo> {
  const item = thermalItem(file, itemId)
  const decoded = await decodeItem(file, item)
  const warnings = [...decoded.warnings]
  let stats: ThermalStats | null = null
  if (decoded.values) {
    const s = frameStats(decoded.values, decoded.width, decoded.height)
    if (s) {
      stats = toThermalStats(s)
      const w = rangeWarning(decoded, s, 'The frame')
      if (w) warnings.push(w)
    } else {
      warnings.push({
        code: 'metadata-unreadable',
        message: 'No pixel of the thermal image has a usable value.',
      })
    }
    await ensureThermalFile(file, item, decoded.values, warnings)
  } else {
    warnings.push({
      code: 'thermal-frame-unavailable',
      message: `No thermal image could be read from ${item.number} (${item.originalName}); see the other warnings for why.`,
    })
  }
  const visible = await ensureVisibleFile(file, item, decoded, warnings)
  return {
    itemId: item.id,
    format: decoded.format,
    width: decoded.width,
    height: decoded.height,
    relativeOnly: decoded.relativeOnly,
    params: decoded.params,
    stats,
    visible,
    warnings,
  }
}

/** Requests in flight, so two viewers opening one item at once make its files once. */
const inFlight = new Map<string, Promise<ThermalFrameInfo>>()

/**
 * What the thermal viewer needs for one item, making thermal.f32 and visible.jpg on first call
 * (temp file + rename, recorded as derived files 'thermal' and 'visible'). Values in °C for
 * FLIR, raw counts for DJI (relativeOnly). A damaged original gives warnings, not an error.
 * Throws EvidenceError: 'not-found' (no such item), 'invalid-input' (not a thermal image),
 * 'io-error' (the stored original cannot be read).
 */
export function thermalFrame(file: CaseFile, itemId: string): Promise<ThermalFrameInfo> {
  const key = `${file.dir}\0${itemId}`
  const running = inFlight.get(key)
  if (running) return running
  const p = buildFrame(file, itemId).finally(() => inFlight.delete(key))
  inFlight.set(key, p)
  return p
}
