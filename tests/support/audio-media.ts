/**
 * Audio test media made on the spot with the bundled ffmpeg (it has the AMR-NB and WMA encoders
 * Debian's build lacks): nothing binary is committed. Each maker writes into `dir` and returns the path.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { ffmpegPath } from '../../src/core/evidence/media-tools'

export function bundledFfmpeg(args: string[]): void {
  execFileSync(ffmpegPath(), ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

/** Silence for the first `quietSec`, then a 440 Hz tone at half of full scale, mono. */
export const QUIET_THEN_TONE = (quietSec: number, rate = 16000): string =>
  `aevalsrc='if(lt(t,${quietSec}),0,0.5*sin(2*PI*440*t))':s=${rate}:c=mono`

/** Encoder arguments by file extension, for the formats phones and recorders write. */
export const AUDIO_ENCODINGS: Record<string, string[]> = {
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  mp3: ['-c:a', 'libmp3lame', '-b:a', '32k'],
  wav: ['-c:a', 'pcm_s16le'],
  amr: ['-ar', '8000', '-c:a', 'libopencore_amrnb', '-b:a', '12.2k'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '2'],
  opus: ['-c:a', 'libopus', '-b:a', '24k', '-f', 'ogg'],
  wma: ['-c:a', 'wmav2', '-b:a', '64k'],
  flac: ['-c:a', 'flac'],
  aac: ['-c:a', 'aac', '-b:a', '64k', '-f', 'adts'],
  // an audio-only MP4 with the generic isom brand, as many tools write it
  mp4: ['-c:a', 'aac', '-b:a', '64k', '-f', 'mp4'],
  '3gp': ['-ar', '8000', '-c:a', 'libopencore_amrnb', '-b:a', '12.2k', '-f', '3gp'],
}

/** `seconds` of audio (silence, then a tone from 1 s) as `name`, encoded by its extension. */
export function makeAudio(dir: string, name: string, seconds: number, extra: string[] = []): string {
  const ext = name.replace(/^.*\./, '').toLowerCase()
  const out = join(dir, name)
  bundledFfmpeg([
    '-f',
    'lavfi',
    '-i',
    QUIET_THEN_TONE(1),
    '-t',
    String(seconds),
    ...AUDIO_ENCODINGS[ext],
    ...extra,
    out,
  ])
  return out
}

/**
 * A long low-bitrate MP3 (8 kHz mono, 8 kbit/s): one minute encoded, then its frames repeated
 * without re-encoding, so ten hours take seconds to make and 36 MB of disk.
 */
export function makeLongMp3(dir: string, minutes: number, name = 'long.mp3'): string {
  const minute = join(dir, `one-minute-${name}`)
  bundledFfmpeg([
    '-f',
    'lavfi',
    '-i',
    'sine=f=300:d=60:sample_rate=8000',
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '8k',
    minute,
  ])
  const out = join(dir, name)
  bundledFfmpeg(['-stream_loop', String(minutes - 1), '-i', minute, '-c', 'copy', out])
  return out
}
