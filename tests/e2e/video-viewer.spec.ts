/**
 * The video viewer on a body-worn recorder clip: the browser streams the original with Range
 * requests, frame steps land on exact frame times, the timecode gives the moment with its offset
 * and source, a time range is saved and found again, and a still frame becomes a derived item
 * whose record names the source and the command. An HEVC clip plays through its proxy.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Annotation, EvidenceItem } from '../../src/shared/types'
import { makeBodycamMp4, makeFramelessAvi, makeHevcMp4 } from '../support/media'
import {
  CHINESE,
  OFFICER,
  caseFields,
  expect,
  interfaceText,
  shot,
  test,
  toastsGone,
  type Desk,
} from './support/desk'
import { openFromLibrary } from './support/open-item'

async function caseWith(desk: Desk, make: (dir: string) => string): Promise<EvidenceItem> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const src = join(desk.workDir, 'src')
  mkdirSync(src)
  await desk.call('import:start', { paths: [make(src)] })
  // waits for background work too, the playback proxy included
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  return items[0]
}

/** Evidence library → the item's row or tile → details → its viewer. */
async function openViewer(page: Page, fileName: string) {
  await openFromLibrary(page, fileName)
  return page.getByTestId('video-viewer')
}

type Video = { readyState: number; currentTime: number; videoWidth: number; paused: boolean }
const video = (page: Page) =>
  page.getByTestId('video-element').evaluate((el) => {
    const v = el as unknown as Video
    return {
      readyState: v.readyState,
      currentTime: v.currentTime,
      videoWidth: v.videoWidth,
      paused: v.paused,
    }
  })

