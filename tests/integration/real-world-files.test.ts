/**
 * Every file in ../shared/fixtures/real-world/files against what EXPECTED.md and the exiftool /
 * ffprobe output in ref/ say: instant and offset (or the assumed-offset flag), duration,
 * displayed size, kind, encoding. Each file is copied to a name without extension first, as the
 * case store keeps it, so no tool can lean on the extension. (The two bags are checked in
 * real-world-bags.test.ts.)
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import iconv from 'iconv-lite'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { detectKind } from '../../src/core/evidence/detect-kind'
import { extractFile, type ExtractResult } from '../../src/core/evidence/extract/index'
import { decodeText, decodeTextAs } from '../../src/core/evidence/extract/text-decode'
import { kindModule } from '../../src/core/evidence/kinds/registry'
import { gpsTimeInPayload, parseGpsu } from '../../src/core/evidence/kinds/video/gpmf'
import { REAL_WORLD } from '../support/fixtures'
import { testFfmpeg } from '../support/media'
import { tempDir } from '../support/temp'

const FILES = join(REAL_WORLD, 'files')
const REF = join(REAL_WORLD, 'ref')
const ZONE = 'Asia/Shanghai'
const { dir, cleanup } = tempDir('real-world-')
afterAll(cleanup)

type Tags = Record<string, unknown>
const exiftool = (rel: string): Tags =>
  (JSON.parse(readFileSync(join(REF, `${rel}.exiftool.json`), 'utf8')) as Tags[])[0]
const ffprobe = (rel: string): { format: Tags; streams: Tags[] } =>
  JSON.parse(readFileSync(join(REF, `${rel}.ffprobe.json`), 'utf8')) as { format: Tags; streams: Tags[] }

let n = 0
async function extract(rel: string, zone = ZONE): Promise<ExtractResult> {
  const stored = join(dir, `object-${n++}`)
  copyFileSync(join(FILES, rel), stored)
  return extractFile(stored, {
    caseTimeZone: zone,
    fileName: rel.split('/').pop()!,
    sourceMtimeMs: statSync(join(FILES, rel)).mtimeMs,
  })
}
const codes = (r: ExtractResult): string[] => r.warnings.map((w) => w.code)
const instant = (iso: string | null): number => Date.parse(iso ?? '')

/** Every media file (the bags are folders and a ZIP checked elsewhere). */
function allFiles(d = FILES): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name)
    if (e.isDirectory()) return relative(FILES, p) === 'bags' ? [] : allFiles(p)
    return [relative(FILES, p)]
  })
}

