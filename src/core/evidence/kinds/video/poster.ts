import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ffmpegFrame, THUMB_PX } from '../../derive/pictures'
import type { DerivedFiles, PictureSource } from '../kind-module'

/**
 * A poster frame (320 px wide, 1 s in, or the first frame of shorter clips) as poster.jpg in
 * `outDir`. The source may be an ffmpeg input URL (a byte range of a package ZIP). Never throws
 * for bad content: `problem` says what failed.
 */
export async function videoPoster(src: PictureSource, outDir: string): Promise<DerivedFiles> {
  if ('bytes' in src) return { files: {}, problem: 'A poster needs the video as a file.' }
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  const poster = join(outDir, 'poster.jpg')
  const filter = `scale=${THUMB_PX}:-2`
  const ok =
    (await ffmpegFrame(src.path, poster, 1, filter)) || (await ffmpegFrame(src.path, poster, 0, filter))
  return {
    files: ok ? { poster } : {},
    problem: ok ? null : 'ffmpeg could not decode a frame of the video for a poster.',
  }
}