test('H.264: Range requests, frame steps, timecode, a time range and a still frame', async ({
  page,
  desk,
}) => {
  const item = await caseWith(desk, (dir) => makeBodycamMp4(dir))
  expect(item.meta.videoCodec).toBe('h264')

  const mediaPath = `/media/${item.id}/original`
  const ranged: string[] = []
  const partial: number[] = []
  page.on('request', (r) => {
    const range = r.headers()['range']
    if (r.url().includes(mediaPath) && range) ranged.push(range)
  })
  page.on('response', (r) => {
    if (r.url().includes(mediaPath)) partial.push(r.status())
  })

  await desk.open()
  const viewer = await openViewer(page, '20210524_040312_DSJ-A8-00123.MP4')
  await expect(viewer).toHaveAttribute('data-source', 'original')
  await expect(viewer.getByTestId('video-source-label')).toHaveText('原始文件')
  await expect.poll(async () => (await video(page)).readyState).toBeGreaterThanOrEqual(1)

  // seek by the slider: the browser asks for byte ranges and the server answers 206
  // a locator click waits until the slider has stopped moving (the viewer lays out as the
  // metadata arrives); a raw mouse click at an earlier bounding box could miss it on a busy machine
  const seek = viewer.getByTestId('video-seek').locator('.ant-slider')
  await expect(seek.getByRole('slider')).toHaveAttribute('aria-valuemax', /^[1-9]/)
  const slider = (await seek.boundingBox())!
  await seek.click({ position: { x: slider.width * 0.75, y: slider.height / 2 } })
  await expect.poll(async () => (await video(page)).currentTime).toBeGreaterThan(1)
  expect(ranged.length).toBeGreaterThan(0)
  expect(ranged[0]).toMatch(/^bytes=\d+-/)
  expect(partial).toContain(206)
  // I/O still act while the slider keeps the focus after a mouse seek (issue 15)
  await expect(viewer.getByTestId('marks')).toHaveText('起点 — · 终点 —')
  await page.keyboard.press('i')
  await expect(viewer.getByTestId('marks')).toHaveText(/^起点 00:00:0[1-9]\.\d{3} · 终点 —$/)

  // back to the start, then 25 frames at 25 fps: exactly one second
  await viewer.getByTestId('frame-prev').click()
  await page.keyboard.press('Home') // not a shortcut: must change nothing
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowLeft')
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:00.000')
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight')
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:01.000')
  await expect(viewer.getByTestId('absolute-time')).toHaveText('2021-05-24 04:03:13 +08:00（容器时间）')
  await expect.poll(async () => (await video(page)).currentTime).toBeCloseTo(1, 3)

  // I at 1.000 s, O ten frames later, saved as a time range
  await page.keyboard.press('i')
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('o')
  await expect(viewer.getByTestId('marks')).toHaveText('起点 00:00:01.000 · 终点 00:00:01.400')
  await viewer.getByLabel('说明（可选）').fill('执法人员出示执法证')
  await viewer.getByTestId('save-range').click()
  const row = viewer.getByTestId('range-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('range-times')).toHaveText('00:00:01.000 – 00:00:01.400')
  const [range] = await desk.call<Annotation[]>('annotation:list', { itemId: item.id })
  expect(range).toMatchObject({
    type: 'time-range',
    anchor: { start: 1, end: 1.4 },
    note: '执法人员出示执法证',
  })

  // a click on the time range goes to its start
  await page.keyboard.press('ArrowRight')
  await row.getByText('T1').click()
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:01.000')

  // the frame on screen exported as a still: a new derived item that names its source and command
  await viewer.getByTestId('export-still').click()
  const result = viewer.getByTestId('export-result')
  await expect(result).toContainText('已生成视频截图 E002')
  // the still's time is the frame's instant on the source's clock (04:03:12 + 1 s), not when it was made
  await expect(result.getByTestId('export-frame-time')).toHaveText('2021-05-24 04:03:13 +08:00')
  await expect(result.getByTestId('export-source-hash')).toHaveText(item.sha256)
  await expect(result.getByTestId('export-command')).toContainText('-ss 1.000')
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const still = items.find((i) => i.number === 'E002')!
  expect(still.derivedFrom).toMatchObject({ sourceId: item.id, operation: 'still', start: 1 })
  expect(still).toMatchObject({
    category: 'video-still',
    capturedAt: '2021-05-24T04:03:13+08:00',
    capturedAtSource: 'derived',
  })
  const log = await desk.call<{ events: Array<{ action: string; itemId: string }> }>('custody:list', {
    limit: 1000,
  })
  expect(log.events.filter((e) => e.itemId === still.id).map((e) => e.action)).toEqual(['still-derived'])

  // the shortcut help
  await viewer.getByTestId('video-help').click()
  await expect(page.getByTestId('video-key-help')).toContainText('设为片段起点')
  await viewer.getByTestId('video-help').click()
  await expect(page.getByTestId('video-key-help')).toBeHidden()
  await page.mouse.move(10, 10)
  await toastsGone(page)
  await shot(page, 'video-viewer.png')

  // the still in the library and its details: 视频截图, its time derived from E001's frame
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  const tile = page
    .getByTestId('evidence-row')
    .or(page.getByTestId('evidence-tile'))
    .filter({ hasText: 'E002' })
    .first()
  await tile.click()
  const details = page.getByTestId('details-panel')
  await expect(details).toContainText('视频截图')
  await expect(details).toContainText('时间来源：取自 E001 04:03:13 处的画面')
  await expect(details).toContainText('从 E001 导出截图 E002（视频内 00:00:01.000）')
  await shot(page, 'still-details.png')

  // the time-range form in English: the same note field, no Chinese words on it
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('side-nav').getByText('Evidence', { exact: true }).click()
  await page
    .getByTestId('evidence-row')
    .or(page.getByTestId('evidence-tile'))
    .filter({ hasText: item.originalName })
    .first()
    .click()
  await details.getByTestId('open-viewer').click()
  await expect(viewer.getByTestId('marks-form')).toBeVisible()
  expect(await interfaceText(page, '[data-testid=marks-form]')).not.toMatch(CHINESE)
  await page.mouse.move(10, 10)
  await shot(page, 'video-viewer-en.png')
})

test('HEVC: the proxy plays, labelled as a proxy of an unchanged original', async ({ page, desk }) => {
  const item = await caseWith(desk, (dir) => makeHevcMp4(dir))
  expect(item.meta.videoCodec).toBe('hevc')
  expect(item.derived.proxy).toBe('ready')

  const proxyRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes(`/media/${item.id}/`)) proxyRequests.push(r.url())
  })
  await desk.open()
  const viewer = await openViewer(page, 'hevc-clip.mp4')
  await expect(viewer).toHaveAttribute('data-source', 'proxy')
  await expect(viewer.getByTestId('video-source-label')).toHaveText('代理文件；原始文件未改动')
  await expect.poll(async () => (await video(page)).videoWidth).toBe(320)
  await viewer.getByTestId('video-play').click()
  await expect.poll(async () => (await video(page)).currentTime).toBeGreaterThan(0.2)
  // media URLs carry the session's read key as a query: compare the paths
  const paths = proxyRequests.map((u) => new URL(u).pathname)
  expect(paths.some((p) => p.endsWith('/proxy'))).toBe(true)
  expect(paths.some((p) => p.endsWith('/original'))).toBe(false)
  await expect(viewer.getByTestId('absolute-time')).toContainText('+08:00（容器时间）')
  // the exact command that made the copy, on request, reading the original by its number
  await expect(viewer.getByTestId('proxy-command')).toHaveCount(0)
  await viewer.getByTestId('proxy-command-toggle').click()
  const command = viewer.getByTestId('proxy-command')
  await expect(command).toContainText("ffmpeg -nostdin -hide_banner -loglevel error -y -i 'E001原件'")
  await expect(command).toContainText('-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p')
  await expect(command).toContainText('proxy.mp4')
  await shot(page, 'video-proxy-command.png')
})

test('a playback proxy that cannot be made: the progress drawer names the item and why, the viewer says so', async ({
  page,
  desk,
}) => {
  const item = await caseWith(desk, (dir) => makeFramelessAvi(dir))
  expect(item.derived.proxy).toBe('failed')

  await desk.open()
  await page.getByTestId('tasks-button').click()
  const card = page.getByTestId('proxy-card')
  await expect(card).toHaveAttribute('data-state', 'done')
  await expect(card).toContainText('播放代理')
  await expect(card).toContainText('未能生成 1')
  const failure = card.getByTestId('proxy-failure')
  await expect(failure).toHaveAttribute('data-item', item.number)
  await expect(failure).toContainText('无法生成播放代理')
  await failure.getByText('详情').click()
  await expect(failure).toContainText('could not be made')
  // the import itself finished; its card is there too
  await expect(page.getByTestId('task-card')).toHaveAttribute('data-state', 'done')
  await shot(page, 'proxy-failed-drawer.png')
  await page.keyboard.press('Escape')

  const viewer = await openViewer(page, 'DSJ-0042.avi')
  await expect(viewer.getByTestId('video-unplayable')).toContainText('无法生成播放代理')
})
