import { readFileSync, statSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { waveformSchema } from '../../src/shared/kinds/audio'
import { extractFile } from '../../src/core/evidence/extract/index'
import { parseRecordingName } from '../../src/core/evidence/kinds/audio/recording-name'
import { audioPictures } from '../../src/core/evidence/kinds/audio/pictures'
import { makeAudioProxy } from '../../src/core/evidence/kinds/audio/playback'
import { MAX_PEAKS, PeakReducer } from '../../src/core/evidence/kinds/audio/waveform'
import { AUDIO_ENCODINGS, makeAudio, makeLongMp3 } from '../support/audio-media'
import { SHARED_FIXTURES } from '../support/fixtures'
import { ffprobeJson } from '../support/media'
import { tempDir } from '../support/temp'

const ZONE = 'Asia/Shanghai'
const { dir, cleanup } = tempDir('extract-audio-')
afterAll(cleanup)
const REAL = join(SHARED_FIXTURES, 'real-world/files/audio')

const extract = (path: string, fileName = basename(path)) =>
  extractFile(path, { caseTimeZone: ZONE, fileName, sourceMtimeMs: statSync(path).mtimeMs })
const codes = (r: { warnings: Array<{ code: string }> }) => r.warnings.map((w) => w.code)

describe('audio formats, detected by content', () => {
  // what Chromium plays as it is; the rest get a proxy
  const expected: Record<string, { mime: string; codec: string; proxy: boolean }> = {
    m4a: { mime: 'audio/mp4', codec: 'aac', proxy: false },
    mp3: { mime: 'audio/mpeg', codec: 'mp3', proxy: false },
    wav: { mime: 'audio/wav', codec: 'pcm_s16le', proxy: false },
    amr: { mime: 'audio/amr', codec: 'amr_nb', proxy: true },
    ogg: { mime: 'audio/ogg', codec: 'vorbis', proxy: false },
    opus: { mime: 'audio/ogg', codec: 'opus', proxy: false },
    wma: { mime: 'audio/x-ms-wma', codec: 'wmav2', proxy: true },
    flac: { mime: 'audio/flac', codec: 'flac', proxy: false },
    aac: { mime: 'audio/aac', codec: 'aac', proxy: false },
    mp4: { mime: 'audio/mp4', codec: 'aac', proxy: false },
    '3gp': { mime: 'audio/3gpp', codec: 'amr_nb', proxy: true },
  }
  for (const ext of Object.keys(AUDIO_ENCODINGS)) {
    it(`.${ext}: kind audio with ffprobe's codec, rate, channels and duration`, async () => {
      const path = makeAudio(dir, `sample.${ext}`, 3)
      const p = ffprobeJson(path)
      const a = p.streams.find((s) => s.codec_type === 'audio')!
      const r = await extract(path)
      expect(r.kind).toBe('audio')
      expect(r.mime).toBe(expected[ext].mime)
      expect(r.meta.codec).toBe(expected[ext].codec)
      expect(r.meta.sampleRate).toBe(Number(a.sample_rate))
      expect(r.meta.channels).toBe(a.channels)
      // within the AAC encoder delay Debian's ffprobe 5.1 counts and the bundled one trims
      expect(Math.abs(r.durationSec! - Number(p.format.duration ?? a.duration))).toBeLessThan(0.1)
      expect(r.needsProxy).toBe(expected[ext].proxy)
      expect(codes(r)).not.toContain('extension-mismatch')
      expect(codes(r)).not.toContain('metadata-unreadable')
    })
  }

  it('an audio-only MP4 named like a body-cam clip is audio', async () => {
    const named = join(dir, 'interview.mp4')
    copyFileSync(makeAudio(dir, 'src.mp4', 2), named)
    const asVideoName = await extract(named, 'DSJ_20210524093015_A8.MP4')
    expect(asVideoName.kind).toBe('audio')
    expect(asVideoName.mime).toBe('audio/mp4')
  })
})

describe('real-world audio (../shared/fixtures/real-world/files/audio, EXPECTED.md)', () => {
  it('a01_0023.mp4: an audio-only MP4 is audio, 4.992 s, no recorded capture time', async () => {
    const r = await extract(join(REAL, 'a01_0023.mp4'))
    expect(r.kind).toBe('audio')
    expect(r.mime).toBe('audio/mp4')
    expect(r.durationSec).toBe(4.992)
    expect(r.meta).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 })
    // all its clocks are zero: only the file system's time is left, and it says so
    expect(r.capturedAtSource).toBe('filesystem')
    expect(codes(r)).toContain('time-from-filesystem')
  })

  it('AAC.aac: a raw ADTS stream of one frame is audio', async () => {
    const r = await extract(join(REAL, 'AAC.aac'))
    expect(r.kind).toBe('audio')
    expect(r.mime).toBe('audio/aac')
    expect(r.meta).toMatchObject({ codec: 'aac', sampleRate: 44100, channels: 2 })
    expect(codes(r)).not.toContain('extension-mismatch')
  })
})