/** What each file is (EXPECTED.md); a file added to the folder without a row here fails. */
const CHECKS: Record<string, (r: ExtractResult) => void> = {
  'image/iphone_13_pro_max.HEIC': (r) => {
    const t = exiftool('image/iphone_13_pro_max.HEIC')
    expect(r.kind).toBe('image')
    expect(r.mime).toBe('image/heic')
    expect(t['IFD0:Orientation']).toBe(6)
    // irot defines the display; EXIF orientation 6 is not applied a second time
    expect([r.width, r.height]).toEqual([3024, 4032])
    expect(r.capturedAt).toBe('2022-02-16T12:55:41.762+01:00')
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.device).toMatchObject({ make: t['IFD0:Make'], model: t['IFD0:Model'] })
    expect(r.gps).toBeNull()
  },
  'image/CanonRaw.cr3': (r) => {
    const t = exiftool('image/CanonRaw.cr3')
    expect(r.kind).toBe('image')
    expect(r.mime).toBe('image/x-canon-cr3')
    expect(r.meta.raw).toBe(true)
    expect([r.width, r.height]).toEqual([t['IFD0:ImageWidth'], t['IFD0:ImageHeight']])
    expect([r.width, r.height]).toEqual([6000, 4000])
    expect(r.capturedAt).toBe('2018-02-21T12:08:56.210+00:00')
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.device).toMatchObject({ make: 'Canon', model: 'Canon EOS M50' })
    expect(r.gps).toBeNull()
  },
  'thermal/IR_2412.jpg': (r) => {
    expect(r.kind).toBe('thermal')
    expect([r.width, r.height]).toEqual([640, 480])
    // the FLIR record's own zone, not the case zone assumed for EXIF without one
    expect(r.capturedAt).toBe('2013-05-09T20:22:23.335-06:00')
    expect(instant(r.capturedAt)).toBe(Date.parse('2013-05-10T02:22:23.335Z'))
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.device).toMatchObject({ make: 'FLIR Systems AB', model: 'FLIR SC660' })
    const th = r.meta.thermal as { minC: number; maxC: number; meanC: number }
    expect(th.minC).toBeCloseTo(22.74, 2)
    expect(th.maxC).toBeCloseTo(35.25, 2)
    expect(th.meanC).toBeCloseTo(28.26, 2)
  },
  'thermal/DJI_20220602143532_0191_T.JPG': (r) => {
    const t = exiftool('thermal/DJI_20220602143532_0191_T.JPG')
    expect(t['XMP-xmp:CreateDate']).toBe('2022:06:02 14:35:32+02:00')
    expect(r.kind).toBe('thermal')
    expect([r.width, r.height]).toEqual([640, 512])
    // the zone the drone wrote in XMP wins over the case zone
    expect(r.capturedAt).toBe('2022-06-02T14:35:32+02:00')
    expect(instant(r.capturedAt)).toBe(Date.parse('2022-06-02T12:35:32Z'))
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.device).toMatchObject({ make: 'DJI', model: 'ZH20T' })
    expect(r.gps!.lat).toBeCloseTo(t['Composite:GPSLatitude'] as number, 6)
    expect(r.gps!.lon).toBeCloseTo(t['Composite:GPSLongitude'] as number, 6)
  },
  'video/RIFF.avi': (r) => {
    expect(ffprobe('video/RIFF.avi').format.tags).toMatchObject({ creation_time: '2003-03-10 15:04:43' })
    expect(r.kind).toBe('video')
    expect([r.width, r.height]).toEqual([320, 240])
    // the IDIT wall clock has no zone: the case zone, flagged, never UTC
    expect(r.capturedAt).toBe('2003-03-10T15:04:43+08:00')
    expect(codes(r)).toContain('offset-assumed')
    // from the headers: 233 frames at 15.00015 fps
    expect(r.durationSec).toBeCloseTo(exiftool('video/RIFF.avi')['Composite:Duration'] as number, 2)
  },
  'video/karma.mp4': (r) => {
    const p = ffprobe('video/karma.mp4')
    expect(r.kind).toBe('video')
    expect([r.width, r.height]).toEqual([854, 480])
    // the video stream's duration, not the 13.013 s telemetry track
    expect(r.durationSec).toBeCloseTo(Number(p.format.duration), 3)
    expect(r.durationSec).toBeLessThan(12.1)
    // the GPMF GPS time agrees with the header: the header time is UTC, and that is said
    expect(instant(r.capturedAt)).toBe(Date.parse('2017-04-17T19:27:57Z'))
    expect(r.meta.timeFrom).toBe('gps')
    expect(codes(r)).toContain('time-from-gps')
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.device).toMatchObject({ make: 'GoPro', model: 'HERO5 Black' })
    expect(r.meta.firmware).toBe('HD5.02.02.00.00')
  },
  'video/DV.dv': (r) => {
    expect(r.kind).toBe('video')
    expect(r.mime).toBe('video/dv')
    // 720×576 coded, 64:45 pixels → 16:9
    expect([r.width, r.height]).toEqual([1024, 576])
    expect(r.capturedAt).toBe('2010-02-16T21:36:28+08:00')
    expect(codes(r)).toContain('offset-assumed')
    // 4,400 bytes: part of one frame, no duration
    expect(r.durationSec).toBeNull()
    expect(codes(r)).not.toContain('extension-mismatch')
  },
  'video/frame0.m4v': (r) => {
    expect(ffprobe('video/frame0.m4v').format.format_name).toBe('m4v')
    expect(r.kind).toBe('video')
    expect(r.mime).toBe('video/mp4v-es')
    expect([r.width, r.height]).toEqual([352, 288])
    expect(r.durationSec).toBeNull()
    expect(r.capturedAtSource).not.toBe('container')
    expect(codes(r)).not.toContain('extension-mismatch')
  },
  'audio/a01_0023.mp4': (r) => {
    expect(r.kind).toBe('audio')
    expect(r.durationSec).toBeCloseTo(4.992, 3)
    expect([r.width, r.height]).toEqual([null, null])
    // all its clocks are zero: no capture time from the file
    expect(r.capturedAtSource === 'container' || r.capturedAtSource === 'exif').toBe(false)
  },
  'audio/AAC.aac': (r) => {
    expect(r.kind).toBe('audio')
    expect(r.capturedAtSource === 'container' || r.capturedAtSource === 'exif').toBe(false)
  },
  'text/Big5/_ude_1.txt': (r) => {
    expect(r.kind).toBe('document')
    expect(r.mime).toBe('text/plain')
    expect(r.meta.encoding).toBe('big5')
    expect(r.text!.startsWith('維基大典（Wikipedia）者')).toBe(true)
    const c = r.meta.encodingCandidates as Array<{ encoding: string; confidence: number }>
    expect(c[0].encoding).toBe('big5')
    expect(c.map((x) => x.encoding)).toContain('gb18030') // the other reading is offered, ranked below
  },
  'text/iso-8859-1/_ude_1.txt': (r) => {
    expect(r.kind).toBe('document')
    expect(r.mime).toBe('text/plain')
    expect(['iso-8859-1', 'windows-1252']).toContain(r.meta.encoding)
    expect(r.text).toMatch(/ç/)
    expect(r.text).not.toMatch(/\uFFFD/)
    expect(codes(r)).not.toContain('extension-mismatch')
  },
}

