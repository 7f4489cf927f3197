/** Still images: any image format the sniffer names; EXIF/XMP facts; thumbnail and preview. */
import { insideImage } from '../../../annotations/anchor-bounds'
import type { CoreKindModule } from '../kind-module'
import { RAW_FORMATS, rawMimeByMagic } from './camera-raw'
import { extractImage } from './extract'
import { imagePictures, imagePreview } from './pictures'

export const imageModule: CoreKindModule<'image'> = {
  kind: 'image',
  detectionRank: 20,
  claims: (s) => {
    if (s.mime.startsWith('image/')) return true
    const raw = s.mime === 'application/octet-stream' ? rawMimeByMagic(s.head) : null
    return raw ? { mime: raw } : false
  },
  formats: RAW_FORMATS,
  citations: { region: insideImage },
  extract: (ctx) =>
    extractImage(ctx.path, {
      caseTimeZone: ctx.caseTimeZone,
      sourceMtimeMs: ctx.sourceMtimeMs,
      mime: ctx.mime,
      head: ctx.head,
      fileSize: ctx.size,
    }),
  pictures: {
    fromZip: 'bytes',
    make: (src, outDir, { deferLarge }) => imagePictures(src, outDir, { deferPreview: deferLarge }),
    makeOnRequest: (role, original, outDir) => imagePreview(role, original, outDir),
  },
}
