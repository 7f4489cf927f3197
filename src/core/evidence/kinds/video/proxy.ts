/**
 * Playback proxies for videos Chromium cannot play (HEVC, MJPEG, AVI, …): an H.264/AAC MP4 under
 * derived/<sha256>/, made in the background; the original is only read and stays the evidence.
 */
import { rename, rm } from 'node:fs/promises'
import { EvidenceError } from '../../../errors'
import { nonEmpty, tmpName } from '../../derive/pictures'
import { ffmpegPath, ffprobePath, runTool } from '../../media-tools'
import { VIDEO_PROXY_ARGS, proxyArgs } from '../../../../shared/kinds/proxy-commands'

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
  const tmp = tmpName(outPath, 'partial.mp4')
  const args = proxyArgs(VIDEO_PROXY_ARGS, srcPath, tmp)
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
