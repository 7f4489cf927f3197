/**
 * The timeline and location view as an officer uses them: a case with drone photos taken at
 * different times and places, a body-worn recorder clip, an interview record and a plain note.
 * Each dated item is on the axis, the photo whose offset was assumed is marked, the custody lane
 * holds the imports, and the location tab gives distances a haversine in this test agrees with.
 * Needs the lead's wiring: nav item 时间线 shows TimelineScreen, and the item viewer host is mounted.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { EvidenceItem } from '../../src/shared/types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, expect, shot, test, type Desk } from './support/desk'

const SPOTS = {
  'DJI_0001.JPG': { lat: 31.2304, lon: 121.4737, alt: 40 },
  'DJI_0002.JPG': { lat: 31.233, lon: 121.479, alt: 42 },
  'DJI_0003.JPG': { lat: 31.2281, lon: 121.4702, alt: 38 },
}

/** A case with three drone photos (the third without an EXIF offset), a clip, a transcript and a note. */
async function caseWithEvidence(desk: Desk): Promise<Map<string, EvidenceItem>> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const batch = join(desk.workDir, 'batch')
  mkdirSync(batch)
  await makeDroneJpeg(batch, {
    fileName: 'DJI_0001.JPG',
    dateTimeOriginal: '2021:05:24 06:10:00',
    gps: SPOTS['DJI_0001.JPG'],
  })
  await makeDroneJpeg(batch, {
    fileName: 'DJI_0002.JPG',
    dateTimeOriginal: '2021:05:24 08:30:00',
    gps: SPOTS['DJI_0002.JPG'],
  })
  await makeDroneJpeg(batch, {
    fileName: 'DJI_0003.JPG',
    dateTimeOriginal: '2021:05:24 10:15:30',
    offset: null,
    gps: SPOTS['DJI_0003.JPG'],
  })
  makeBodycamMp4(batch, { durationSec: 4, location: null })
  makeTranscriptGb18030(batch)
  writeFileSync(join(batch, '现场情况说明.txt'), '现场情况说明：排放口旁有明显异味。\r\n')
  await desk.call('import:start', { paths: [batch] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  return new Map(items.map((i) => [i.originalName, i]))
}

async function openTimeline(page: Page) {
  await page.getByTestId('side-nav').getByText('时间线', { exact: true }).click()
  await expect(page.getByTestId('timeline-view')).toBeVisible()
}

/** Great-circle distance in metres, computed here independently of the app. */
function haversine(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180
  const h =
    Math.sin(r(b.lat - a.lat) / 2) ** 2 +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

/** "850 m" / "1.234 km" as metres. */
function metres(text: string): number {
  const m = /([\d.]+)\s*(k?m)/.exec(text)
  if (!m) throw new Error(`not a distance: ${text}`)
  return Number(m[1]) * (m[2] === 'km' ? 1000 : 1)
}

test('timeline: every dated item on the axis, the weak time marked, imports in the custody lane, click opens', async ({
  page,
  desk,
}) => {
  const items = await caseWithEvidence(desk)
  const dated = [...items.values()].filter((i) => i.capturedAt)
  const undated = [...items.values()].filter((i) => !i.capturedAt)
  expect(dated.length).toBeGreaterThanOrEqual(4)
  await desk.open()
  await openTimeline(page)

  // The axis is in the case's zone, with the offset written out.
  await expect(page.getByTestId('timeline-zone')).toContainText('Asia/Shanghai（UTC+08:00）')
  await expect(page.getByTestId('timeline-major').first()).toContainText('2021-05-24 +08:00')

  // Every item with a capture time is a mark of its own; the video is a bar over its duration.
  const marks = page.getByTestId('timeline-item')
  for (const item of dated)
    await expect(marks.and(page.locator(`[data-item-id="${item.id}"]`))).toHaveCount(1)
  const clip = items.get('20210524_040312_DSJ-A8-00123.MP4')!
  const clipMark = page.locator(`[data-testid="timeline-item"][data-item-id="${clip.id}"]`)
  // at hours across, 4 seconds is a dot; zoomed in on it with the wheel, it is a bar over its duration
  await expect(clipMark).toHaveAttribute('data-shape', 'point')
  const at = (await clipMark.boundingBox())!
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2)
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -600)
  await expect(clipMark).toHaveAttribute('data-shape', 'bar')
  await page.getByTestId('timeline-fit-evidence').click()
  // Lanes by kind and device: the drone's model and serial name its lane.
  await expect(page.getByTestId('timeline-lane').filter({ hasText: '无人机照片' }).first()).toContainText(
    'DJI FC6310',
  )

  // The photo without an EXIF offset is marked, says why on hover, and the legend explains the mark.
  const weak = items.get('DJI_0003.JPG')!
  expect(weak.warnings.map((w) => w.code)).toContain('offset-assumed')
  const weakMark = page.locator(`[data-testid="timeline-item"][data-item-id="${weak.id}"]`)
  await expect(weakMark).toHaveAttribute('data-weak', 'true')
  await expect(
    page.locator(`[data-testid="timeline-item"][data-item-id="${items.get('DJI_0001.JPG')!.id}"]`),
  ).toHaveAttribute('data-weak', 'false')
  await weakMark.hover()
  const tip = page.getByTestId('timeline-tooltip')
  await expect(tip).toContainText(weak.number)
  await expect(tip.getByTestId('timeline-tip-weak')).toContainText('拍摄时间没有记录时区，已按案件时区理解。')
  await expect(tip).toContainText('2021-05-24 10:15:30 +08:00')
  await expect(tip.getByTestId('timeline-tip-thumb')).toBeVisible()
  await expect(page.getByTestId('legend-weak')).toContainText('拍摄时间可能不准确')
  await shot(page, 'timeline.png')

  // Items without a capture time are listed under the chart, not dropped.
  const list = page.getByTestId('timeline-undated')
  await expect(list).toContainText('无拍摄时间的证据')
  await expect(list.getByTestId('undated-row')).toHaveCount(undated.length)

  // The custody lane holds one import event per imported file (shown once the view includes them).
  await page.getByTestId('timeline-fit-all').click()
  const custody = page.getByTestId('custody-marker')
  await expect(custody.first()).toBeVisible()
  const actions = await custody.evaluateAll((els) =>
    els.flatMap((el) => (el.getAttribute('data-actions') ?? '').split(',')),
  )
  expect(actions.filter((a) => a === 'imported')).toHaveLength(items.size)
  expect(actions).toContain('case-created')

  // Clicking an item opens it in the viewer.
  await page.getByTestId('timeline-fit-evidence').click()
  const first = items.get('DJI_0001.JPG')!
  await page.locator(`[data-testid="timeline-item"][data-item-id="${first.id}"]`).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page.getByTestId('item-viewer')).toContainText(first.number)
})

