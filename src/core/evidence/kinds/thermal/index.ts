/**
 * Thermal images: radiometric JPEGs (FLIR, and DJI R-JPEG as relative values), told from plain
 * photos by their header. Extraction is the image's plus the thermal reading; the frame of
 * temperatures and the visible photo are derived on first view (frame.ts).
 */
import { EvidenceError } from '../../../errors'
import { reason } from '../../extract/extract-result'
import { extractImage } from '../image/extract'
import { imagePictures } from '../image/pictures'
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
    } catch (e) {
      if (e instanceof EvidenceError && (e.code === 'io-error' || e.code === 'not-found')) throw e.cause ?? e
      facts.warnings.push({
        code: 'metadata-unreadable',
        message: `Thermal data could not be read (${reason(e)}).`,
      })
    }
    return facts
  },
  pictures: { fromZip: 'bytes', make: (src, outDir) => imagePictures(src, outDir) },
  // Inside a ZIP the frame is read through the workspace's original reader (no extraction).
  prepareForReview: async (file, itemId) => {
    await thermalFrame(file, itemId)
  },
}
