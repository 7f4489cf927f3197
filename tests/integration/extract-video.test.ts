import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../src/core/evidence/extract/index'
import { parseFilenameTime } from '../../src/core/evidence/extract/filename-time'
import { parseIso6709 } from '../../src/core/evidence/kinds/video/extract'
import { bundledFfmpegHasLibx264, makePlaybackProxy } from '../../src/core/evidence/kinds/video/proxy'
import { kindModule } from '../../src/core/evidence/kinds/registry'
import { ffprobeJson, hasEncoder, makeBodycamMp4, makeHevcMp4 } from '../support/media'
import { tempDir } from '../support/temp'

const ZONE = 'Asia/Shanghai'
const { dir, cleanup } = tempDir('extract-video-')
afterAll(cleanup)

const extract = (path: string, signal?: AbortSignal) =>
  extractFile(path, {
    caseTimeZone: ZONE,
    fileName: basename(path),
    sourceMtimeMs: statSync(path).mtimeMs,
    signal,
  })
const codes = (r: { warnings: Array<{ code: string }> }) => r.warnings.map((w) => w.code)
const HAS_X265 = hasEncoder('libx265')

let bodycam = ''
let hevc = ''
beforeAll(() => {
  bodycam = makeBodycamMp4(dir)
  if (HAS_X265) hevc = makeHevcMp4(dir)
})

describe('H.264 body-cam MP4', () => {
  it('matches ffprobe: container, codecs, duration, size, fps, creation_time, location', async () => {
    const p = ffprobeJson(bodycam)
    const v = p.streams.find((s) => s.codec_type === 'video')!
    const a = p.streams.find((s) => s.codec_type === 'audio')!
    const r = await extract(bodycam)
    expect(r.kind).toBe('video')
    expect(r.mime).toBe('video/mp4')
    expect(r.meta.container).toBe(p.format.format_name)
    expect(r.meta.videoCodec).toBe(v.codec_name)
    expect(r.meta.audioCodec).toBe(a.codec_name)
    expect(r.durationSec).toBeCloseTo(Number(p.format.duration), 2)
    expect([r.width, r.height]).toEqual([v.width, v.height])
    const [num, den] = String(v.avg_frame_rate).split('/').map(Number)
    expect(r.meta.fps).toBeCloseTo(num / den, 3)
    expect(Date.parse(r.capturedAt!)).toBe(Date.parse(p.format.tags!.creation_time))
    expect(r.capturedAt).toBe('2021-05-24T04:03:12+08:00')
    expect(r.capturedAtSource).toBe('container')
    expect(r.utcOffset).toBe('+08:00')
    const [, lat, lon] = /^([+-][\d.]+)([+-][\d.]+)/.exec(p.format.tags!.location)!
    expect(r.gps).toEqual({ lat: Number(lat), lon: Number(lon), alt: null })
    expect(r.device).toEqual({ make: null, model: null, serial: null, id: 'DSJ-A8-00123' })
    expect(r.meta.comment).toBe(p.format.tags!.comment)
    expect(r.needsProxy).toBe(false)
    expect(r.warnings).toEqual([])
  })

  it('applies the display rotation: 90° turns 320×240 into 240×320', async () => {
    const path = makeBodycamMp4(dir, { fileName: 'rotated.mp4', rotation: 90 })
    const v = ffprobeJson(path).streams.find((s) => s.codec_type === 'video')!
    const rot = (v.side_data_list as Array<{ rotation?: number }>).find(
      (d) => d.rotation !== undefined,
    )!.rotation!
    const r = await extract(path)
    expect(Math.abs(rot)).toBe(90)
    expect([r.width, r.height]).toEqual([v.height, v.width])
    expect(r.meta.rotation).toBe(rot)
  })

  it('poster frame: 320 px wide, 1 s in, and 0 s for a clip shorter than 1 s', async () => {
    const out = join(dir, 'derived-poster')
    const poster = (path: string, outDir: string) => kindModule('video').pictures!.make({ path }, outDir, {})
    const th = await poster(bodycam, out)
    expect(th.problem).toBeNull()
    expect((await sharp(th.files.poster!).metadata()).width).toBe(320)
    const short = makeBodycamMp4(dir, { fileName: 'short.mp4', durationSec: 0.4 })
    const th2 = await poster(short, join(dir, 'derived-short'))
    expect(th2.files.poster).toBeDefined()
    expect(readdirSync(out)).toEqual(['poster.jpg'])
  })
})

describe('capture time sources and clock checks', () => {
  it('container and file name disagree by 6m48s: clock-mismatch naming both', async () => {
    const path = makeBodycamMp4(dir, {
      fileName: '20210524_040312_DSJ-A8-00777.MP4',
      creationTime: '2021-05-23T20:10:00Z',
    })
    const r = await extract(path)
    expect(r.capturedAt).toBe('2021-05-24T04:10:00+08:00')
    expect(r.capturedAtSource).toBe('container')
    expect(codes(r)).toEqual(['clock-mismatch'])
    expect(r.warnings[0].message).toContain('2021-05-24T04:10:00+08:00')
    expect(r.warnings[0].message).toContain('2021-05-24T04:03:12+08:00')
  })

  it('a recorder that wrote local time as UTC: no mismatch, read as local with offset-assumed', async () => {
    const path = makeBodycamMp4(dir, {
      fileName: 'DSJ_20210524040312_A8-00123.mp4',
      creationTime: '2021-05-24T04:03:12Z',
    })
    const r = await extract(path)
    expect(r.capturedAt).toBe('2021-05-24T04:03:12+08:00')
    expect(codes(r)).toEqual(['offset-assumed'])
    expect(r.device?.id).toBe('A8-00123')
  })

  it('no creation_time: the file-name time in the case zone, offset-assumed', async () => {
    const path = makeBodycamMp4(dir, { fileName: '20210524040312_00123.mp4', creationTime: null })
    expect(ffprobeJson(path).format.tags?.creation_time).toBeUndefined()
    const r = await extract(path)
    expect(r).toMatchObject({
      capturedAt: '2021-05-24T04:03:12+08:00',
      capturedAtSource: 'filename',
      utcOffset: '+08:00',
    })
    expect(codes(r)).toEqual(['offset-assumed'])
  })

  it('no creation_time and no date in the name: filesystem time', async () => {
    const path = makeBodycamMp4(dir, { fileName: 'clip.mp4', creationTime: null })
    const r = await extract(path)
    expect(r.capturedAtSource).toBe('filesystem')
    expect(Date.parse(r.capturedAt!)).toBe(Math.floor(statSync(path).mtimeMs))
    expect(codes(r)).toEqual(['time-from-filesystem'])
  })
})

