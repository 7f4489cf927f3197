/**
 * The ffprobe pre-filter (issue 16: one ffprobe process per unrecognised small file was most of an
 * import of many files). It may skip ffprobe only where ffprobe could not have named the file as
 * one of the formats we take from it, so: every such format FFmpeg can write here, cut to a small
 * whole file, must still be probed (and ffprobe must indeed name it, or the case proves nothing);
 * and plain binary data of the sizes of logs and sidecars must mostly not be.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mayHoldProbedAudio } from '../../src/core/evidence/kinds/audio/detect'
import { mayHoldRawVideo } from '../../src/core/evidence/kinds/video/by-probe'
import { probeMedia } from '../../src/core/evidence/extract/ffprobe'
import { REAL_WORLD } from '../support/fixtures'
import { hasEncoder, testFfmpeg } from '../support/media'
import { tempDir } from '../support/temp'
import { seededStates } from '../support/seeded'

const tmp = tempDir('evidesk-prefilter-')
afterAll(() => tmp.cleanup())

/** A whole small file: the first `bytes` of what ffmpeg wrote (a card's cut-off clip, a short log). */
function ffmpegMade(name: string, args: string[], bytes = 64 * 1024): string {
  const full = join(tmp.dir, `full-${name}`)
  execFileSync(testFfmpeg(), ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args, full], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const cut = join(tmp.dir, name.replace(/\.[^.]+$/, '')) // no extension: the store's objects have none
  writeFileSync(cut, readFileSync(full).subarray(0, bytes))
  return cut
}

const PICTURE = ['-f', 'lavfi', '-i', 'testsrc=size=176x144:rate=25:duration=2']
const SOUND = ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2']

const RAW_VIDEO: Array<[format: string, file: string, args: string[], encoder: string]> = [
  ['h264', 'clip.h264', [...PICTURE, '-c:v', 'libx264', '-f', 'h264'], 'libx264'],
  ['hevc', 'clip.hevc', [...PICTURE, '-c:v', 'libx265', '-f', 'hevc'], 'libx265'],
  ['m4v', 'clip.m4v', [...PICTURE, '-c:v', 'mpeg4', '-f', 'm4v'], 'mpeg4'],
  ['mpegvideo', 'clip.m2v', [...PICTURE, '-c:v', 'mpeg2video', '-f', 'mpeg2video'], 'mpeg2video'],
  ['h263', 'clip.h263', [...PICTURE, '-c:v', 'h263', '-f', 'h263'], 'h263'],
  [
    'dv',
    'clip.dv',
    [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=720x576:rate=25:duration=1',
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'dvvideo',
      '-f',
      'dv',
    ],
    'dvvideo',
  ],
]

const PROBED_AUDIO: Array<[format: string, file: string, args: string[], encoder: string]> = [
  ['wav', 'tone.wav', [...SOUND, '-f', 'wav'], 'pcm_s16le'],
  ['w64', 'tone.w64', [...SOUND, '-f', 'w64'], 'pcm_s16le'],
  ['caf', 'tone.caf', [...SOUND, '-f', 'caf'], 'pcm_s16le'],
  ['aiff', 'tone.aiff', [...SOUND, '-f', 'aiff'], 'pcm_s16be'],
  ['au', 'tone.au', [...SOUND, '-f', 'au'], 'pcm_s16be'],
  ['voc', 'tone.voc', [...SOUND, '-ar', '22050', '-c:a', 'pcm_u8', '-f', 'voc'], 'pcm_u8'],
  ['flac', 'tone.flac', [...SOUND, '-f', 'flac'], 'flac'],
  ['wv', 'tone.wv', [...SOUND, '-c:a', 'wavpack', '-f', 'wv'], 'wavpack'],
  ['tta', 'tone.tta', [...SOUND, '-c:a', 'tta', '-f', 'tta'], 'tta'],
  ['truehd', 'tone.thd', [...SOUND, '-c:a', 'truehd', '-strict', '-2', '-f', 'truehd'], 'truehd'],
  ['mlp', 'tone.mlp', [...SOUND, '-c:a', 'mlp', '-strict', '-2', '-f', 'mlp'], 'mlp'],
]

