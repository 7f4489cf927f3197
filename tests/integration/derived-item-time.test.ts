/**
 * Stills and clips cut from a video (issue 15): they carry the source frame's instant on the
 * source's clock (capture time + frame offset, the source's offset and time warnings carried
 * over), are called 视频截图 / 视频片段, and their custody event says they were exported from the
 * source, not imported. Real ffmpeg-made videos, real ffmpeg cuts, real SQLite.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { iterateCustodyEvents } from '../../src/core/custody/custody-log'
import { captureTime } from '../../src/core/documents/document-format'
import { importPaths } from '../../src/core/evidence/import'
import { getItem } from '../../src/core/evidence/item-repository'
import { deriveFromVideo } from '../../src/core/evidence/kinds/video/derive-item'
import { custodyDetailsInWords, itemFacts, sentenceText } from '../../src/shared/custody-words'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { makeBodycamMp4 } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const tmp = tempDir('derived-time-')
let file: CaseFile
let timed: string
let assumed: string
let untimed: string
const clock = fixedClock('2026-05-25T00:00:00Z')

beforeAll(async () => {
  const media = join(tmp.dir, 'media')
  mkdirSync(media)
  // container time 2021-05-23T20:03:12Z = 04:03:12 +08:00, as the file name says
  const a = makeBodycamMp4(media, { durationSec: 4 })
  // no container time: the time comes from the file name, read in the case zone (offset assumed)
  const b = makeBodycamMp4(media, { fileName: 'DSJ_20210524_041000.mp4', creationTime: null, durationSec: 3 })
  // nothing to tell the time by except the file's modification time
  const c = makeBodycamMp4(media, { fileName: 'clip.mp4', creationTime: null, durationSec: 2 })
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const { results } = await importPaths(file, [a, b, c], { actor: OFFICER_A, clock })
  const id = (path: string) => results.find((r) => r.path === path)!.id!
  ;[timed, assumed, untimed] = [id(a), id(b), id(c)]
}, 120_000)
afterAll(() => {
  file?.close()
  tmp.cleanup()
})

const derive = async (itemId: string, operation: 'still' | 'clip', start: number, end?: number) => {
  const r = await deriveFromVideo(file, { itemId, operation, start, end }, OFFICER_A, clock)
  expect(r.status).toBe('imported')
  return getItem(file.db, r.id!)!
}

describe('a still frame', () => {
  it("takes the frame's instant on the source's clock, is a 视频截图 and carries the source's device", async () => {
    const source = getItem(file.db, timed)!
    expect(source.capturedAt).toBe('2021-05-24T04:03:12+08:00')
    const still = await derive(timed, 'still', 1.8)
    expect(still).toMatchObject({
      kind: 'image',
      category: 'video-still',
      capturedAt: '2021-05-24T04:03:13.800+08:00',
      capturedAtSource: 'derived',
      utcOffset: '+08:00',
      device: source.device,
    })
    // the JPEG ffmpeg wrote has no clock of its own, and its temp file's mtime is not a capture time
    expect(still.warnings.map((w) => w.code)).not.toContain('time-from-filesystem')
  })

  it('says in the custody log that it was exported from the source, not imported', async () => {
    const still = await derive(timed, 'still', 0.5)
    const events = [...iterateCustodyEvents(file.db)].filter((e) => e.itemId === still.id)
    expect(events.map((e) => e.action)).toEqual(['still-derived'])
    const source = getItem(file.db, timed)!
    const words = (lang: 'zh-CN' | 'en') =>
      sentenceText(
        custodyDetailsInWords(events[0], {
          lang,
          timezone: 'Asia/Shanghai',
          item: (id) => (id === still.id ? itemFacts(still) : null),
        }),
      )
    expect(words('zh-CN')).toBe(`从 ${source.number} 导出截图 ${still.number}（视频内 00:00:00.500）`)
    expect(words('en')).toBe(
      `Still ${still.number} exported from ${source.number} (at 00:00:00.500 into the video)`,
    )
  })

  it('keeps an assumed offset assumed and a file-system time flagged', async () => {
    const source = getItem(file.db, assumed)!
    expect(source.warnings.map((w) => w.code)).toContain('offset-assumed')
    const still = await derive(assumed, 'still', 2)
    expect(still.capturedAt).toBe('2021-05-24T04:10:02+08:00')
    const carried = still.warnings.find((w) => w.code === 'offset-assumed')
    expect(carried?.message).toContain(source.number)

    const weak = getItem(file.db, untimed)!
    expect(weak.capturedAtSource).toBe('filesystem')
    const fromWeak = await derive(untimed, 'still', 1)
    // the source's file-system time is still the only clock: carried over with its warning
    expect(fromWeak.capturedAtSource).toBe('derived')
    expect(Date.parse(fromWeak.capturedAt!)).toBe(Date.parse(weak.capturedAt!) + 1000)
    expect(fromWeak.warnings.map((w) => w.code)).toContain('time-from-filesystem')
  })
})

describe('a clip', () => {
  it("starts at its first frame's instant, is a 视频片段, and its event says so", async () => {
    const clip = await derive(timed, 'clip', 1, 3)
    expect(clip).toMatchObject({
      kind: 'video',
      category: 'video-clip',
      capturedAt: '2021-05-24T04:03:13+08:00',
      capturedAtSource: 'derived',
    })
    const events = [...iterateCustodyEvents(file.db)].filter((e) => e.itemId === clip.id)
    expect(events.map((e) => e.action)).toEqual(['clip-derived'])
  })

  it('the documents name the source of its time', async () => {
    const clip = await derive(timed, 'clip', 0, 1)
    const source = getItem(file.db, timed)!
    expect(captureTime(clip, 'Asia/Shanghai')).toBe(
      `2021-05-24 04:03:12 +08:00（取自 ${source.number} 的画面时刻）`,
    )
  })
})