describe('when the recording began', () => {
  it('the container clock of a phone recording, with device from its tags', async () => {
    const path = makeAudio(dir, 'phone.m4a', 2, [
      '-metadata',
      'creation_time=2021-05-24T01:30:15Z',
      '-movflags',
      'use_metadata_tags',
      '-metadata',
      'com.apple.quicktime.make=Apple',
      '-metadata',
      'com.apple.quicktime.model=iPhone 12',
    ])
    const r = await extract(path)
    expect(r.capturedAt).toBe('2021-05-24T09:30:15+08:00')
    expect(r.capturedAtSource).toBe('container')
    expect(r.device).toEqual({ make: 'Apple', model: 'iPhone 12', serial: null, id: null })
  })

  it.each([
    ['录音 2021-05-24 09-30-15.m4a', '2021-05-24T09:30:15+08:00'],
    ['20210524_093015.amr', '2021-05-24T09:30:15+08:00'],
    ['13800138000_20210524093015.mp3', '2021-05-24T09:30:15+08:00'],
    ['Call recording 张三_210524_093015.m4a', '2021-05-24T09:30:15+08:00'],
    ['210524_0930.mp3', '2021-05-24T09:30:00+08:00'],
    ['录音 2021年5月24日 9时30分15秒.m4a', '2021-05-24T09:30:15+08:00'],
  ])('the file name %s, offset assumed and said so', async (name, at) => {
    const ext = name.replace(/^.*\./, '')
    const path = makeAudio(dir, `named.${ext}`, 1)
    const r = await extract(path, name)
    expect(r.capturedAt).toBe(at)
    expect(r.capturedAtSource).toBe('filename')
    expect(codes(r)).toContain('offset-assumed')
    // 录音, a phone number or a contact is not a device
    expect(r.device).toBeNull()
  })

  it('names without a clock reading give none', () => {
    for (const name of ['Voice 001.m4a', 'New Recording 12.m4a', '123456_654321.mp3', 'ZOOM0001.WAV'])
      expect(parseRecordingName(name)).toBeNull()
  })

  it("a recorder's BWF origination date and time, in the case zone, its originator as the device", async () => {
    const path = makeAudio(dir, 'ZOOM0001.WAV', 1, [
      '-write_bext',
      '1',
      '-metadata',
      'origination_date=2021-05-24',
      '-metadata',
      'origination_time=09:30:15',
      '-metadata',
      'originator=ZOOM H5',
    ])
    const r = await extract(path)
    expect(r.capturedAt).toBe('2021-05-24T09:30:15+08:00')
    expect(r.capturedAtSource).toBe('container')
    expect(codes(r)).toContain('offset-assumed')
    expect(r.device?.model).toBe('ZOOM H5')
    expect(r.meta.tags).toMatchObject({ encoded_by: 'ZOOM H5', date: '2021-05-24' })
  })
})

describe('bad input is kept and described', () => {
  it('a truncated M4A is audio, flagged truncated', async () => {
    const path = makeAudio(dir, 'cut.m4a', 4)
    truncateSync(path, Math.floor(statSync(path).size / 2))
    const r = await extract(path)
    expect(r.kind).toBe('audio')
    expect(codes(r)).toContain('truncated')
  })

  it('a truncated WAV is audio, flagged truncated, and its waveform covers what is there', async () => {
    const path = makeAudio(dir, 'cut.wav', 4)
    truncateSync(path, Math.floor(statSync(path).size / 2))
    const r = await extract(path)
    expect(r.kind).toBe('audio')
    expect(codes(r)).toContain('truncated')
    const made = await audioPictures({ path }, join(dir, 'cut-wav-derived'), {})
    const w = waveformSchema.parse(JSON.parse(readFileSync(made.files.waveform!, 'utf8')))
    expect(w.decodedSec).toBeGreaterThan(1.5)
    expect(w.decodedSec).toBeLessThan(2.5)
  })

  it('an .mp3 that is really text is not audio and its name is flagged', async () => {
    const path = join(dir, 'recording.mp3')
    writeFileSync(path, '这不是录音，只是一段文字。\nThis is not a recording.\n')
    const r = await extract(path)
    expect(r.kind).not.toBe('audio')
    expect(codes(r)).toContain('extension-mismatch')
  })

  it('a zero-length .m4a is kept as empty, not audio', async () => {
    const path = join(dir, 'empty.m4a')
    writeFileSync(path, '')
    const r = await extract(path)
    expect(r.kind).not.toBe('audio')
    expect(codes(r)).toContain('empty')
  })

  it('random bytes named .aac are not audio', async () => {
    const path = join(dir, 'noise.aac')
    const bytes = Buffer.alloc(4096)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251
    bytes[0] = 0xff
    bytes[1] = 0xf1
    writeFileSync(path, bytes)
    expect((await extract(path)).kind).not.toBe('audio')
  })
})