const whole = (path: string): Buffer => readFileSync(path)

describe('raw video that only ffprobe names', () => {
  for (const [format, file, args, encoder] of RAW_VIDEO) {
    it.skipIf(!hasEncoder(encoder))(`${format}: probed, and ffprobe names it ${format}`, async () => {
      const path = ffmpegMade(file, args)
      expect((await probeMedia(path, { timeoutMs: 20_000 })).data?.format?.format_name).toBe(format)
      expect(mayHoldRawVideo(whole(path), true)).toBe(true)
    })
  }

  it('the real-world DV and MPEG-4 Part 2 files, cut to 64 KiB, are probed', () => {
    for (const name of ['video/DV.dv', 'video/frame0.m4v']) {
      const head = readFileSync(join(REAL_WORLD, 'files', name)).subarray(0, 64 * 1024)
      expect(mayHoldRawVideo(head, true), name).toBe(true)
    }
  })
})

describe('audio that ffprobe names with confidence', () => {
  for (const [format, file, args, encoder] of PROBED_AUDIO) {
    it.skipIf(!hasEncoder(encoder))(`${format}: probed, and ffprobe names it ${format}`, async () => {
      const path = ffmpegMade(file, args)
      const probe = (await probeMedia(path, { timeoutMs: 20_000 })).data
      expect(probe?.format?.format_name?.split(',')).toContain(format)
      expect(mayHoldProbedAudio(whole(path), true)).toBe(true)
    })
  }
})

describe('files that are neither', () => {
  /** A seeded generator of bytes: the same "random" files on every run. */
  function seeded(seed: number): () => number {
    const next = seededStates(seed)
    return () => next() >>> 24
  }

  it('of 1,000 binary files of 1–16 KiB, ffprobe runs for at most 1 in 100', () => {
    const next = seeded(20261203)
    let probed = 0
    for (let i = 0; i < 1000; i++) {
      const bytes = Buffer.alloc(1024 + ((i * 7919) % (15 << 10)))
      for (let k = 0; k < bytes.length; k++) bytes[k] = next()
      if (mayHoldRawVideo(bytes, true) || mayHoldProbedAudio(bytes, true)) probed++
    }
    expect(probed).toBeLessThan(10)
  })

  it('a start code or DV header is found at the very end, or after a run of zeros', () => {
    const text = Buffer.from('not media at all\n'.repeat(100))
    const ending = (tail: number[]): Buffer => Buffer.concat([text, Buffer.from(tail)])
    expect(mayHoldRawVideo(ending([0, 0, 1]), true)).toBe(true) // H.264/MPEG start code
    expect(mayHoldRawVideo(ending([0, 0, 0x83]), true)).toBe(true) // H.263 picture start
    expect(mayHoldRawVideo(ending([0, 0, 0x84]), true)).toBe(false)
    expect(mayHoldRawVideo(ending([0x1f, 0x07, 0x00, 0xbf]), true)).toBe(true) // DIF header, bit 7 set
    expect(mayHoldRawVideo(ending([0x1f, 0x07, 0x00]), true)).toBe(false) // cut before its 4th byte
    expect(mayHoldRawVideo(ending([0xff, 0x3f, 0x07, 0x01]), true)).toBe(true)
    expect(mayHoldRawVideo(Buffer.concat([Buffer.alloc(4096), Buffer.from([1])]), true)).toBe(true)
    expect(mayHoldRawVideo(Buffer.alloc(4096), true)).toBe(false)
  })

  it('a file larger than the bytes read is always probed, whatever its start', () => {
    const text = Buffer.from('not media at all\n'.repeat(100))
    expect(mayHoldRawVideo(text, true)).toBe(false)
    expect(mayHoldProbedAudio(text, true)).toBe(false)
    expect(mayHoldRawVideo(text, false)).toBe(true)
    expect(mayHoldProbedAudio(text, false)).toBe(true)
  })
})
