/**
 * Test media made on the spot with real tools (sharp, exiftool, Debian ffmpeg, iconv-lite,
 * yazl): nothing binary is committed. Each maker writes into `dir` and returns the file path.
 * Reference readers (exiftool -j -n, ffprobe) are here too, so tests compare against them.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import sharp from 'sharp'
import yazl from 'yazl'
import { ffmpegPath } from '../../src/core/evidence/media-tools'

/** Debian's ffmpeg when installed (has libx265 and current muxers), else the bundled one. */
export function testFfmpeg(): string {
  return existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : ffmpegPath()
}

export function hasEncoder(name: string, bin = testFfmpeg()): boolean {
  const out = execFileSync(bin, ['-hide_banner', '-encoders'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new RegExp(`\\b${name}\\b`).test(out)
}

function ffmpeg(args: string[]): void {
  execFileSync(testFfmpeg(), ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

function exiftool(args: string[]): void {
  execFileSync('exiftool', ['-q', '-q', '-overwrite_original', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

/** exiftool's reading (`-j -n -G1`, numbers unformatted) of one file. */
export function exiftoolJson(path: string): Record<string, unknown> {
  return (
    JSON.parse(execFileSync('exiftool', ['-j', '-n', '-G1', path], { encoding: 'utf8' })) as Array<
      Record<string, unknown>
    >
  )[0]
}

/** Debian ffprobe's JSON (-show_format -show_streams). */
export function ffprobeJson(path: string): {
  format: Record<string, unknown> & { tags?: Record<string, string> }
  streams: Array<Record<string, unknown> & { tags?: Record<string, string> }>
} {
  const bin = existsSync('/usr/bin/ffprobe') ? '/usr/bin/ffprobe' : 'ffprobe'
  return JSON.parse(
    execFileSync(bin, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], {
      encoding: 'utf8',
    }),
  )
}

export interface BodycamOptions {
  /** default 20210524_040312_DSJ-A8-00123.MP4 */
  fileName?: string
  /** container creation_time (UTC ISO); default 2021-05-23T20:03:12Z, which agrees with the default name in Asia/Shanghai; null: none */
  creationTime?: string | null
  /** ISO 6709; default +31.2304+121.4737/; null: none */
  location?: string | null
  durationSec?: number
  /** default 320x240 */
  size?: string
  /** display rotation in degrees written into the track header (exiftool) */
  rotation?: number
  codec?: 'h264' | 'hevc' | 'mjpeg' | 'mpeg4'
  audio?: boolean
  /** muxer; default mp4 */
  container?: 'mp4' | 'mov' | 'avi'
}

/** A body-worn-recorder style clip: test pattern + tone, H.264/AAC MP4, creation_time and GPS tags. */
export function makeBodycamMp4(dir: string, opts: BodycamOptions = {}): string {
  const out = join(dir, opts.fileName ?? '20210524_040312_DSJ-A8-00123.MP4')
  const dur = String(opts.durationSec ?? 2)
  const codec = opts.codec ?? 'h264'
  const vcodec = {
    h264: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    hevc: [
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-tag:v',
      'hvc1',
      '-x265-params',
      'log-level=error',
    ],
    mjpeg: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p'],
    mpeg4: ['-c:v', 'mpeg4'],
  }[codec]
  const args = ['-f', 'lavfi', '-i', `testsrc=size=${opts.size ?? '320x240'}:rate=25:duration=${dur}`]
  if (opts.audio !== false) args.push('-f', 'lavfi', '-i', `sine=frequency=1000:duration=${dur}`)
  args.push(...vcodec)
  if (opts.audio !== false) args.push('-c:a', 'aac', '-shortest')
  const creation = opts.creationTime === undefined ? '2021-05-23T20:03:12Z' : opts.creationTime
  if (creation) args.push('-metadata', `creation_time=${creation}`)
  const location = opts.location === undefined ? '+31.2304+121.4737/' : opts.location
  if (location) args.push('-metadata', `location=${location}`)
  args.push('-metadata', 'comment=test clip', '-f', opts.container ?? 'mp4', out)
  ffmpeg(args)
  if (opts.rotation) exiftool([`-Rotation=${opts.rotation}`, out])
  return out
}

/** An HEVC (libx265) MP4 that Chromium cannot play: needs a proxy. */
export function makeHevcMp4(dir: string, fileName = 'hevc-clip.mp4'): string {
  return makeBodycamMp4(dir, {
    fileName,
    codec: 'hevc',
    creationTime: '2021-05-24T01:00:00Z',
    location: null,
  })
}

export interface DroneJpegOptions {
  fileName?: string
  width?: number
  height?: number
  /** EXIF orientation 1–8; default 6 (rotate 90 CW) */
  orientation?: number
  dateTimeOriginal?: string
  /** OffsetTimeOriginal; null: none */
  offset?: string | null
  gps?: { lat: number; lon: number; alt: number } | null
  make?: string
  model?: string
  serial?: string
  /** drone-dji XMP properties, written as the strings DJI uses ("+32.50") */
  drone?: Record<string, string> | null
}

/** A DJI-style photo: noise pixels (so it has real entropy data), EXIF time/offset/GPS/orientation, drone-dji XMP. */
export async function makeDroneJpeg(dir: string, opts: DroneJpegOptions = {}): Promise<string> {
  const out = join(dir, opts.fileName ?? 'DJI_0001.JPG')
  await sharp({
    create: {
      width: opts.width ?? 640,
      height: opts.height ?? 480,
      channels: 3,
      background: '#406080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toFile(out)
  const gps = opts.gps === undefined ? { lat: 31.2304, lon: 121.4737, alt: 52.3 } : opts.gps
  const args = [
    `-Make=${opts.make ?? 'DJI'}`,
    `-Model=${opts.model ?? 'FC6310'}`,
    `-SerialNumber=${opts.serial ?? '0K8TG7L0120345'}`,
    `-Orientation#=${opts.orientation ?? 6}`,
    `-DateTimeOriginal=${opts.dateTimeOriginal ?? '2021:05:24 10:15:30'}`,
  ]
  const offset = opts.offset === undefined ? '+08:00' : opts.offset
  if (offset) args.push(`-OffsetTimeOriginal=${offset}`)
  if (gps) {
    args.push(`-GPSLatitude=${Math.abs(gps.lat)}`, `-GPSLatitudeRef=${gps.lat < 0 ? 'S' : 'N'}`)
    args.push(`-GPSLongitude=${Math.abs(gps.lon)}`, `-GPSLongitudeRef=${gps.lon < 0 ? 'W' : 'E'}`)
    args.push(`-GPSAltitude=${Math.abs(gps.alt)}`, `-GPSAltitudeRef#=${gps.alt < 0 ? 1 : 0}`)
  }
  const drone =
    opts.drone === undefined
      ? {
          AbsoluteAltitude: '+52.30',
          RelativeAltitude: '+30.10',
          GimbalYawDegree: '+32.50',
          GimbalPitchDegree: '-90.00',
          GimbalRollDegree: '+0.00',
          FlightYawDegree: '+30.30',
          FlightPitchDegree: '-0.50',
          FlightRollDegree: '+1.20',
        }
      : opts.drone
  for (const [k, v] of Object.entries(drone ?? {})) args.push(`-XMP-drone-dji:${k}=${v}`)
  exiftool([...args, out])
  return out
}

/** The interview record used by the transcript makers: header, three 问/答 turns, one continuation line. */
export const TRANSCRIPT_TEXT = [
  '询问笔录',
  '时间：2021年5月24日9时30分至10时15分',
  '地点：某某化工有限公司会议室',
  '询问人：张三、李四    记录人：王五',
  '被询问人：赵六    性别：男',
  '问：我们是某某市生态环境局的执法人员，现依法向你了解情况，你是否清楚？',
  '答：清楚。',
  '问：你公司的脱硫设施5月24日凌晨是否正常运行？',
  '答：2点左右脱硫塔循环泵故障停运，',
  '到4点才修好。',
  '问：以上笔录是否属实？',
  '答：属实。',
  '',
].join('\r\n')

export function makeTranscriptGb18030(dir: string, fileName = '询问笔录-赵六.txt'): string {
  const out = join(dir, fileName)
  writeFileSync(out, iconv.encode(TRANSCRIPT_TEXT, 'gb18030'))
  return out
}

export function makeTranscriptUtf16(
  dir: string,
  opts: { bom?: boolean; bigEndian?: boolean; fileName?: string } = {},
): string {
  const out = join(dir, opts.fileName ?? 'transcript-utf16.txt')
  const body = iconv.encode(TRANSCRIPT_TEXT, opts.bigEndian ? 'utf-16be' : 'utf-16le')
  const bom = opts.bom === false ? Buffer.alloc(0) : Buffer.from(opts.bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  writeFileSync(out, Buffer.concat([bom, body]))
  return out
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A minimal valid .docx (content types, package rels, one paragraph per line) built with yazl. */
export async function makeTranscriptDocx(
  dir: string,
  fileName = '询问笔录.docx',
  lines = TRANSCRIPT_TEXT.split('\r\n'),
): Promise<string> {
  const out = join(dir, fileName)
  const zip = new yazl.ZipFile()
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
  )
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    '_rels/.rels',
  )
  const paras = lines
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`)
    .join('')
  zip.addBuffer(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`,
    ),
    'word/document.xml',
  )
  zip.end()
  await new Promise<void>((resolve, reject) => {
    zip.outputStream
      .pipe(createWriteStream(out))
      .on('close', () => resolve())
      .on('error', reject)
  })
  return out
}

/** SO2 hourly values of the ground-truth example: 02:00 = 72.852 and 03:00 = 60.1 exceed 35; 05:00 equals it. */
export const CEMS_ROWS: Array<[string, number | string, number | string, number | string]> = [
  ['2021-05-24 00:00:00', 20.5, 80.1, 5.2],
  ['2021-05-24 01:00:00', 30.25, 82.4, 5.0],
  ['2021-05-24 02:00:00', 72.852, 90.0, 6.1],
  ['2021-05-24 03:00:00', 60.1, 88.8, 6.0],
  ['2021-05-24 04:00:00', 33.0, 85.0, 5.5],
  ['2021-05-24 05:00:00', 35, 84.0, 5.4],
  ['2021-05-24 06:00:00', '--', 83.0, 5.1],
  ['2021-05-24 07:00:00', 28.7, 81.0, 4.9],
]

/**
 * A CEMS hourly export like the ones plants hand over: a preamble line, a header with units in
 * parentheses, GB18030 or UTF-8. No limit column unless `withLimitColumn`.
 */
export function makeCemsCsv(
  dir: string,
  opts: { encoding?: 'utf-8' | 'gb18030'; fileName?: string; withLimitColumn?: boolean } = {},
): string {
  const out = join(dir, opts.fileName ?? 'CEMS-1号排放口-20210524.csv')
  const head = ['监测时间', '二氧化硫实测浓度(mg/m3)', '氮氧化物(mg/m³)', '颗粒物(mg/m3)']
  if (opts.withLimitColumn) head.push('SO2标准限值(mg/m3)')
  const lines = ['企业名称：某某化工有限公司,排放口：1号排放口,,', head.join(',')]
  for (const r of CEMS_ROWS) lines.push([...r, ...(opts.withLimitColumn ? [35] : [])].join(','))
  const text = lines.join('\r\n') + '\r\n'
  writeFileSync(out, opts.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'))
  return out
}

/**
 * An MJPEG AVI (Chromium cannot play it) whose frames are lost: its headers still say "2 s of
 * video", so it imports and is queued for a playback copy, but ffmpeg cannot decode a single frame.
 */
export function makeFramelessAvi(dir: string, fileName = 'DSJ-0042.avi'): string {
  const out = makeBodycamMp4(dir, { fileName, codec: 'mjpeg', audio: false, container: 'avi' })
  const bytes = readFileSync(out)
  const movi = bytes.indexOf('movi')
  if (movi < 0) throw new Error(`no movi list in ${out}`)
  bytes.fill(0, movi + 4)
  writeFileSync(out, bytes)
  return out
}