test('timeline: wheel and buttons zoom from hours down to seconds, the axis follows', async ({
  page,
  desk,
}) => {
  await caseWithEvidence(desk)
  await desk.open()
  await openTimeline(page)
  const span = page.getByTestId('timeline-span')
  await expect(span).toContainText('小时')
  for (let i = 0; i < 12; i++) await page.getByTestId('timeline-zoom-in').click()
  await expect(span).toContainText('秒')
  // at seconds the tick labels carry seconds
  await expect(page.getByTestId('timeline-tick').first()).toHaveText(/^\d{2}:\d{2}:\d{2}$/)
  await page.getByTestId('timeline-fit-evidence').click()
  await expect(span).toContainText('小时')
  const chart = page.getByTestId('timeline-chart').locator('svg').first()
  const before = Number(await chart.getAttribute('data-end')) - Number(await chart.getAttribute('data-start'))
  const box = (await chart.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.6, box.y + 80)
  await page.mouse.wheel(0, -600)
  await expect
    .poll(
      async () =>
        Number(await chart.getAttribute('data-end')) - Number(await chart.getAttribute('data-start')),
    )
    .toBeLessThan(before / 2)
  // Out to the widest view (twenty years): each year tick is at local midnight on 1 January of the
  // year it names, in the case's zone (they used to sit on 1 December: a year off at a glance).
  for (let i = 0; i < 24; i++) await page.getByTestId('timeline-zoom-out').click()
  await expect(span).toContainText(/\d{4} 天/)
  const ticks = page.getByTestId('timeline-tick')
  await expect(ticks.first()).toHaveText(/^\d{4}$/)
  const years = await ticks.evaluateAll((els) =>
    els.map((el) => ({ label: el.textContent ?? '', ms: Number(el.getAttribute('data-ms')) })),
  )
  expect(years.length).toBeGreaterThanOrEqual(4)
  for (const { label, ms } of years)
    expect(new Date(ms).toISOString(), label).toBe(new Date(`${label}-01-01T00:00:00+08:00`).toISOString())
  await expect(page.getByTestId('timeline-major').first()).toHaveText(/^\d{4} \+08:00$/)
  await span.hover()
  await expect(page.getByRole('tooltip')).toBeHidden()
  await shot(page, 'timeline-years.png')
})

