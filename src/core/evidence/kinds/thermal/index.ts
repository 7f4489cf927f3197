/**
 * Thermal images: radiometric JPEGs (FLIR, and DJI R-JPEG as relative values), told from plain
 * photos by their header. Extraction is the image's plus the thermal reading; the frame of
 * temperatures and the visible photo are derived on first view (frame.ts).
 */
import { EvidenceError } from '../../../errors'
import { capturedAt, reason, type ExtractFacts } from '../../extract/extract-result'
import { extractImage } from '../image/extract'
import { imagePictures, imagePreview } from '../image/pictures'
import { insideImage } from '../../../annotations/anchor-bounds'
import type { CoreKindModule } from '../kind-module'
import { measurementFits } from './citation'
import { detectThermalJpeg } from './detect'
import { thermalFrame } from './frame'
import { readThermal } from './reading'

export const thermalModule: CoreKindModule<'thermal'> = {
  kind: 'thermal',
  // before 'image': a radiometric JPEG is a JPEG too
  detectionRank: 10,
  claims: (s) => s.mime === 'image/jpeg' && detectThermalJpeg(s.head) !== null,
  citations: { region: insideImage, measurement: measurementFits },
  async extract(ctx) {
    const facts = await extractImage(ctx.path, {
      caseTimeZone: ctx.caseTimeZone,
      sourceMtimeMs: ctx.sourceMtimeMs,
      mime: ctx.mime,
      head: ctx.head,
      fileSize: ctx.size,
    })
    try {
      const reading = await readThermal(ctx.path)
      Object.assign(facts.meta, reading.meta)
      facts.warnings.push(...reading.warnings)
      if (reading.cameraClock) preferCameraClock(facts, reading.cameraClock)
    } catch (e) {
      if (e instanceof EvidenceError && (e.code === 'io-error' || e.code === 'not-found')) throw e.cause ?? e
      facts.warnings.push({
        code: 'metadata-unreadable',
        message: `Thermal data could not be read (${reason(e)}).`,
      })
    }
    return facts
  },
  pictures: {
    fromZip: 'bytes',
    make: (src, outDir, { deferLarge }) => imagePictures(src, outDir, { deferPreview: deferLarge }),
    makeOnRequest: (role, original, outDir) => imagePreview(role, original, outDir),
  },
  // Inside a ZIP the frame is read through the workspace's original reader (no extraction).
  prepareForReview: async (file, itemId) => {
    await thermalFrame(file, itemId)
  },
}

/**
 * FLIR cameras record the capture instant with their zone (e.g. -06:00) beside an EXIF
 * DateTimeOriginal without one: that instant wins over the case zone assumed for EXIF. A time
 * EXIF gives with its own offset stays. A zone of 0 is also what a camera whose zone was never
 * set writes (DJI's FLIR cores write it always): it does not say the clock ran on UTC, so the
 * case zone stays assumed, and said so.
 */
function preferCameraClock(facts: ExtractFacts, clock: { utc: string; offsetMinutes: number }): void {
  const ms = Date.parse(clock.utc)
  if (!Number.isFinite(ms) || facts.capturedAtSource === null) return
  const assumed = facts.warnings.some((w) => w.code === 'offset-assumed')
  const fromFilesystem = facts.capturedAtSource === 'filesystem'
  if (!assumed && !fromFilesystem) return
  if (clock.offsetMinutes === 0) {
    facts.meta.cameraZone = 'zero: not set, or UTC'
    return
  }
  const before = facts.capturedAt
  Object.assign(facts, capturedAt(ms, clock.offsetMinutes, 'exif'))
  facts.meta.timeTag = 'FLIR DateTimeOriginal'
  facts.warnings = facts.warnings.filter(
    (w) => w.code !== 'offset-assumed' && w.code !== 'time-from-filesystem',
  )
  if (before && !fromFilesystem && wallDiffersMs(before, facts.capturedAt) > 1000) {
    facts.warnings.push({
      code: 'clock-mismatch',
      message: `The FLIR camera record (${facts.capturedAt}) and the EXIF DateTimeOriginal (${before.slice(0, 19)}) disagree on the wall clock; the camera record, which carries its zone, is used.`,
    })
  }
}

/** How far apart two ISO times are as wall clocks (their written local times, offsets ignored). */
function wallDiffersMs(a: string, b: string | null): number {
  if (!b) return 0
  const wall = (iso: string): number => Date.parse(`${iso.slice(0, 19)}Z`)
  return Math.abs(wall(a) - wall(b))
}
