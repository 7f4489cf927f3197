/**
 * 现场照片 vs 无人机照片 on screen (issue 15): a phone photo (the real iPhone HEIC, and one made
 * with exiftool) and a DJI photo with drone XMP are told apart in the library's grid, table and
 * filter, in the details panel and in the timeline's lanes, in both languages.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { REAL_WORLD } from '../support/fixtures'
import { makeDroneJpeg } from '../support/media'
import { OFFICER, caseFields, chooseOption, expect, shot, test } from './support/desk'

test('scene photos and drone photos: grid, table, filter, details and timeline lanes', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const src = join(desk.workDir, 'src')
  mkdirSync(src)
  await makeDroneJpeg(src, { fileName: 'DJI_0001.JPG' })
  await makeDroneJpeg(src, {
    fileName: 'IMG_20210524_101700.jpg',
    make: 'HUAWEI',
    model: 'ELS-AN00',
    serial: '',
    drone: null,
    dateTimeOriginal: '2021:05:24 10:17:00',
  })
  copyFileSync(join(REAL_WORLD, 'files/image/iphone_13_pro_max.HEIC'), join(src, 'IMG_0001.HEIC'))
  await desk.call('import:start', { paths: [src] })
  await desk.backend.idle()

  await desk.open()
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  const tiles = page.getByTestId('evidence-tile')
  await expect(tiles).toHaveCount(3)
  const tile = (name: string) => tiles.filter({ hasText: name })
  await expect(tile('DJI_0001.JPG')).toHaveAttribute('data-category', 'drone-photo')
  await expect(tile('DJI_0001.JPG').getByTestId('tile-category')).toHaveText('无人机照片')
  await expect(tile('IMG_20210524_101700.jpg').getByTestId('tile-category')).toHaveText('现场照片')
  await expect(tile('IMG_0001.HEIC').getByTestId('tile-category')).toHaveText('现场照片')

  // the details panel says what the photo is
  await tile('IMG_20210524_101700.jpg').click()
  const panel = page.getByTestId('details-panel')
  await expect(panel).toContainText('现场照片')
  await expect(panel).not.toContainText('无人机照片')
  await expect(panel).toContainText('HUAWEI ELS-AN00')
  await shot(page, 'library-photo-categories.png')
  await page.getByRole('button', { name: '关闭详情' }).click()
  await expect(panel).toBeHidden()

  // the filter offers each category
  await chooseOption(page, page.locator('.ant-select', { has: page.getByLabel('证据类型') }), '无人机照片')
  await page.keyboard.press('Escape')
  await expect(tiles).toHaveCount(1)
  await expect(tiles.first()).toHaveAttribute('data-category', 'drone-photo')
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(tiles).toHaveCount(3)

  // the table names each row's category
  await page.getByTestId('library-view').getByText('列表').click()
  const rows = page.getByTestId('evidence-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'DJI_0001.JPG' })).toContainText('无人机照片')
  await expect(rows.filter({ hasText: 'IMG_0001.HEIC' })).toContainText('现场照片')
  await shot(page, 'library-photo-categories-table.png')

  // the timeline puts them in lanes of their own
  await page.getByTestId('side-nav').getByText('时间线', { exact: true }).click()
  const lanes = page.getByTestId('timeline-lane')
  await expect(lanes.filter({ hasText: '无人机照片' })).toHaveCount(1)
  await expect(lanes.filter({ hasText: '现场照片' }).first()).toBeVisible()

  // and in English
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('side-nav').getByText('Evidence', { exact: true }).click()
  await expect(tile('DJI_0001.JPG').getByTestId('tile-category')).toHaveText('Drone photo')
  await expect(tile('IMG_0001.HEIC').getByTestId('tile-category')).toHaveText('Scene photo')
  await shot(page, 'library-photo-categories-en.png')
})
