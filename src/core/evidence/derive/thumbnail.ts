/**
 * Derived pictures and playback copies under derived/<sha256>/: re-creatable, never evidence.
 * Sources are only read (sharp and ffmpeg open them read-only); every output is written under a
 * temporary name and renamed into place, so a crash never leaves a half-written file.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { EvidenceKind } from '../../../shared/types'
import { EvidenceError } from '../../errors'
import { ffmpegPath, ffprobePath, runTool } from '../media-tools'

export interface Thumbnails {
  /** 320 px on the long side (video: 320 px wide), JPEG; null when none could be made */
  thumbnail: string | null
  /** 1600 px on the long side, JPEG; images only */
  preview: string | null
  /** why a picture is missing; null when all were made */
  problem: string | null
}

const THUMB_PX = 320
const PREVIEW_PX = 1600

let tmpSeq = 0
const tmpName = (final: string): string => `${final}.${process.pid}.${++tmpSeq}.tmp`

async function nonEmpty(p: string): Promise<boolean> {
  try {
    return (await stat(p)).size > 0
  } catch {
    return false
  }
}

async function sharpJpeg(src: string, out: string, px: number): Promise<void> {
  const tmp = tmpName(out)
  try {
    // failOn 'none': a truncated original still gets a picture of what is there.
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
async function ffmpegFrame(src: string, out: string, seek: number, filter: string): Promise<boolean> {
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

/**
 * Thumbnail (320 px) and preview (1600 px) JPEGs of an image or thermal JPEG (orientation
 * applied; thermal: the stored visible JPEG), or a poster frame of a video (1 s in, 0 s for
 * shorter clips), written into `outDir` as thumb.jpg / preview.jpg / poster.jpg. Other kinds get
 * none. Bad content never throws: `problem` says what failed.
 */
export async function makeThumbnails(
  srcPath: string,
  outDir: string,
  kind: EvidenceKind,
): Promise<Thumbnails> {
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  if (kind === 'image' || kind === 'thermal') {
    const thumb = join(outDir, 'thumb.jpg')
    const preview = join(outDir, 'preview.jpg')
    try {
      // Decode the original once: the thumbnail is made from the (already upright) preview.
      await sharpJpeg(srcPath, preview, PREVIEW_PX)
      await sharpJpeg(preview, thumb, THUMB_PX)
      return { thumbnail: thumb, preview, problem: null }
    } catch (e) {
      // Formats sharp lacks (BMP, some HEIF) may still decode in ffmpeg.
      const scale = (px: number): string =>
        `scale='min(${px},iw)':'min(${px},ih)':force_original_aspect_ratio=decrease`
      const okThumb = await ffmpegFrame(srcPath, thumb, 0, scale(THUMB_PX)).catch(() => false)
      const okPreview =
        okThumb && (await ffmpegFrame(srcPath, preview, 0, scale(PREVIEW_PX)).catch(() => false))
      return {
        thumbnail: okThumb ? thumb : null,
        preview: okPreview ? preview : null,
        problem: okThumb
          ? null
          : `The image could not be decoded for a thumbnail: ${(e as Error).message.split('\n')[0]}`,
      }
    }
  }
  if (kind === 'video') {
    const poster = join(outDir, 'poster.jpg')
    const filter = `scale=${THUMB_PX}:-2`
    const ok =
      (await ffmpegFrame(srcPath, poster, 1, filter)) || (await ffmpegFrame(srcPath, poster, 0, filter))
    return {
      thumbnail: ok ? poster : null,
      preview: null,
      problem: ok ? null : 'ffmpeg could not decode a frame of the video for a poster.',
    }
  }
  return { thumbnail: null, preview: null, problem: null }
}

export interface ProxyOptions {
  signal?: AbortSignal
  /** fraction done, 0..1 */
  onProgress?: (fraction: number) => void
  /** the source duration when already known (saves a probe) */
  durationSec?: number | null
}

/** True when the bundled ffmpeg has the libx264 encoder (the 2018 static build does). */
export async function bundledFfmpegHasLibx264(): Promise<boolean> {
  const run = await runTool(ffmpegPath(), ['-hide_banner', '-encoders'], { timeoutMs: 10_000 })
  return /\blibx264\b/.test(run.stdout)
}

async function probeDuration(src: string, signal?: AbortSignal): Promise<number | null> {
  const run = await runTool(
    ffprobePath(),
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', src],
    { timeoutMs: 20_000, signal },
  )
  const n = Number(run.stdout.trim())
  return Number.isFinite(n) && n > 0 ? n : null
}

/**
 * An H.264/AAC MP4 (faststart, 8-bit 4:2:0, long side ≤ 1920 px) that Chromium plays, made from
 * any video ffmpeg can read, at `outPath`. Rejects with `cancelled` on abort and `not-supported`
 * when ffmpeg fails (stderr in the detail); nothing is left at `outPath` then.
 */
export async function makePlaybackProxy(
  srcPath: string,
  outPath: string,
  opts: ProxyOptions = {},
): Promise<{ path: string; durationSec: number | null }> {
  const duration = opts.durationSec ?? (await probeDuration(srcPath, opts.signal))
  const tmp = `${outPath}.${process.pid}.${++tmpSeq}.partial.mp4`
  const scale =
    "scale='if(gte(iw,ih),min(1920,trunc(iw/2)*2),-2)':'if(gte(iw,ih),-2,min(1920,trunc(ih/2)*2))'"
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    srcPath,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-sn',
    '-dn',
    '-vf',
    scale,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ac',
    '2',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:1',
    '-nostats',
    '-f',
    'mp4',
    tmp,
  ]
  try {
    const run = await runTool(ffmpegPath(), args, {
      // a generous limit: transcoding runs at a few times real time at worst
      timeoutMs: Math.max(10 * 60_000, (duration ?? 0) * 10_000),
      signal: opts.signal,
      onStdoutLine: (line) => {
        const m = /^out_time_(?:ms|us)=(\d+)/.exec(line)
        if (m && duration && opts.onProgress) opts.onProgress(Math.min(1, Number(m[1]) / 1e6 / duration))
      },
    })
    if (run.code !== 0 || !(await nonEmpty(tmp))) {
      throw new EvidenceError(
        'not-supported',
        `A playback copy of ${srcPath} could not be made; the original is unchanged and can be exported as it is.`,
        {
          detail: run.timedOut ? 'ffmpeg timed out' : run.stderr.trim().split('\n').slice(-3).join('\n'),
        },
      )
    }
    await rename(tmp, outPath)
    opts.onProgress?.(1)
    return { path: outPath, durationSec: duration }
  } finally {
    await rm(tmp, { force: true })
  }
}
