/** Still images: any image format the sniffer names; EXIF/XMP facts; thumbnail and preview. */
import { insideImage } from '../../../annotations/anchor-bounds'
import type { CoreKindModule } from '../kind-module'
import { extractImage } from './extract'
import { imagePictures } from './pictures'

export const imageModule: CoreKindModule<'image'> = {
  kind: 'image',
  detectionRank: 20,
  claims: (s) => s.mime.startsWith('image/'),
  citations: { region: insideImage },
  extract: (ctx) =>
    extractImage(ctx.path, {
      caseTimeZone: ctx.caseTimeZone,
      sourceMtimeMs: ctx.sourceMtimeMs,
      mime: ctx.mime,
      head: ctx.head,
      fileSize: ctx.size,
    }),
  pictures: { fromZip: 'bytes', make: (src, outDir) => imagePictures(src, outDir) },
}