describe('real files from real devices (../shared/fixtures/real-world)', () => {
  it('has a check for every file', () => {
    expect(allFiles().sort()).toEqual(Object.keys(CHECKS).sort())
  })
  for (const rel of allFiles()) {
    it(rel, async () => {
      const check = CHECKS[rel]
      expect(check, `no check for ${rel}`).toBeDefined()
      check(await extract(rel))
    })
  }
  it('a wall clock without a zone follows the case zone (AVI in Europe/Berlin)', async () => {
    const r = await extract('video/RIFF.avi', 'Europe/Berlin')
    expect(r.capturedAt).toBe('2003-03-10T15:04:43+01:00')
  })
})

describe('camera raw files of the same class (made here with sharp and exiftool)', () => {
  async function tiffRaw(name: string, tags: string[]): Promise<string> {
    const path = join(dir, name)
    await sharp({ create: { width: 160, height: 120, channels: 3, background: '#405060' } })
      .tiff()
      .toFile(path)
    execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, path])
    return path
  }
  const extractAt = (path: string): Promise<ExtractResult> =>
    extractFile(path, { caseTimeZone: ZONE, fileName: path.split('/').pop()!, sourceMtimeMs: 0 })

  it('a NEF-like TIFF whose only readable image is a preview: kind image (raw), time and camera from EXIF, preview size said so', async () => {
    const path = await tiffRaw('preview-only.nef', [
      '-Make=NIKON CORPORATION',
      '-Model=NIKON D850',
      '-SubfileType=Reduced-resolution image',
      '-DateTimeOriginal=2024:03:05 09:10:11',
      '-OffsetTimeOriginal=+08:00',
    ])
    const r = await extractAt(path)
    expect(r.kind).toBe('image')
    expect(r.meta.raw).toBe(true)
    expect(r.device).toMatchObject({ make: 'NIKON CORPORATION', model: 'NIKON D850' })
    expect(r.capturedAt).toBe('2024-03-05T09:10:11+08:00')
    expect([r.width, r.height]).toEqual([160, 120])
    expect(r.meta.sizeIsPreview).toBe(true)
    expect(codes(r)).toContain('preview-size')
  })

  it('a raw whose EXIF gives the image size: that size, not the preview in IFD0', async () => {
    const path = await tiffRaw('with-size.nef', [
      '-Make=NIKON CORPORATION',
      '-Model=NIKON Z 6',
      '-SubfileType=Reduced-resolution image',
      '-ExifImageWidth=6048',
      '-ExifImageHeight=4024',
      '-DateTimeOriginal=2024:03:05 09:10:11',
    ])
    const r = await extractAt(path)
    expect(r.meta.raw).toBe(true)
    expect([r.width, r.height]).toEqual([6048, 4024])
    expect(r.meta.sizeIsPreview).toBeUndefined()
    expect(codes(r)).toContain('offset-assumed')
  })

  it('an ordinary TIFF is not a raw', async () => {
    const path = await tiffRaw('scan.tif', ['-Make=Epson', '-Model=Perfection V600'])
    const r = await extractAt(path)
    expect(r.meta.raw).toBeUndefined()
    expect([r.width, r.height]).toEqual([160, 120])
  })
})

