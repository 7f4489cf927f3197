import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import sharp from 'sharp'
import yazl from 'yazl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectKind, zipEntryNames } from '../../src/core/evidence/detect-kind'
import {
  decodeText,
  detectTextEncoding,
  isValidGb18030,
  isValidUtf8,
} from '../../src/core/evidence/extract/text-decode'
import { makeCemsCsv, makeTranscriptDocx, TRANSCRIPT_TEXT } from '../support/media'
import { tempDir } from '../support/temp'
import { MEDIA_FIXTURES } from '../support/fixtures'

const FIXTURES = MEDIA_FIXTURES
const { dir, cleanup } = tempDir('detect-kind-')
afterAll(cleanup)

function box(type: string, body: Buffer): Buffer {
  const h = Buffer.alloc(8)
  h.writeUInt32BE(8 + body.length, 0)
  h.write(type, 4, 'latin1')
  return Buffer.concat([h, body])
}
const ftyp = (major: string, ...compat: string[]): Buffer =>
  box('ftyp', Buffer.from(major + '\0\0\0\0' + compat.join(''), 'latin1'))

function bmpHeader(): Buffer {
  const b = Buffer.alloc(54 + 4)
  b.write('BM', 0, 'latin1')
  b.writeUInt32LE(b.length, 2)
  b.writeUInt32LE(54, 10)
  b.writeUInt32LE(40, 14)
  b.writeInt32LE(1, 18)
  b.writeInt32LE(1, 22)
  b.writeUInt16LE(1, 26)
  b.writeUInt16LE(24, 28)
  return b
}

function tsPackets(n: number, prefix = 0): Buffer {
  const size = 188 + prefix
  const b = Buffer.alloc(size * n, 0xff)
  for (let i = 0; i < n; i++) b[i * size + prefix] = 0x47
  return b
}

const samples: Record<string, Buffer> = {}

beforeAll(async () => {
  const img = sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
  samples.jpeg = await img.clone().jpeg().toBuffer()
  samples.png = await img.clone().png().toBuffer()
  samples.tiff = await img.clone().tiff().toBuffer()
  samples.webp = await img.clone().webp().toBuffer()
  samples.gif = await img.clone().gif().toBuffer()
  samples.avif = await img.clone().avif().toBuffer()
  samples.docx = readFileSync(await makeTranscriptDocx(dir))
  samples.csv = readFileSync(makeCemsCsv(dir))
  const zip = new yazl.ZipFile()
  zip.addBuffer(Buffer.from('hello'), 'a.txt')
  zip.end()
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  samples.zip = Buffer.concat(chunks)
})