test('locations: points to scale, distances agree with haversine, a click opens the viewer', async ({
  page,
  desk,
}) => {
  const items = await caseWithEvidence(desk)
  await desk.open()
  await openTimeline(page)
  await page.getByRole('tab', { name: '位置' }).click()
  const view = page.getByTestId('location-view')
  await expect(view.getByTestId('location-point')).toHaveCount(3)
  await expect(view.getByTestId('location-north')).toBeVisible()
  await expect(view.getByTestId('location-scale')).toContainText(/\d+ m/)

  const a = items.get('DJI_0001.JPG')!
  const b = items.get('DJI_0002.JPG')!
  const row = view.locator(`[data-testid="distance-row"][data-from="${a.number}"][data-to="${b.number}"]`)
  const shown = metres((await row.getByTestId('distance').textContent()) ?? '')
  const expected = haversine(SPOTS['DJI_0001.JPG'], SPOTS['DJI_0002.JPG'])
  expect(Math.abs(shown - expected) / expected).toBeLessThan(0.01)
  await expect(view.getByTestId('distance-row')).toHaveCount(3)
  await shot(page, 'timeline-locations.png')

  await view.locator(`[data-testid="location-point"][data-item-id="${b.id}"]`).click()
  await expect(page.getByTestId('item-viewer')).toContainText(b.number)
})

test('timeline: the body-cam clip at 04:03, the drone photo at 04:10, the interview as a span and the SO2 exceedance 02:00–04:00 line up', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const batch = join(desk.workDir, 'night')
  mkdirSync(batch)
  makeBodycamMp4(batch, { durationSec: 4, location: null })
  await makeDroneJpeg(batch, { fileName: 'DJI_0100.JPG', dateTimeOriginal: '2021:05:24 04:10:00' })
  makeCemsCsv(batch, { withLimitColumn: true })
  writeFileSync(
    join(batch, '询问笔录-赵六.txt'),
    [
      '询问笔录',
      '询问时间：2021年5月24日5时00分至5时45分',
      '询问地点：某某化工有限公司会议室',
      '询问人：张三、李四    记录人：王五',
      '被询问人：赵六',
      '问：脱硫设施凌晨是否正常运行？',
      '答：2点左右循环泵故障停运，到4点才修好。',
    ].join('\r\n'),
  )
  await desk.call('import:start', { paths: [batch] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const byKind = new Map(items.map((i) => [i.kind, i]))
  const transcript = byKind.get('transcript')!
  const monitoring = byKind.get('monitoring')!
  expect(transcript).toMatchObject({ capturedAt: '2021-05-24T05:00:00+08:00', durationSec: 2700 })
  expect(monitoring).toMatchObject({ capturedAt: '2021-05-24T00:00:00+08:00', durationSec: 8 * 3600 })

  await desk.open()
  await openTimeline(page)
  // nothing of this night is undated: the interview and the data have their own times
  await expect(page.getByTestId('timeline-undated')).toHaveCount(0)
  // the interview and the monitoring data are bars over their spans at the night's scale
  for (const item of [transcript, monitoring])
    await expect(page.locator(`[data-testid="timeline-item"][data-item-id="${item.id}"]`)).toHaveAttribute(
      'data-shape',
      'bar',
    )
  // the exceedance lane: one window, from 02:00 to the end of the 03:00 hour, ending before the clip starts
  const lane = page.getByTestId('timeline-lane').and(page.locator('[data-kind="exceedance"]'))
  await expect(lane).toContainText('在线监测超标时段')
  await expect(lane).toContainText('1 段')
  const window = page.getByTestId('timeline-exceedance')
  await expect(window).toHaveCount(1)
  await expect(window).toHaveAttribute('data-start', String(Date.parse('2021-05-24T02:00:00+08:00')))
  await expect(window).toHaveAttribute('data-end', String(Date.parse('2021-05-24T04:00:00+08:00')))
  // the clip (04:03:12) and the photo (04:10) are on the same axis, after the window ends
  for (const kind of ['video', 'image'] as const)
    await expect(
      page.locator(`[data-testid="timeline-item"][data-item-id="${byKind.get(kind)!.id}"]`),
    ).toBeVisible()
  await window.hover()
  const tip = page.getByTestId('timeline-exceedance-tip')
  await expect(tip).toContainText(monitoring.number)
  await expect(tip).toContainText(
    '2021-05-24 02:00–04:00，SO2 实测浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )
  await expect(page.getByTestId('legend-exceedance')).toBeVisible()
  // the interview's tooltip calls its time the 询问时间 and says where it comes from
  await page.locator(`[data-testid="timeline-item"][data-item-id="${transcript.id}"]`).hover()
  const itemTip = page.getByTestId('timeline-tooltip')
  await expect(itemTip).toContainText('询问时间 2021-05-24 05:00:00 +08:00')
  await expect(itemTip).toContainText('笔录所载询问时间（按案件时区）')
  await expect(itemTip).toContainText('时长：45 分')
  await page.mouse.move(5, 5)
  await shot(page, 'timeline-spans.png')
  // the window opens the monitoring data it comes from
  await window.click()
  await expect(page.getByTestId('item-viewer')).toContainText(monitoring.number)
})
