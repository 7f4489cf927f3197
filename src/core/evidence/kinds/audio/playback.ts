/**
 * What Chromium's <audio> plays as it is, and the playback proxy for the rest (AMR, WMA, ADPCM and
 * µ-law WAV, AMR in 3GP, Matroska audio, …): an AAC-LC M4A under derived/<sha256>/, made in the
 * background by the proxy runner. The original is only read and stays the evidence.
 */
import { rename, rm } from 'node:fs/promises'
import { EvidenceError } from '../../../errors'
import { nonEmpty, tmpName } from '../../derive/pictures'
import { ffmpegPath, runTool } from '../../media-tools'
import { AUDIO_PROXY_ARGS, proxyArgs } from '../../../../shared/kinds/proxy-commands'

/** Codecs Chromium decodes in each container family (ffprobe's format names), as measured in Debian's Chromium. */
const PLAYABLE: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^mp3$/, ['mp3']],
  [/^aac$/, ['aac']],
  [/\bmp4\b|\bmov\b|\bm4a\b/, ['aac', 'mp3', 'opus', 'flac']],
  [/^ogg$/, ['vorbis', 'opus', 'flac']],
  [/\bwebm\b/, ['vorbis', 'opus']],
  [/^flac$/, ['flac']],
  [/^wav$/, ['pcm_u8', 'pcm_s16le', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le']],
]

/**
 * True when Chromium plays this container and codec without a proxy. `mime` tells WebM from
 * Matroska, which ffprobe names alike. Unknown combinations are false: a proxy is always safe.
 */
export function chromiumPlaysAudio(mime: string, container: string | null, codec: string | null): boolean {
  if (!container || !codec) return false
  if (/\bwebm\b/.test(container) && mime !== 'audio/webm') return false
  return PLAYABLE.some(([family, codecs]) => family.test(container) && codecs.includes(codec))
}

/**
 * An AAC-LC M4A (96 kbit/s, faststart) of the first sound stream of any recording ffmpeg reads,
 * at `outPath`. `src` may be an ffmpeg input URL (a byte range of a package ZIP). Rejects with
 * `cancelled` on abort and `not-supported` when ffmpeg fails; nothing is left at `outPath` then.
 */
export async function makeAudioProxy(
  src: string,
  outPath: string,
  opts: { signal?: AbortSignal; durationSec?: number | null } = {},
): Promise<void> {
  const tmp = tmpName(outPath, 'partial.m4a')
  const args = proxyArgs(AUDIO_PROXY_ARGS, src, tmp)
  try {
    // AAC encoding runs at well over 50× real time; the limit only stops a hung ffmpeg
    const run = await runTool(ffmpegPath(), args, {
      timeoutMs: Math.max(10 * 60_000, (opts.durationSec ?? 0) * 1000),
      signal: opts.signal,
    })
    if (run.code !== 0 || !(await nonEmpty(tmp))) {
      throw new EvidenceError(
        'not-supported',
        `A playback copy of the recording could not be made; the original is unchanged and can be exported as it is.`,
        {
          detail: run.timedOut ? 'ffmpeg timed out' : run.stderr.trim().split('\n').slice(-3).join('\n'),
        },
      )
    }
    await rename(tmp, outPath)
  } finally {
    await rm(tmp, { force: true })
  }
}
