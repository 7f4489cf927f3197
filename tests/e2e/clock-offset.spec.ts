/**
 * A device clock offset as an officer records it (issue 15): in the details panel of the body-cam
 * video, 设定时钟偏差 → 快 3分12秒, checked against 北京时间 with a reason; the panel then shows the
 * recorded and the corrected time side by side, the timeline places the video at the corrected
 * instant (the recorded one in its tooltip), and the custody log says it in words. In reviewer mode
 * on the exported package the corrected times are shown and no form is offered.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { JobProgress } from '../../src/shared/jobs'
import type { EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeDroneJpeg } from '../support/media'
import type { Locator, Page } from '@playwright/test'
import { CHINESE, OFFICER, SCREENS_DIR, caseFields, expect, interfaceText, shot, test } from './support/desk'

test.use({ printer: false })

const VIDEO = '20210524_040312_DSJ-A8-00123.MP4'
const RECORDED = Date.parse('2021-05-23T20:03:12Z')

/** Shown whole: not cut by its own box or by the box that holds it (the tile's time line). */
async function expectWhole(el: Locator): Promise<void> {
  const cut = await el.evaluate((node) => {
    // runs in the page; this tsconfig has no DOM types, so it is typed structurally
    type Box = { left: number; right: number; top: number; bottom: number }
    type El = {
      scrollWidth: number
      clientWidth: number
      getBoundingClientRect(): Box
      parentElement: El | null
    }
    const n = node as unknown as El
    const own = n.getBoundingClientRect()
    const holder = n.parentElement!.getBoundingClientRect()
    return (
      own.right > holder.right + 0.5 ||
      own.bottom > holder.bottom + 0.5 ||
      n.parentElement!.scrollWidth > n.parentElement!.clientWidth
    )
  })
  expect(cut, 'the corrected-time marker is cut off').toBe(false)
}

/** The library's table view gives the corrected time whole too, under the recorded one; back to thumbnails after. */
async function expectWholeInTable(
  page: Page,
  view: { table: string; grid: string },
  png: string,
): Promise<void> {
  await page.getByTestId('library-view').getByText(view.table).click()
  const row = page.getByTestId('evidence-row').filter({ hasText: VIDEO })
  const marker = row.getByTestId('captured-corrected')
  await expect(marker).toBeVisible()
  // the marker inside the time, and the time inside its cell
  await expectWhole(marker)
  await expectWhole(row.getByTestId('captured-time'))
  await page.mouse.move(5, 5)
  await row.screenshot({ path: join(SCREENS_DIR, png), animations: 'disabled' })
  await page.getByTestId('library-view').getByText(view.grid).click()
  await expect(page.getByTestId('evidence-tile').filter({ hasText: VIDEO })).toBeVisible()
}