describe('detectKind by content', () => {
  const cases: Array<[string, () => Buffer, string, string]> = [
    ['JPEG', () => samples.jpeg, 'image', 'image/jpeg'],
    ['PNG', () => samples.png, 'image', 'image/png'],
    ['TIFF', () => samples.tiff, 'image', 'image/tiff'],
    ['WebP', () => samples.webp, 'image', 'image/webp'],
    ['GIF', () => samples.gif, 'image', 'image/gif'],
    ['AVIF', () => samples.avif, 'image', 'image/avif'],
    ['BMP', bmpHeader, 'image', 'image/bmp'],
    ['HEIC', () => Buffer.concat([ftyp('heic', 'mif1', 'heic'), Buffer.alloc(64)]), 'image', 'image/heic'],
    [
      'HEIF mif1+heic',
      () => Buffer.concat([ftyp('mif1', 'mif1', 'heic'), Buffer.alloc(64)]),
      'image',
      'image/heic',
    ],
    [
      'MP4 isom',
      () => Buffer.concat([ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), box('free', Buffer.alloc(8))]),
      'video',
      'video/mp4',
    ],
    [
      'MP4 HEVC (hvc1 brand list)',
      () => Buffer.concat([ftyp('mp42', 'isom', 'mp42', 'hvc1'), Buffer.alloc(16)]),
      'video',
      'video/mp4',
    ],
    ['MOV qt', () => Buffer.concat([ftyp('qt  ', 'qt  '), Buffer.alloc(16)]), 'video', 'video/quicktime'],
    [
      'old MOV without ftyp',
      () => Buffer.concat([box('wide', Buffer.alloc(0)), box('mdat', Buffer.alloc(32))]),
      'video',
      'video/quicktime',
    ],
    ['3GP', () => Buffer.concat([ftyp('3gp4', '3gp4', 'isom'), Buffer.alloc(16)]), 'video', 'video/3gpp'],
    [
      'M4A audio',
      () => Buffer.concat([ftyp('M4A ', 'M4A ', 'isom'), Buffer.alloc(16)]),
      'audio',
      'audio/mp4',
    ],
    ['AVI', () => Buffer.from('RIFF\x10\x00\x00\x00AVI LIST', 'latin1'), 'video', 'video/x-msvideo'],
    ['WAV', () => Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'), 'audio', 'audio/wav'],
    [
      'WebM',
      () =>
        Buffer.concat([
          Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]),
          Buffer.from('webm'),
          Buffer.alloc(20),
        ]),
      'video',
      'video/webm',
    ],
    [
      'MKV',
      () =>
        Buffer.concat([
          Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88]),
          Buffer.from('matroska'),
          Buffer.alloc(20),
        ]),
      'video',
      'video/x-matroska',
    ],
    ['MPEG-TS', () => tsPackets(6), 'video', 'video/mp2t'],
    ['M2TS (192-byte packets)', () => tsPackets(6, 4), 'video', 'video/mp2t'],
    ['MPEG-PS', () => Buffer.concat([Buffer.from([0, 0, 1, 0xba]), Buffer.alloc(60)]), 'video', 'video/mpeg'],
    [
      'PDF',
      () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'),
      'document',
      'application/pdf',
    ],
    [
      'OLE .doc',
      () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
          Buffer.from('WordDocument', 'utf16le'),
        ]),
      'document',
      'application/msword',
    ],
    [
      'DOCX',
      () => samples.docx,
      'transcript',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['ZIP', () => samples.zip, 'other', 'application/zip'],
    ['CEMS CSV (GB18030)', () => samples.csv, 'monitoring', 'text/csv'],
    ['transcript (GB18030)', () => iconv.encode(TRANSCRIPT_TEXT, 'gb18030'), 'transcript', 'text/plain'],
    [
      'transcript (UTF-8 BOM)',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TRANSCRIPT_TEXT)]),
      'transcript',
      'text/plain',
    ],
    [
      'transcript (UTF-16BE BOM)',
      () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TRANSCRIPT_TEXT, 'utf-16be')]),
      'transcript',
      'text/plain',
    ],
    [
      'transcript (UTF-16LE, no BOM)',
      () => iconv.encode(TRANSCRIPT_TEXT, 'utf-16le'),
      'transcript',
      'text/plain',
    ],
    ['plain text', () => Buffer.from('Meeting notes\nnothing to see here\n'), 'document', 'text/plain'],
    [
      'random bytes',
      () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)),
      'other',
      'application/octet-stream',
    ],
  ]
  for (const [name, make, kind, mime] of cases) {
    it(name, () => {
      const d = detectKind(make(), 'unnamed', { complete: true })
      expect({ kind: d.kind, mime: d.mime }).toEqual({ kind, mime })
    })
  }

  it('classifies real thermal JPEGs as thermal, by content', () => {
    for (const f of ['FLIR.jpg', 'DJI_H20T.jpg', 'DJI_XTS.jpg', 'DJI_M3T_0002_R.JPG']) {
      const head = readFileSync(join(FIXTURES, f)).subarray(0, 2 * 1024 * 1024)
      expect(detectKind(head, 'x.bin').kind, f).toBe('thermal')
    }
  })

  it('an empty file is other, with no mismatch claim', () => {
    expect(detectKind(Buffer.alloc(0), 'empty.mp4')).toEqual({
      kind: 'other',
      mime: 'application/x-empty',
      extensionMismatch: false,
      expectedExtensions: [],
    })
  })
})