describe('action cameras that write local time as UTC (GoPro class)', () => {
  /** One GPMF payload: DEVC { STRM { GPSF fix, GPSU time } }, as HERO5 and later write it. */
  function gpmfPayload(gpsu: string, fix: number): Buffer {
    const klv = (key: string, type: string, size: number, repeat: number, value: Buffer): Buffer => {
      const head = Buffer.alloc(8)
      head.write(key, 0, 'latin1')
      head[4] = type === '\0' ? 0 : type.charCodeAt(0)
      head[5] = size
      head.writeUInt16BE(repeat, 6)
      const padded = Buffer.alloc(Math.ceil(value.length / 4) * 4)
      value.copy(padded)
      return Buffer.concat([head, padded])
    }
    const fixValue = Buffer.alloc(4)
    fixValue.writeUInt32BE(fix)
    const strm = Buffer.concat([
      klv('GPSF', 'L', 4, 1, fixValue),
      klv('GPSU', 'c', 16, 1, Buffer.from(gpsu, 'latin1')),
    ])
    const devc = klv('STRM', '\0', 1, strm.length, strm)
    return klv('DEVC', '\0', 1, devc.length, devc)
  }

  it('GPSU in a payload with a fix is the GPS time; without a fix it is not used', () => {
    expect(gpsTimeInPayload(gpmfPayload('240305011011.500', 3))).toBe(Date.parse('2024-03-05T01:10:11.500Z'))
    expect(gpsTimeInPayload(gpmfPayload('240305011011.500', 0))).toBeNull()
    expect(parseGpsu('170417192757.526')).toBe(Date.parse('2017-04-17T19:27:57.526Z'))
  })

  it('a GoPro MP4 without a GPS track: the header time is a wall clock in the case zone, flagged, never UTC', async () => {
    const path = join(dir, 'GOPR0001.MP4')
    execFileSync(testFfmpeg(), [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25:duration=1',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-metadata',
      'creation_time=2024-03-05T09:10:11Z',
      '-metadata:s:v',
      'handler_name=\tGoPro AVC',
      '-y',
      path,
    ])
    const r = await extractFile(path, { caseTimeZone: ZONE, fileName: 'GOPR0001.MP4', sourceMtimeMs: 0 })
    expect(r.device?.make).toBe('GoPro')
    expect(r.capturedAt).toBe('2024-03-05T09:10:11+08:00')
    expect(codes(r)).toContain('offset-assumed')
  })
})

describe('text kinds of the same classes', () => {
  it('XHTML (an XML declaration before the doctype) is HTML; other XML stays XML', () => {
    const xhtml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- saved page -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>现场记录</title></head><body><p>排污口</p></body></html>\n'
    expect(detectKind(Buffer.from(xhtml), 'page.html', { complete: true })).toMatchObject({
      kind: 'document',
      mime: 'text/html',
      extensionMismatch: false,
    })
    const bare = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    expect(detectKind(Buffer.from(bare), 'page.xhtml', { complete: true }).mime).toBe('text/html')
    const xml = '<?xml version="1.0"?>\n<records><r>1</r></records>'
    expect(detectKind(Buffer.from(xml), 'data.xml', { complete: true }).mime).toBe('application/xml')
  })

  it('MacRoman and windows-1252 prose is text, with the decoding used and the choice left open', () => {
    const prose =
      'Relatório da inspeção: a descarga contém resíduos; o responsável não estava presente. '.repeat(8)
    for (const enc of ['macintosh', 'windows-1252']) {
      const r = detectKind(iconv.encode(prose, enc), 'nota.txt', { complete: true })
      expect(r.kind, enc).toBe('document')
      expect(r.mime, enc).toBe('text/plain')
      const d = decodeText(iconv.encode(prose, enc))!
      expect(d.certain, enc).toBe(false)
      expect(decodeTextAs(iconv.encode(prose, enc), enc)!.text).toBe(prose)
    }
  })

  it('GB18030 Chinese stays GB18030; Big5 Chinese is Big5', () => {
    const zh =
      '询问笔录\n问：你叫什么名字？\n答：我叫张三，是某化工有限公司的环保负责人。今天上午执法人员到现场检查排污口。'
    expect(decodeText(iconv.encode(zh, 'gb18030'))).toMatchObject({ encoding: 'gb18030', text: zh })
    const tw = '詢問筆錄\n問：你叫什麼名字？\n答：我叫張三，是某化工有限公司的環保負責人。'
    expect(decodeText(iconv.encode(tw, 'big5'))).toMatchObject({ encoding: 'big5', text: tw })
  })
})

