/**
 * One contract for citations: core checks every anchor against its item before anything is
 * written, whichever way the citation arrives (core call, CLI, the HTTP transport of browser
 * mode). A refused citation leaves no annotation and no custody event.
 */
import { request } from 'node:http'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAnnotation, listAnnotations } from '../../src/core/annotations/annotation-store'
import { Backend } from '../../src/core/api/backend'
import { CaseFile } from '../../src/core/case/case-file'
import { countCustodyEvents } from '../../src/core/custody/custody-log'
import { EvidenceError } from '../../src/core/errors'
import { importPaths } from '../../src/core/evidence/import'
import { getItem } from '../../src/core/evidence/item-repository'
import { indexedText } from '../../src/core/annotations/anchor-bounds'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import { openSession } from '../support/browser-session'
import type { EvidenceItem } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { MEDIA_FIXTURES } from '../support/fixtures'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('citation-contract-')
let file: CaseFile
const items: Record<'video' | 'image' | 'transcript' | 'cems' | 'thermal', EvidenceItem> = {} as never
let phrase: { start: number; end: number; text: string }

beforeAll(async () => {
  const src = join(dir, 'card')
  mkdirSync(src)
  makeBodycamMp4(src, { durationSec: 2 })
  await makeDroneJpeg(src, { fileName: 'DJI_0001.JPG' })
  makeTranscriptGb18030(src)
  makeCemsCsv(src)
  copyFileSync(join(MEDIA_FIXTURES, 'FLIR.jpg'), join(src, 'FLIR.jpg'))
  file = CaseFile.create(join(dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  const { results } = await importPaths(file, [src], { actor: OFFICER_A, clock: fixedClock() })
  const byKind = (k: string) => getItem(file.db, results.find((r) => r.kind === k)!.id!)!
  items.video = byKind('video')
  items.image = byKind('image')
  items.transcript = byKind('transcript')
  items.cems = byKind('monitoring')
  items.thermal = byKind('thermal')
  const text = indexedText(file.db, items.transcript.id)!
  const words = text.slice(text.indexOf('答'), text.indexOf('答') + 8)
  phrase = { start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words }
})
afterAll(() => {
  file?.close()
  cleanup()
})

const written = () => ({ events: countCustodyEvents(file.db), annotations: listAnnotations(file.db).length })

describe('core checks every anchor against its item', () => {
  it('records a citation of every type that fits its item', () => {
    const fits: Array<[EvidenceItem, string, unknown]> = [
      [items.video, 'time-range', { start: 0.5, end: 1.5 }],
      [items.image, 'region', { x: 0, y: 0, w: 10, h: 10 }],
      [items.transcript, 'quote', phrase],
      [items.transcript, 'quote', { ...phrase, saidAt: { itemId: items.video.id, start: 1 } }],
      [
        items.cems,
        'data-range',
        { pollutant: 'SO2', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00' },
      ],
      [items.thermal, 'measurement', { shape: { type: 'spot', x: 10, y: 10 } }],
      [items.thermal, 'region', { x: 1, y: 1, w: 5, h: 5 }],
    ]
    for (const [item, type, anchor] of fits) {
      const before = written()
      const a = addAnnotation(file, { itemId: item.id, type: type as never, anchor }, OFFICER_A, fixedClock())
      expect(a).toMatchObject({ type, anchor })
      expect(written()).toEqual({ events: before.events + 1, annotations: before.annotations + 1 })
    }
  })

  const refusals: Array<[string, () => [EvidenceItem, string, unknown], RegExp, string | null]> = [
    [
      'a time range past the end of the video',
      () => [items.video, 'time-range', { start: 1, end: 60 }],
      /plays for 2 s; the range 1–60 s runs past its end/,
      'anchor-outside-item',
    ],
    [
      'a time range on a photo',
      () => [items.image, 'time-range', { start: 0, end: 1 }],
      /is a image item; a time range needs a video or audio item/,
      'anchor-type-not-supported',
    ],
    [
      'a region outside the photo',
      () => [items.image, 'region', { x: 10, y: 10, w: 100000, h: 5 }],
      /reaches outside .*DJI_0001\.JPG/,
      'anchor-outside-item',
    ],
    [
      'a quote whose words are not the text at its offsets',
      () => [items.transcript, 'quote', { ...phrase, text: '从未说过的话' }],
      /not the text of E\d+/,
      'anchor-outside-item',
    ],
    [
      'a quote past the end of the text',
      () => [items.transcript, 'quote', { start: 10 ** 6, end: 10 ** 6 + 2, text: 'ab' }],
      /past the end of the text/,
      'anchor-outside-item',
    ],
    [
      'a quote said in a photo',
      () => [items.transcript, 'quote', { ...phrase, saidAt: { itemId: items.image.id, start: 1 } }],
      /is not a recording/,
      'anchor-outside-item',
    ],
    [
      'a quote said after the recording ends',
      () => [items.transcript, 'quote', { ...phrase, saidAt: { itemId: items.video.id, start: 30 } }],
      /runs past its end/,
      'anchor-outside-item',
    ],
    [
      'a data range of a pollutant the file does not have',
      () => [
        items.cems,
        'data-range',
        { pollutant: 'CO', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T03:00:00+08:00' },
      ],
      /has no CO series/,
      'anchor-outside-item',
    ],
    [
      'a data range outside the series',
      () => [
        items.cems,
        'data-range',
        { pollutant: 'SO2', start: '2021-05-25T02:00:00+08:00', end: '2021-05-25T03:00:00+08:00' },
      ],
      /lies outside the series/,
      'anchor-outside-item',
    ],
    [
      'a measurement outside the thermal frame',
      () => [items.thermal, 'measurement', { shape: { type: 'spot', x: 5000, y: 1 } }],
      /outside the \d+×\d+ thermal frame/,
      'anchor-outside-item',
    ],
    [
      'a quote on a video',
      () => [items.video, 'quote', phrase],
      /a quote needs a transcript or document item/,
      'anchor-type-not-supported',
    ],
    [
      'a malformed anchor',
      () => [items.video, 'time-range', { start: 'soon', end: 2 }],
      /not well formed/,
      null,
    ],
  ]
  for (const [what, make, message, code] of refusals)
    it(`refuses ${what}, naming the item, and writes nothing`, () => {
      const [item, type, anchor] = make()
      const before = written()
      let thrown: unknown
      try {
        addAnnotation(file, { itemId: item.id, type: type as never, anchor }, OFFICER_A, fixedClock())
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(EvidenceError)
      const err = thrown as EvidenceError
      expect(err.code).toBe('invalid-input')
      expect(err.message).toMatch(message)
      // a malformed anchor is named by the field that is wrong; a misplaced one by why it does not fit
      if (code) expect(err.fields?.[0]?.code).toBe(code)
      else expect(err.fields?.[0]?.path).toBe('anchor.start')
      expect(written()).toEqual(before)
    })
})

async function post(
  server: BrowserServer,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }> {
  const { token } = await openSession(server)
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ channel, input })
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/invoke',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
          'X-Evidesk-Token': token,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('through the HTTP transport of browser mode', () => {
  let backend: Backend
  let server: BrowserServer
  beforeAll(async () => {
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    backend = new Backend({
      mode: 'browser',
      dataDir: join(dir, 'data'),
      version: '0.0.0-test',
      clock: fixedClock(),
    })
    backend.appData.saveProfile({ ...OFFICER_A, unit: '某市生态环境局' })
    const caseDir = file.dir
    file.close()
    await backend.setCase(CaseFile.open(caseDir))
    server = await startBrowserServer({ backend, rendererDir: renderer })
  })
  afterAll(async () => {
    await server?.close()
    await backend?.dispose()
    file = CaseFile.open(join(dir, 'case'))
  })

  it('never lets a malformed or misplaced anchor reach the custody log', async () => {
    const total = async () => ((await post(server, 'custody:list', {})).value as { total: number }).total
    const before = await total()
    const malformed = await post(server, 'annotation:add', {
      itemId: items.video.id,
      type: 'time-range',
      anchor: { start: 5, end: 1, note: '<img src=x onerror=alert(1)>' },
    })
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const outside = await post(server, 'annotation:add', {
      itemId: items.video.id,
      type: 'time-range',
      anchor: { start: 1, end: 99 },
    })
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(outside.error?.message).toContain(items.video.originalName)
    const wrongKind = await post(server, 'annotation:add', {
      itemId: items.cems.id,
      type: 'region',
      anchor: { x: 0, y: 0, w: 1, h: 1 },
    })
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await total()).toBe(before)
    const good = await post(server, 'annotation:add', {
      itemId: items.video.id,
      type: 'time-range',
      anchor: { start: 0, end: 1.25 },
      note: '排放口冒黄烟',
    })
    expect(good).toMatchObject({ ok: true, value: { type: 'time-range', anchor: { start: 0, end: 1.25 } } })
    expect(await total()).toBe(before + 1)
  })
})
