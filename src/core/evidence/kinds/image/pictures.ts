import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ffmpegFrame, PREVIEW_PX, sharpJpeg, THUMB_PX } from '../../derive/pictures'
import type { DerivedFiles, PictureSource } from '../kind-module'

/**
 * Thumbnail (320 px) and preview (1600 px) JPEGs of a still image, orientation applied, written
 * into `outDir` as thumb.jpg / preview.jpg. Formats sharp lacks (BMP, some HEIF) go through
 * ffmpeg when the source is a file. Bad content never throws: `problem` says what failed.
 */
export async function imagePictures(src: PictureSource, outDir: string): Promise<DerivedFiles> {
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  const thumb = join(outDir, 'thumb.jpg')
  const preview = join(outDir, 'preview.jpg')
  try {
    // Decode the original once: the thumbnail is made from the (already upright) preview.
    await sharpJpeg('bytes' in src ? src.bytes : src.path, preview, PREVIEW_PX)
    await sharpJpeg(preview, thumb, THUMB_PX)
    return { files: { thumb, preview }, problem: null }
  } catch (e) {
    const problem = `The image could not be decoded for a thumbnail: ${(e as Error).message.split('\n')[0]}`
    if ('bytes' in src) return { files: {}, problem }
    const scale = (px: number): string =>
      `scale='min(${px},iw)':'min(${px},ih)':force_original_aspect_ratio=decrease`
    const okThumb = await ffmpegFrame(src.path, thumb, 0, scale(THUMB_PX)).catch(() => false)
    const okPreview =
      okThumb && (await ffmpegFrame(src.path, preview, 0, scale(PREVIEW_PX)).catch(() => false))
    return {
      files: { ...(okThumb ? { thumb } : {}), ...(okPreview ? { preview } : {}) },
      problem: okThumb ? null : problem,
    }
  }
}