describe('HEIC pictures (libheif in a worker)', () => {
  it('the iPhone HEIC gets a portrait thumbnail and preview, turned once', { timeout: 300_000 }, async () => {
    const stored = join(dir, 'heic-object')
    copyFileSync(join(FILES, 'image/iphone_13_pro_max.HEIC'), stored)
    const out = join(dir, 'heic-derived')
    const made = await kindModule('image').pictures!.make({ path: stored }, out, {})
    expect(made.problem).toBeNull()
    const thumb = await sharp(made.files.thumb!).metadata()
    const preview = await sharp(made.files.preview!).metadata()
    expect([thumb.width, thumb.height]).toEqual([240, 320])
    expect([preview.width, preview.height]).toEqual([1200, 1600])
  })

  it(
    'a damaged HEIC gets no picture and a message without the stored path',
    { timeout: 120_000 },
    async () => {
      const bytes = readFileSync(join(FILES, 'image/iphone_13_pro_max.HEIC')).subarray(0, 4096)
      const stored = join(dir, 'objects-sha256-damaged')
      writeFileSync(stored, bytes)
      const made = await kindModule('image').pictures!.make(
        { path: stored },
        join(dir, 'damaged-derived'),
        {},
      )
      expect(made.files.thumb).toBeUndefined()
      expect(made.problem).toMatch(/HEIF/)
      expect(made.problem).not.toContain(dir)
    },
  )
})

describe('AVCHD (.mts): the H.264 MDPM recording time with its zone', () => {
  /** An MPEG-TS with an SEI user-data message carrying MDPM entries 0x18/0x19, as AVCHD camcorders write. */
  function avchd(name: string, zoneByte: number): string {
    const path = join(dir, name)
    // 2024-03-05 09:10:11; tags 0x18 (zone, BCD year, month) and 0x19 (BCD day, hour, minute, second)
    const mdpm = String.fromCharCode(2, 0x18, zoneByte, 0x20, 0x24, 0x03, 0x19, 0x05, 0x09, 0x10, 0x11)
    execFileSync(testFfmpeg(), [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25:duration=1',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-bsf:v',
      `h264_metadata=sei_user_data=17ee8c60-f84d-11d9-8cd6-0800200c9a66+MDPM${mdpm}`,
      '-f',
      'mpegts',
      '-y',
      path,
    ])
    return path
  }
  const at = (path: string, zone = 'Europe/Berlin'): Promise<ExtractResult> =>
    extractFile(path, { caseTimeZone: zone, fileName: path.split('/').pop()!, sourceMtimeMs: 0 })

  it('+08:00 recorded by the camera wins over the case zone', async () => {
    const r = await at(avchd('00001.MTS', 8 << 1))
    expect(r.kind).toBe('video')
    expect(r.capturedAt).toBe('2024-03-05T09:10:11+08:00')
    expect(codes(r)).not.toContain('offset-assumed')
    expect(r.meta.timeFrom).toMatch(/MDPM/)
  })

  it('west of UTC, and a half hour east', async () => {
    // (a zone byte of 0x27 would be a quote to ffmpeg's option parser, so the two cases are apart)
    expect((await at(avchd('00002.MTS', 0x20 | (5 << 1)))).capturedAt).toBe('2024-03-05T09:10:11-05:00')
    expect((await at(avchd('00003.MTS', (5 << 1) | 1))).capturedAt).toBe('2024-03-05T09:10:11+05:30')
  })
})
