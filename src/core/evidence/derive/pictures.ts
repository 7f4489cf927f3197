/**
 * Helpers the kinds share for derived pictures under derived/<sha256>/: re-creatable, never
 * evidence. Sources are only read (sharp and ffmpeg open them read-only); every output is
 * written under a temporary name and renamed into place, so a crash never leaves a half-written
 * file.
 */
import { rename, rm, stat } from 'node:fs/promises'
import { loadSharp } from '../../util/sharp'
import { ffmpegPath, runTool } from '../media-tools'

/** Long side of a thumbnail (video posters: width), in pixels. */
export const THUMB_PX = 320
/** Long side of an image preview, in pixels. */
export const PREVIEW_PX = 1600

let tmpSeq = 0
/** A unique temporary name beside `final`, renamed into place when the file is complete. */
export const tmpName = (final: string, suffix = 'tmp'): string =>
  `${final}.${process.pid}.${++tmpSeq}.${suffix}`

/** True when the file exists and holds at least one byte. */
export async function nonEmpty(p: string): Promise<boolean> {
  try {
    return (await stat(p)).size > 0
  } catch {
    return false
  }
}

/** A JPEG of at most `px` on the long side, EXIF orientation applied, from a file or bytes sharp decodes. */
export async function sharpJpeg(src: string | Buffer, out: string, px: number): Promise<void> {
  const tmp = tmpName(out)
  try {
    // failOn 'none': a truncated original still gets a picture of what is there.
    const sharp = await loadSharp()
    await sharp(src, { failOn: 'none' })
      .rotate()
      .resize(px, px, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: false })
      .toFile(tmp)
    await rename(tmp, out)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
}

/** One frame with the bundled ffmpeg (autorotate on); `seek` seconds in. True when a frame came out. */
export async function ffmpegFrame(src: string, out: string, seek: number, filter: string): Promise<boolean> {
  const tmp = tmpName(out)
  try {
    await runTool(
      ffmpegPath(),
      [
        '-nostdin',
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-ss',
        String(seek),
        '-i',
        src,
        '-frames:v',
        '1',
        '-vf',
        filter,
        '-q:v',
        '3',
        '-f',
        'image2',
        '-c:v',
        'mjpeg',
        tmp,
      ],
      { timeoutMs: 60_000 },
    )
    if (!(await nonEmpty(tmp))) return false
    await rename(tmp, out)
    return true
  } finally {
    await rm(tmp, { force: true })
  }
}