describe('waveform', () => {
  it('peaks follow the sound: silence then a tone at half of full scale; the thumbnail is the waveform', async () => {
    const path = makeAudio(dir, 'tone.wav', 3)
    const made = await audioPictures({ path }, join(dir, 'tone-derived'), {})
    expect(made.problem).toBeNull()
    const w = waveformSchema.parse(JSON.parse(readFileSync(made.files.waveform!, 'utf8')))
    expect(w.secondsPerPeak).toBe(0.02)
    expect(w.decodedSec).toBeCloseTo(3, 2)
    expect(w.peaks).toHaveLength(150)
    expect(Math.max(...w.peaks.slice(0, 45))).toBe(0)
    for (const p of w.peaks.slice(55)) expect(p).toBeGreaterThan(450)
    for (const p of w.peaks.slice(55)) expect(p).toBeLessThan(520)
    const thumb = await sharp(made.files.thumb!).metadata()
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 180])
  })

  it('merging keeps at most MAX_PEAKS, each the loudest of what it covers', () => {
    const r = new PeakReducer()
    const pcm = Buffer.alloc(8000 * 2 * 600) // ten minutes at 8 kHz
    for (let s = 0; s < 600; s++) pcm.writeInt16LE(s === 300 ? -32768 : 100, (s * 8000 + 17) * 2)
    // odd chunk boundaries: a sample split across chunks is put back together
    for (let at = 0; at < pcm.length; at += 4097) r.push(pcm.subarray(at, Math.min(pcm.length, at + 4097)))
    const w = r.result()
    expect(w.peaks.length).toBeLessThanOrEqual(MAX_PEAKS)
    expect(w.decodedSec).toBe(600)
    expect(w.peaks.length * w.secondsPerPeak).toBeGreaterThanOrEqual(600)
    const loud = w.peaks.findIndex((p) => p === 1000)
    expect(loud * w.secondsPerPeak).toBeLessThanOrEqual(300)
    expect((loud + 1) * w.secondsPerPeak).toBeGreaterThan(300)
    expect(w.peaks.filter((p) => p === 1000)).toHaveLength(1)
  })

  it(
    'a ten-hour recording: streamed, bounded peaks, the whole length decoded',
    { timeout: 240_000 },
    async () => {
      const path = makeLongMp3(dir, 600)
      const r = await extract(path)
      expect(r.kind).toBe('audio')
      // each repeated minute is 60.048 s of MP3 frames
      expect(Math.abs(r.durationSec! - 36_000)).toBeLessThan(60)
      const made = await audioPictures({ path }, join(dir, 'long-derived'), {})
      expect(made.problem).toBeNull()
      const w = waveformSchema.parse(JSON.parse(readFileSync(made.files.waveform!, 'utf8')))
      expect(w.peaks.length).toBeLessThanOrEqual(MAX_PEAKS)
      expect(Math.abs(w.decodedSec - r.durationSec!)).toBeLessThan(1)
      expect(w.peaks.length * w.secondsPerPeak).toBeGreaterThanOrEqual(36_000 - w.secondsPerPeak)
    },
  )
})

describe('playback proxy', () => {
  it('an AMR recording gets an AAC M4A that plays as long as the original', async () => {
    const path = makeAudio(dir, 'call.amr', 3)
    const out = join(dir, 'call-proxy.m4a')
    await makeAudioProxy(path, out)
    const p = ffprobeJson(out)
    expect(p.streams.map((s) => s.codec_name)).toEqual(['aac'])
    expect(Number(p.format.duration)).toBeCloseTo(3, 0)
  })
})