describe('extension check', () => {
  it('text named .mp4 is a mismatch that names .txt', () => {
    const d = detectKind(Buffer.from('just a note\n'), 'clip.mp4', { complete: true })
    expect(d.kind).toBe('document')
    expect(d.extensionMismatch).toBe(true)
    expect(d.expectedExtensions[0]).toBe('txt')
  })
  it('JPEG named .png is a mismatch; .JPG and .jpeg are not', () => {
    expect(detectKind(samples.jpeg, 'a.png').extensionMismatch).toBe(true)
    expect(detectKind(samples.jpeg, 'DJI_0001.JPG').extensionMismatch).toBe(false)
    expect(detectKind(samples.jpeg, 'a.jpeg').extensionMismatch).toBe(false)
  })
  it('unknown or missing extensions are not called mismatches', () => {
    expect(detectKind(samples.jpeg, 'photo.001').extensionMismatch).toBe(false)
    expect(detectKind(samples.jpeg, 'photo').extensionMismatch).toBe(false)
  })
  it('unrecognised bytes under a known media extension are a mismatch with no expected extension', () => {
    const d = detectKind(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), 'clip.mp4')
    expect(d).toMatchObject({ kind: 'other', extensionMismatch: true, expectedExtensions: [] })
  })
})

describe('zip entry names', () => {
  it('reads names from local headers and the central directory', () => {
    const names = zipEntryNames(samples.docx)
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))
  })
  it('finds word/document.xml from the central directory in the tail alone', () => {
    const head = samples.docx.subarray(0, 60) // only the first local header
    const tail = samples.docx.subarray(samples.docx.length - 300)
    expect(detectKind(head, 'a.docx', { tail }).kind).toBe('transcript')
  })
})

describe('text encodings', () => {
  const chinese = '问：你公司的脱硫设施是否正常运行？\n答：正常。\n'
  it('UTF-8 validity, including a character cut by the end of a head', () => {
    const b = Buffer.from(chinese)
    expect(isValidUtf8(b)).toBe(true)
    expect(isValidUtf8(b.subarray(0, 5))).toBe(false)
    expect(isValidUtf8(b.subarray(0, 5), true)).toBe(true)
    expect(isValidUtf8(Buffer.from([0xc0, 0x80]))).toBe(false) // overlong
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false) // surrogate
  })
  it('GB18030 validity: 2- and 4-byte forms', () => {
    const b = iconv.encode(chinese + '€𠀀', 'gb18030')
    expect(isValidGb18030(b)).toBe(true)
    expect(isValidUtf8(b)).toBe(false)
    expect(isValidGb18030(Buffer.from([0x81, 0x30, 0x20, 0x30]))).toBe(false)
  })
  it('detects and decodes each encoding', () => {
    const forms: Array<[Buffer, string, boolean]> = [
      [Buffer.from(chinese), 'utf-8', false],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]), 'utf-8', true],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(chinese, 'utf-16le')]), 'utf-16le', true],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(chinese, 'utf-16be')]), 'utf-16be', true],
      [iconv.encode(chinese, 'utf-16le'), 'utf-16le', false],
      [iconv.encode(chinese, 'utf-16be'), 'utf-16be', false],
      [iconv.encode(chinese, 'gb18030'), 'gb18030', false],
    ]
    for (const [buf, encoding, bom] of forms) {
      expect(detectTextEncoding(buf), encoding).toMatchObject({ encoding, bom })
      expect(decodeText(buf)?.text, encoding).toBe(chinese)
    }
  })
  it('binary is not text', () => {
    expect(decodeText(samples.jpeg)).toBeNull()
    expect(decodeText(Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x41, 0x42]))).toBeNull()
  })
})