test('record a device clock offset: both times in the details, the timeline mark moves, the custody log says it; review shows no form', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const media = join(desk.workDir, 'media')
  mkdirSync(media)
  await desk.call('import:start', {
    paths: [makeBodycamMp4(media, { durationSec: 2 }), await makeDroneJpeg(media)],
  })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const video = items.find((i) => i.originalName === VIDEO)!

  await desk.open()
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  await page.getByTestId('evidence-tile').filter({ hasText: VIDEO }).click()
  const panel = page.getByTestId('details-panel')
  await expect(panel.getByTestId('captured-time')).toHaveText('2021-05-24 04:03:12 +08:00')
  await expect(panel.getByTestId('corrected-time')).toHaveCount(0)

  // the form: direction, amount, day, reference (北京时间 offered), reason; save waits for a reason
  await panel.getByTestId('clock-set').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('设定设备时钟偏差：DSJ-A8-00123')
  await dialog.getByTestId('clock-amount').fill('3分12秒')
  await dialog.getByTestId('clock-checked').fill('2021-05-24')
  await expect(dialog.getByTestId('clock-against').locator('input')).toHaveValue('北京时间')
  await expect(dialog.getByTestId('clock-save')).toBeDisabled()
  await dialog.getByTestId('clock-reason').fill('现场将记录仪屏幕与手机北京时间对照拍照')
  await shot(page, 'clock-offset-dialog.png')
  await dialog.getByTestId('clock-save').click()
  await expect(dialog).toBeHidden()

  // both times, in the case zone with the offset, the offset and its check beside them
  await expect(panel.getByTestId('corrected-instant')).toHaveText('2021-05-24 04:00:00 +08:00')
  await expect(panel.getByTestId('recorded-instant')).toHaveText('2021-05-24 04:03:12 +08:00')
  await expect(panel.getByTestId('corrected-note')).toHaveText('设备快 3分12秒，2021年5月24日与北京时间核对')
  await expect(panel.getByTestId('clock-set')).toHaveText('更改')
  await expect(panel.getByTestId('clock-remove')).toBeVisible()
  await shot(page, 'clock-offset-details.png')
  await panel.getByTestId('device-clock').scrollIntoViewIfNeeded()
  await shot(page, 'clock-offset-device.png')
  // the library tile gives the corrected time beside the recorded one, the marker whole
  const tile = page.getByTestId('evidence-tile').filter({ hasText: VIDEO })
  await expect(tile.getByTestId('captured-corrected')).toHaveText(' · 校正后 04:00:00')
  await expectWhole(tile.getByTestId('captured-corrected'))
  await page.mouse.move(5, 5)
  await tile.screenshot({ path: join(SCREENS_DIR, 'clock-offset-tile.png'), animations: 'disabled' })
  await expectWholeInTable(page, { table: '列表', grid: '缩略图' }, 'clock-offset-row.png')

  // the video viewer's capture moment has its corrected moment beside it
  await panel.getByTestId('open-viewer').click()
  const viewer = page.getByTestId('item-viewer')
  await expect(viewer.getByTestId('absolute-time')).toContainText('2021-05-24 04:03:12 +08:00')
  await expect(viewer.getByTestId('corrected-absolute-time')).toHaveText('2021-05-24 04:00:00 +08:00')
  await shot(page, 'clock-offset-viewer.png')
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()

  // the timeline places the video at the corrected instant; the tooltip gives both
  await page.getByTestId('side-nav').getByText('时间线', { exact: true }).click()
  const mark = page.locator(`[data-testid="timeline-item"][data-item-id="${video.id}"]`)
  await expect(mark).toHaveAttribute('data-start', String(RECORDED - 192_000))
  await mark.hover()
  const tip = page.getByTestId('timeline-tooltip')
  await expect(tip.getByTestId('timeline-tip-corrected')).toContainText('2021-05-24 04:00:00 +08:00')
  await expect(tip.getByTestId('timeline-tip-recorded')).toContainText('记录时间 2021-05-24 04:03:12 +08:00')

  // the custody log in words
  await page.getByTestId('side-nav').getByText('监管链记录', { exact: true }).click()
  await expect(page.getByText('设定设备时钟偏差', { exact: true }).first()).toBeVisible()
  await expect(
    page.getByText(
      'DSJ-A8-00123 快 3分12秒（2021年5月24日与北京时间核对；原因：现场将记录仪屏幕与手机北京时间对照拍照）',
    ),
  ).toBeVisible()

  // in English: the same two times, the offset in English words, the reference as the officer wrote it
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('side-nav').getByText('Evidence', { exact: true }).click()
  await page.getByTestId('evidence-tile').filter({ hasText: VIDEO }).click()
  await expect(panel.getByTestId('corrected-note')).toHaveText(
    'device clock 3 min 12 s fast, checked against 北京时间 on 2021-05-24',
  )
  await expect(panel.getByTestId('clock-set')).toHaveText('Change')
  // the dialog in English, its reason field as in Chinese; cancelled, nothing changes
  await panel.getByTestId('clock-set').click()
  await expect(dialog.getByTestId('clock-reason')).toBeVisible()
  // the reference stays as the officer wrote it (北京时间); every other word is English
  expect((await interfaceText(page, '.ant-modal')).replace('北京时间', '')).not.toMatch(CHINESE)
  await shot(page, 'clock-offset-dialog-en.png')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(tile.getByTestId('captured-corrected')).toHaveText(' · Corrected 04:00:00')
  await expectWhole(tile.getByTestId('captured-corrected'))
  await page.mouse.move(5, 5)
  await tile.screenshot({ path: join(SCREENS_DIR, 'clock-offset-tile-en.png'), animations: 'disabled' })
  await expectWholeInTable(page, { table: 'Table', grid: 'Thumbnails' }, 'clock-offset-row-en.png')
  await panel.getByTestId('device-clock').scrollIntoViewIfNeeded()
  await shot(page, 'clock-offset-details-en.png')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: '简体中文' }).click()
  await expect(page.getByTestId('side-nav').getByText('证据库', { exact: true })).toBeVisible()

  // exported and opened for review: the same corrected time, read-only
  const v = await desk.call<Violation>('violation:save', {
    title: '通过旁路排放废气',
    facts: '现场检查发现',
    occurredFrom: null,
    occurredTo: null,
    place: '1号排放口',
    basis: ['water-39'],
    status: 'confirmed',
  })
  await desk.call('violation:link', { violationId: v.id, itemId: video.id, note: '证明排放事实' })
  const zip = join(desk.workDir, '证据包.zip')
  const exported = await desk.call<{ taskId: string }>('export:start', { target: zip })
  await desk.backend.idle()
  expect((await desk.call<JobProgress[]>('job:list')).find((j) => j.taskId === exported.taskId)?.state).toBe(
    'done',
  )
  await desk.call('case:close')
  const opened = await desk.call<{ taskId: string }>('review:open', { path: zip })
  await desk.backend.idle()
  expect((await desk.call<JobProgress[]>('job:list')).find((j) => j.taskId === opened.taskId)?.state).toBe(
    'done',
  )
  // a fresh page, as a reviewer opening the app would have
  await page.goto('about:blank')
  await desk.open()
  await expect(page.getByTestId('review-band')).toBeVisible()
  // the signer's key is not confirmed on this machine: acknowledged before the case shows
  await page.getByRole('checkbox', { name: /我已知悉/ }).check()
  await page.getByTestId('review-show-case').click()
  await expect(page.getByTestId('review-summary')).toBeHidden()
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  await page.getByTestId('evidence-tile').filter({ hasText: VIDEO }).click()
  await expect(panel.getByTestId('corrected-instant')).toHaveText('2021-05-24 04:00:00 +08:00')
  await expect(panel.getByTestId('device-clock-offset')).toContainText('快 3分12秒')
  await expect(panel.getByTestId('clock-set')).toHaveCount(0)
  await expect(panel.getByTestId('clock-remove')).toHaveCount(0)
})
