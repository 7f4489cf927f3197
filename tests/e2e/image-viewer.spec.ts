/**
 * The image viewer as an officer uses it on a drone photo stored sideways (EXIF orientation 6):
 * it shows upright at the size the record gives, zooms to actual pixels from the original,
 * describes the drone's attitude and position in words, and a region drawn on it is still there
 * after the viewer, and the case, are closed and opened again.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Annotation, EvidenceItem } from '../../src/shared/types'
import { makeDroneJpeg } from '../support/media'
import { OFFICER, caseFields, expect, shot, test, toastsGone, type Desk } from './support/desk'
import { openFromLibrary } from './support/open-item'

async function caseWithDronePhoto(desk: Desk): Promise<EvidenceItem> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const src = join(desk.workDir, 'src')
  mkdirSync(src)
  await desk.call('import:start', { paths: [await makeDroneJpeg(src)] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  return items[0]
}

/** Evidence library → the item's row or tile → details → its viewer. */
async function openViewer(page: Page, fileName: string) {
  await openFromLibrary(page, fileName)
  const viewer = page.getByTestId('image-viewer')
  await expect(viewer.getByTestId('image-stage')).not.toHaveAttribute('data-scale', '')
  return viewer
}

type Img = { naturalWidth: number; naturalHeight: number; complete: boolean }
const natural = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const img = el as unknown as Img
    return img.complete ? `${img.naturalWidth}x${img.naturalHeight}` : 'loading'
  })

test('orientation 6 shows upright; 1:1 from the original; a region survives reopening', async ({
  page,
  desk,
}) => {
  const item = await caseWithDronePhoto(desk)
  // stored 640×480 and turned by EXIF: the record's size is the upright one
  expect([item.width, item.height, item.meta.orientation]).toEqual([480, 640, 6])

  await desk.open()
  let viewer = await openViewer(page, 'DJI_0001.JPG')
  await expect(viewer.getByTestId('image-size')).toHaveText('480 × 640 像素')

  // fit view: the preview, upright (portrait), drawn at the record's aspect
  await expect.poll(() => natural(page, 'image-preview')).toBe('480x640')
  const fitBox = (await viewer.getByTestId('image-frame').boundingBox())!
  expect(fitBox.width / fitBox.height).toBeCloseTo(480 / 640, 2)

  // 1:1: the original, which the browser turns by its EXIF orientation, one image pixel per screen pixel
  await viewer.getByTestId('zoom-actual').click()
  await expect(viewer.getByTestId('image-stage')).toHaveAttribute('data-scale', '1.0000')
  await expect(viewer.getByTestId('image-stage')).toHaveAttribute('data-showing', 'original')
  await expect.poll(() => natural(page, 'image-original')).toBe('480x640')
  const oneToOne = (await viewer.getByTestId('image-original').boundingBox())!
  expect(Math.round(oneToOne.width)).toBe(480)
  expect(Math.round(oneToOne.height)).toBe(640)
  await expect(viewer.getByTestId('zoom-level')).toHaveText('缩放 100%')

  // metadata in words
  await expect(viewer.getByTestId('drone-sentence')).toContainText(
    '距起飞点高度 30.1 米，海拔 52.3 米，云台俯仰 −90°（垂直向下）',
  )
  await expect(viewer.getByTestId('gps-decimal')).toHaveText('31.230400, 121.473700')
  await expect(viewer.getByTestId('gps-dms')).toHaveText('31°13′49.44″N 121°28′25.32″E')
  await expect(viewer.getByTestId('capture-time')).toHaveText('2021-05-24 10:15:30 +08:00')

  // draw a region in upright image pixels, with a note
  await viewer.getByTestId('zoom-fit').click()
  await viewer.getByTestId('tool-region').click()
  const frame = (await viewer.getByTestId('image-frame').boundingBox())!
  const at = (x: number, y: number) => ({
    x: frame.x + (x * frame.width) / 480,
    y: frame.y + (y * frame.height) / 640,
  })
  const from = at(100, 150)
  const to = at(300, 400)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2)
  await page.mouse.move(to.x, to.y)
  await page.mouse.up()
  const form = viewer.getByTestId('region-form')
  await form.getByLabel('说明（可选）').fill('排污口附近的黑色水体')
  await form.getByTestId('save-region').click()
  await expect(form).toBeHidden()
  await expect(viewer.getByTestId('region-row')).toHaveCount(1)
  await expect(viewer.getByTestId('region-box')).toHaveCount(1)

  const [saved] = await desk.call<Annotation[]>('annotation:list', { itemId: item.id })
  expect(saved.type).toBe('region')
  const anchor = saved.anchor as { x: number; y: number; w: number; h: number }
  for (const [got, want] of [
    [anchor.x, 100],
    [anchor.y, 150],
    [anchor.w, 200],
    [anchor.h, 250],
  ])
    expect(Math.abs(got - want)).toBeLessThanOrEqual(2)

  // closed and opened again: the region is listed and drawn where it was
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
  viewer = await openViewer(page, 'DJI_0001.JPG')
  await viewer.getByTestId('tab-regions').click()
  await expect(viewer.getByTestId('region-row')).toContainText('排污口附近的黑色水体')
  const box = (await viewer.getByTestId('region-box').boundingBox())!
  const frame2 = (await viewer.getByTestId('image-frame').boundingBox())!
  expect(((box.x - frame2.x) * 480) / frame2.width).toBeCloseTo(anchor.x, -1)

  // the case closed and opened again
  await page.keyboard.press('Escape')
  await page.getByTestId('close-case').click()
  await page.getByTestId('recent-row').first().click()
  viewer = await openViewer(page, 'DJI_0001.JPG')
  await viewer.getByTestId('tab-regions').click()
  await expect(viewer.getByTestId('region-row')).toHaveCount(1)
  await viewer.getByTestId('region-row').locator('button').first().click()
  await expect(viewer.getByTestId('region-box')).toHaveClass(/selected/)
  await viewer.getByRole('tab', { name: '信息' }).click()
  await toastsGone(page)
  await shot(page, 'image-viewer.png')
})

test('withdrawing a region needs a reason and takes it off the image', async ({ page, desk }) => {
  const item = await caseWithDronePhoto(desk)
  await desk.call('annotation:add', {
    itemId: item.id,
    type: 'region',
    anchor: { x: 10, y: 20, w: 100, h: 80 },
    note: '误标',
  })
  await desk.open()
  const viewer = await openViewer(page, 'DJI_0001.JPG')
  await expect(viewer.getByTestId('region-box')).toHaveCount(1)
  await viewer.getByTestId('tab-regions').click()
  await viewer.getByTestId('region-row').getByTestId('withdraw').click()
  const dialog = page.getByRole('dialog').filter({ hasText: '撤回这条引用' })
  await expect(dialog.getByRole('button', { name: /^撤\s*回$/ })).toBeDisabled()
  await dialog.getByTestId('withdraw-reason').fill('位置标错，重新标注')
  await dialog.getByRole('button', { name: /^撤\s*回$/ }).click()
  await expect(viewer.getByTestId('region-box')).toHaveCount(0)
  const [a] = await desk.call<Annotation[]>('annotation:list', { itemId: item.id, includeWithdrawn: true })
  expect(a.withdrawnReason).toBe('位置标错，重新标注')
})
