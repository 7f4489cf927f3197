import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { loadSharp } from '../../../util/sharp'
import { decodeHeif, isHeif } from '../../derive/heif-decode'
import { ffmpegFrame, PREVIEW_PX, sharpJpeg, THUMB_PX, tmpName } from '../../derive/pictures'
import type { DerivedRole } from '../../../../shared/types'
import { EvidenceError } from '../../../errors'
import type { DerivedFiles, PictureSource } from '../kind-module'

const PREVIEW_FILE = 'preview.jpg'

/**
 * Thumbnail (320 px) and preview (1600 px) JPEGs of a still image, orientation applied, written
 * into `outDir` as thumb.jpg / preview.jpg. HEIC/HEIF (no HEVC decoder in the bundled libvips) is
 * decoded by libheif in a worker (heif-decode.ts); other formats sharp lacks (BMP) go through
 * ffmpeg when the source is a file. Bad content never throws: `problem` says what failed.
 *
 * `deferPreview` (import): only the thumbnail is made, straight from the original, and the
 * preview is left for `imagePreview` when someone first looks. A 4000×3000 JPEG's thumbnail
 * decodes at an eighth of its size (about 65 ms here), its preview at a half (about 140 ms): a card
 * of 200 drone photos waited mostly for previews nobody had opened yet (issue 16). Formats sharp
 * cannot decode still get both at once below.
 */
export async function imagePictures(
  src: PictureSource,
  outDir: string,
  { deferPreview = false }: { deferPreview?: boolean } = {},
): Promise<DerivedFiles> {
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  const thumb = join(outDir, 'thumb.jpg')
  const preview = join(outDir, PREVIEW_FILE)
  try {
    if (deferPreview && 'path' in src) {
      await sharpJpeg(src.path, thumb, THUMB_PX)
      return { files: { thumb }, problem: null, onRequest: ['preview'] }
    }
    // Decode the original once: the thumbnail is made from the (already upright) preview.
    await sharpJpeg('bytes' in src ? src.bytes : src.path, preview, PREVIEW_PX)
    await sharpJpeg(preview, thumb, THUMB_PX)
    return { files: { thumb, preview }, problem: null }
  } catch (e) {
    // The bundled libvips has no HEVC decoder: HEIC goes through libheif (WASM) in a worker.
    const head = 'bytes' in src ? src.bytes : await readHead(src.path)
    if (isHeif(head))
      return heifPictures('bytes' in src ? src.bytes : await readFile(src.path), thumb, preview)
    // sharp's message may name the stored object's path; the caller names the original file.
    const problem = `The image could not be decoded for a thumbnail: ${withoutPaths((e as Error).message.split('\n')[0])}`
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

/** The preview `imagePictures` left for later, from the stored original; throws when sharp cannot make it. */
export async function imagePreview(role: DerivedRole, original: string, outDir: string): Promise<string> {
  if (role !== 'preview') throw new EvidenceError('not-supported', `Images have no ${role} made on request.`)
  const preview = join(outDir, PREVIEW_FILE)
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  try {
    await sharpJpeg(original, preview, PREVIEW_PX)
  } catch (e) {
    throw new EvidenceError(
      'not-supported',
      `The image could not be decoded for a preview: ${withoutPaths((e as Error).message.split('\n')[0])}`,
    )
  }
  return preview
}

/** Preview and thumbnail of a HEIF from libheif's RGBA (already as displayed: no EXIF rotation on top). */
async function heifPictures(bytes: Buffer, thumb: string, preview: string): Promise<DerivedFiles> {
  try {
    const img = await decodeHeif(bytes)
    const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } }
    for (const [out, px] of [
      [preview, PREVIEW_PX],
      [thumb, THUMB_PX],
    ] as const) {
      const tmp = tmpName(out)
      try {
        const sharp = await loadSharp()
        await sharp(img.rgba, raw)
          .resize(px, px, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 82 })
          .toFile(tmp)
        await rename(tmp, out)
      } catch (e) {
        await rm(tmp, { force: true })
        throw e
      }
    }
    return { files: { thumb, preview }, problem: null }
  } catch (e) {
    return {
      files: {},
      problem: `The HEIF image could not be decoded for a thumbnail: ${withoutPaths((e as Error).message)}`,
    }
  }
}

/** A message with absolute paths (the case's objects/sha256/… files) replaced: the caller names the original. */
export function withoutPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?[\\/][^\s:'"]*(?:objects|derived)[\\/][^\s:'"]*/g, '(the file)')
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const b = Buffer.alloc(32)
    const { bytesRead } = await fh.read(b, 0, 32, 0)
    return b.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}