describe('damaged and unplayable videos', () => {
  it('a truncated copy (moov lost) is kept with truncated, never thrown', async () => {
    const path = join(dir, '20210524_040312_DSJ-A8-00123-cut.MP4')
    const full = readFileSync(bodycam)
    writeFileSync(path, full.subarray(0, Math.floor(full.length * 0.6)))
    const r = await extract(path)
    expect(r.kind).toBe('video')
    expect(codes(r)).toContain('truncated')
    expect(r.capturedAtSource).toBe('filename')
    expect(r.device?.id).toBe('DSJ-A8-00123-cut')
  })

  it.runIf(HAS_X265)(
    'HEVC: codec from ffprobe, needs a proxy; the proxy is H.264 + faststart and plays',
    async () => {
      const p = ffprobeJson(hevc)
      const r = await extract(hevc)
      expect(r.meta.videoCodec).toBe(p.streams.find((s) => s.codec_type === 'video')!.codec_name)
      expect(r.meta.videoCodec).toBe('hevc')
      expect(r.needsProxy).toBe(true)
      const before = readFileSync(hevc)
      const seen: number[] = []
      const out = join(dir, 'proxy.mp4')
      await makePlaybackProxy(hevc, out, { onProgress: (f) => seen.push(f) })
      expect(readFileSync(hevc).equals(before)).toBe(true) // original untouched
      const q = ffprobeJson(out)
      expect(q.streams.find((s) => s.codec_type === 'video')).toMatchObject({
        codec_name: 'h264',
        pix_fmt: 'yuv420p',
      })
      const bytes = readFileSync(out)
      expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat')) // faststart
      expect(seen.at(-1)).toBe(1)
      const proxied = await extract(out)
      expect(proxied.needsProxy).toBe(false)
    },
  )

  it('an aborted proxy leaves nothing behind and rejects with cancelled', async () => {
    const ac = new AbortController()
    const out = join(dir, 'aborted-proxy.mp4')
    const p = makePlaybackProxy(bodycam, out, { signal: ac.signal })
    ac.abort()
    await expect(p).rejects.toMatchObject({ code: 'cancelled' })
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('aborted-proxy'))).toEqual([])
  })

  it('an aborted extraction rejects with cancelled', async () => {
    const ac = new AbortController()
    ac.abort()
    await expect(extract(bodycam, ac.signal)).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('the bundled ffmpeg (the one that ships) has libx264', async () => {
    expect(await bundledFfmpegHasLibx264()).toBe(true)
  })

  it('mjpeg in AVI needs a proxy', async () => {
    const avi = makeBodycamMp4(dir, { fileName: 'mjpeg.avi', codec: 'mjpeg', audio: false, container: 'avi' })
    const r = await extract(avi)
    expect(r).toMatchObject({ kind: 'video', mime: 'video/x-msvideo', needsProxy: true })
    expect(r.meta.videoCodec).toBe('mjpeg')
  })
})

describe('file-name clocks and ISO 6709', () => {
  it.each([
    ['20210524_040312_DSJ-A8-00123.MP4', 'DSJ-A8-00123'],
    ['DSJ_20210524040312_A8-00123.MP4', 'A8-00123'],
    ['20210524040312_00123.mp4', '00123'],
    ['0123456_012345_20210524040312_0001.MP4', '0123456_012345'],
    ['DJI_20210524040312_0001_W.MP4', null],
    ['2021-05-24_04-03-12.mp4', null],
  ])('%s', (name, id) => {
    const t = parseFilenameTime(name)
    expect(t?.wall).toEqual({ year: 2021, month: 5, day: 24, hour: 4, minute: 3, second: 12 })
    expect(t?.deviceId).toBe(id)
  })
  it('rejects impossible dates and long digit runs', () => {
    expect(parseFilenameTime('20210230_040312.mp4')).toBeNull()
    expect(parseFilenameTime('120210524040312.mp4')).toBeNull()
    expect(parseFilenameTime('VID_0001.mp4')).toBeNull()
  })
  it('parses decimal, DDMM and DDMMSS forms with altitude', () => {
    expect(parseIso6709('+31.2304+121.4737/')).toEqual({ lat: 31.2304, lon: 121.4737, alt: null })
    expect(parseIso6709('-20.2328-043.4914+863.500/')).toEqual({ lat: -20.2328, lon: -43.4914, alt: 863.5 })
    const ddmm = parseIso6709('+3113.824+12128.422/')!
    expect(ddmm.lat).toBeCloseTo(31.2304, 4)
    expect(ddmm.lon).toBeCloseTo(121.4737, 4)
    expect(parseIso6709('+311349.44+1212825.32/')!.lat).toBeCloseTo(31.2304, 4)
    expect(parseIso6709('garbage')).toBeNull()
  })
})
