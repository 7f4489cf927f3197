import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { objectPath } from '../../src/core/case/layout'
import { insertItem } from '../../src/core/evidence/item-repository'
import { MEDIA_FIXTURES } from '../support/fixtures'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, chooseOption, expect, shot, test, type Desk } from './support/desk'

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** Every regular file under `dir`, recursively (hidden temp folders included). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

async function openCase(desk: Desk): Promise<string> {
  await desk.call('profile:save', OFFICER)
  const dir = join(desk.workDir, 'case')
  await desk.call('case:create', { dir, fields: caseFields() })
  return dir
}

/** Imports `folder` through the in-app browser (browser mode has no OS dialog), as an officer would. */
async function importFolder(page: Page, parent: string, folderName: string): Promise<void> {
  await page.getByTestId('library-import').first().click()
  const picker = page.getByRole('dialog', { name: '选择要导入的文件或文件夹' })
  await picker.getByLabel('文件夹路径').fill(parent)
  await picker.getByLabel('文件夹路径').press('Enter')
  await expect(picker.getByTestId('folder-row').filter({ hasText: folderName })).toBeVisible()
  // the case folder is listed too, but cannot be ticked
  await expect(picker.getByLabel('选择 case')).toBeDisabled()
  await picker.getByLabel(`选择 ${folderName}`).check()
  await expect(picker.getByTestId('import-selection')).toContainText('已选 1 项')
  await picker.getByTestId('import-selected').click()
  await expect(picker).toBeHidden()
}

test('import through the UI, watch it finish, then filter, search and inspect the evidence', async ({
  page,
  desk,
}) => {
  await openCase(desk)
  const batch = join(desk.workDir, 'batch')
  mkdirSync(batch)
  const drone = await makeDroneJpeg(batch)
  makeBodycamMp4(batch)
  makeTranscriptGb18030(batch)
  makeCemsCsv(batch, { withLimitColumn: true })
  writeFileSync(join(batch, 'empty-photo.jpg'), '')
  writeFileSync(join(batch, 'notes-not-a-video.mp4'), '现场记录：这是文字，不是视频。\r\n'.repeat(20))

  await desk.open()
  await page.getByRole('menuitem', { name: '证据库' }).click()
  await expect(page.getByTestId('library-empty')).toContainText('还没有证据 — 导入文件或拖放到此处')

  await importFolder(page, desk.workDir, 'batch')

  // The progress drawer opens by itself and ends with a result for every file.
  const task = page.getByTestId('task-card').first()
  await expect(task).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await expect(task.getByTestId('task-state')).toHaveText('已完成')
  await expect(task.getByTestId('task-files')).toHaveText('6 / 6')
  const results = task.getByTestId('result-row')
  await expect(results).toHaveCount(6)
  const empty = results.filter({ hasText: 'empty-photo.jpg' })
  await expect(empty).toHaveAttribute('data-status', 'rejected')
  await expect(empty).toContainText('文件为空（0 字节）')
  const mislabelled = results.filter({ hasText: 'notes-not-a-video.mp4' })
  await expect(mislabelled).toHaveAttribute('data-status', 'imported')
  await expect(mislabelled.locator('[data-code="extension-mismatch"]')).toContainText(
    '文件扩展名与实际内容不符',
  )
  await expect(task.getByTestId('task-summary')).toContainText('未能导入 1')
  // files imported with warnings count as imported (issue 15): "已导入 5（其中 n 有警告）"
  const importedRows = results.and(page.locator('[data-status="imported"]'))
  const kept = await importedRows.count()
  const warned = await importedRows.filter({ has: page.locator('[data-code]') }).count()
  expect(warned).toBeGreaterThan(0)
  expect(kept).toBe(5)
  await expect(task.getByTestId('task-imported')).toHaveText(
    warned > 0 ? `已导入 ${kept}（其中 ${warned} 有警告）` : `已导入 ${kept}`,
  )
  await expect(page.getByTestId('tasks-button')).toHaveAttribute('data-running', '0')
  await shot(page, 'import-progress.png')
  // the technical message is one click away
  await empty.getByText('详情').click()
  await expect(empty).toContainText('0 bytes')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('tasks-drawer')).toBeHidden()

  // The library shows what was kept; the rejected file left nothing.
  const tiles = page.getByTestId('evidence-tile')
  await expect(tiles).toHaveCount(5)
  await expect(page.getByTestId('library-total')).toHaveText('共 5 件')
  // A page is never told a dropped file's real path: a drop only says how to import instead.
  const dropped = await page.evaluateHandle(
    '(() => { const d = new DataTransfer(); d.items.add(new File(["x"], "x.txt")); return d })()',
  )
  await page.locator('.library').dispatchEvent('dragover', { dataTransfer: dropped })
  await page.locator('.library').dispatchEvent('drop', { dataTransfer: dropped })
  await expect(page.locator('.ant-message')).toContainText('浏览器模式下请使用“导入”按钮选择文件')
  await expect(tiles).toHaveCount(5)
  await expect(tiles.filter({ has: page.locator('img[data-role="thumb"]') })).toHaveCount(1)
  await expect(tiles.filter({ has: page.locator('img[data-role="poster"]') })).toHaveCount(1)

  // kind filter
  await chooseOption(page, page.locator('.ant-select', { has: page.getByLabel('证据类型') }), '询问笔录')
  await page.keyboard.press('Escape')
  await expect(tiles).toHaveCount(1)
  await expect(tiles.first()).toHaveAttribute('data-kind', 'transcript')
  await expect(page.getByTestId('library-total')).toHaveText('符合条件 1 件（共 5 件）')
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(tiles).toHaveCount(5)

  // full-text search: three characters and more use the index, two fall back to a plain match
  const search = page.getByLabel('搜索证据')
  await search.fill('脱硫塔')
  await expect(tiles).toHaveCount(1)
  await expect(tiles.first()).toHaveAttribute('data-kind', 'transcript')
  await search.fill('凌晨')
  await expect(tiles).toHaveCount(1)
  await expect(tiles.first()).toHaveAttribute('data-kind', 'transcript')
  await search.fill('没有这个词')
  await expect(page.getByTestId('library-no-match')).toBeVisible()
  await search.fill('')
  await expect(tiles).toHaveCount(5)

  // capture days are the case's days (Asia/Shanghai): the video at 04:03, the photo at 10:15, the
  // interview 9:30–10:15 and the monitoring data 00:00–08:00; the note of no date is left out
  await page.getByPlaceholder('拍摄日期自').fill('2021-05-24')
  await page.getByPlaceholder('至').fill('2021-05-24')
  await page.keyboard.press('Enter')
  await expect(tiles).toHaveCount(4)
  await expect(page.getByTestId('library-total')).toHaveText('符合条件 4 件（共 5 件）')
  await expect(tiles.and(page.locator('[data-kind="document"]'))).toHaveCount(0)
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(tiles).toHaveCount(5)

  // details of the drone photo: the integrity check value is the file's own SHA-256
  await page.locator('[data-testid="evidence-tile"][data-kind="image"]').click()
  const panel = page.getByTestId('details-panel')
  await expect(panel.getByTestId('item-sha256')).toHaveText(sha256(drone))
  await expect(panel.getByTestId('captured-time')).toHaveText('2021-05-24 10:15:30 +08:00')
  await expect(panel).toContainText('时间来源：照片 EXIF')
  await expect(panel.getByTestId('item-gps')).toHaveText('31.2304, 121.4737')
  await expect(panel).toContainText('DJI FC6310')
  await expect(panel).toContainText('相对起飞点高度')
  await expect(panel.getByTestId('item-custody')).toContainText('导入证据')
  await expect(panel.locator('img[data-role="preview"]')).toBeVisible()
  await shot(page, 'evidence-library.png')

  // monitoring data: each exceedance window in words
  await page.locator('[data-testid="evidence-tile"][data-kind="monitoring"]').click()
  await expect(panel.getByTestId('exceedance').first()).toHaveText(
    '2021-05-24 02:00–04:00，SO2 实测浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )

  // the table: same items, capture time with its offset, warnings counted
  await page.getByTestId('library-view').getByText('列表').click()
  const rows = page.getByTestId('evidence-row')
  await expect(rows).toHaveCount(5)
  await expect(rows.filter({ hasText: 'DJI_0001.JPG' })).toContainText('2021-05-24 10:15:30 +08:00')
  await expect(rows.filter({ hasText: 'notes-not-a-video.mp4' }).getByTestId('row-warning')).toBeVisible()
  await page.getByRole('button', { name: '关闭详情' }).click()
  await expect(panel).toBeHidden()
  await shot(page, 'evidence-library-table.png')
})

test('cancel a large import: the task says cancelled and no partial item stays', async ({ page, desk }) => {
  const caseDir = await openCase(desk)
  const big = join(desk.workDir, 'big')
  mkdirSync(big)
  // incompressible bytes: nothing along the way can make the copy quick
  const fd = openSync(join(big, 'bodycam-dump.bin'), 'w')
  // large enough that the copy outlasts the click even now that copying and hashing overlap;
  // fresh random blocks (crypto writes them at memory speed: a byte-by-byte map over 1 GiB took
  // most of the test's time on a loaded machine)
  for (let i = 0; i < 256; i++) writeSync(fd, randomBytes(4 * 1024 * 1024))
  closeSync(fd)

  await desk.open()
  await page.getByRole('menuitem', { name: '证据库' }).click()
  // The backend runs in this test's own process, so while it hashes, every Playwright round trip
  // crawls and a normal click could arrive after the copy has finished. The page itself stays
  // responsive: press Cancel from inside it the moment the button appears, as a quick officer would.
  // (a script string: this tsconfig has no DOM types, and the code runs in the page)
  await page.evaluate(`(() => {
    const observer = new MutationObserver(() => {
      const cancel = document.querySelector('[data-testid="task-cancel"]')
      if (!cancel) return
      observer.disconnect()
      cancel.click()
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })()`)
  await importFolder(page, desk.workDir, 'big')
  const task = page.getByTestId('task-card').first()
  await expect(task).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 })
  await expect(task.getByTestId('task-state')).toHaveText('已取消')
  await expect(task).toContainText('导入已取消')
  await expect(page.getByTestId('tasks-button')).toHaveAttribute('data-running', '0')
  await page.keyboard.press('Escape')

  // Whatever finished before the cancel is whole; nothing else of the batch is in the case.
  const list = await desk.call<{ total: number; items: Array<{ sha256: string; size: number }> }>(
    'evidence:list',
    {},
  )
  expect(list.total).toBe(0)
  const kept = list.items.map((i) => objectPath(caseDir, i.sha256)).sort()
  expect(filesUnder(join(caseDir, 'objects')).sort()).toEqual(kept)
  for (const item of list.items) expect(statSync(objectPath(caseDir, item.sha256)).size).toBe(item.size)
  await expect(page.getByTestId('library-empty')).toBeVisible()

  // the drawer still has the task after a reload: the backend keeps this session's tasks
  await page.reload()
  await page.getByTestId('tasks-button').click()
  await expect(page.getByTestId('task-card')).toHaveCount(1)
  await expect(page.getByTestId('task-card')).toHaveAttribute('data-state', 'cancelled')
})

test('a thermal image: its temperatures in the details, and the thermal viewer one click away', async ({
  page,
  desk,
}) => {
  const flir = join(MEDIA_FIXTURES, 'FLIR.jpg')
  test.skip(!existsSync(flir), `no thermal fixture at ${flir}`)
  await openCase(desk)
  // The import itself is not what this test is about: start it directly.
  await desk.call('import:start', { paths: [flir] })
  await desk.backend.idle()

  await desk.open()
  await page.getByRole('menuitem', { name: '证据库' }).click()
  await page.locator('[data-testid="evidence-tile"][data-kind="thermal"]').click()
  const panel = page.getByTestId('details-panel')
  await expect(panel).toContainText('FLIR 辐射测温 JPEG')
  await expect(panel).toContainText(/最高温度\s*-?\d+(\.\d)? °C/)
  await panel.getByTestId('open-thermal').click()
  const viewer = page.getByTestId('thermal-viewer-modal')
  await expect(viewer).toBeVisible()
  await expect(page.getByRole('dialog')).toContainText('红外热成像查看器')
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
})

test('a library of 20,000 items scrolls to its end in both views, fetched page by page', async ({
  page,
  desk,
}) => {
  await openCase(desk)
  // Importing 20,000 files through the UI would take minutes; rows written straight into the
  // case stand in for them (this test is about the views, not the import).
  const db = desk.backend.openCase().db
  const at = new Date('2024-03-01T02:00:00Z').getTime()
  db.transaction(() => {
    for (let i = 1; i <= 20_000; i++) {
      const sha = createHash('sha256').update(String(i)).digest('hex')
      insertItem(db, {
        id: `item-${i}`,
        sha256: sha,
        size: 1000 + i,
        originalName: `IMG_${String(i).padStart(5, '0')}.JPG`,
        sourcePath: `/media/card/DCIM/IMG_${String(i).padStart(5, '0')}.JPG`,
        sourceMtime: null,
        kind: i % 3 === 0 ? 'video' : 'image',
        mime: i % 3 === 0 ? 'video/mp4' : 'image/jpeg',
        importedAt: new Date(at).toISOString(),
        importedBy: { name: OFFICER.name, certNo: OFFICER.certNo },
        capturedAt: new Date(at - i * 60_000).toISOString().replace('Z', '+00:00'),
        capturedAtSource: 'exif',
        utcOffset: '+08:00',
        gps: null,
        device: null,
        width: 640,
        height: 480,
        durationSec: null,
        warnings: [],
        meta: {},
        derivedFrom: null,
      })
    }
  })()

  const listed: number[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/api/invoke') && r.postData()?.includes('"evidence:list"'))
      listed.push((JSON.parse(r.postData() ?? '{}') as { input: { offset?: number } }).input.offset ?? 0)
  })
  await desk.open()
  await page.getByRole('menuitem', { name: '证据库' }).click()
  await expect(page.getByTestId('library-total')).toHaveText('共 20000 件')
  const grid = page.getByTestId('evidence-grid')
  await expect(grid.getByTestId('evidence-tile').first()).toHaveAttribute('data-number', 'E001')
  // the page holds only what is on screen, not 20,000 tiles
  expect(await grid.getByTestId('evidence-tile').count()).toBeLessThan(100)

  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(grid.locator('[data-number="E20000"]')).toBeVisible()
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  // the middle of the library: around E10000, give or take the rows kept beyond the edges
  await expect(grid.getByTestId('evidence-tile').first()).toHaveAttribute(
    'data-number',
    /^E(9[5-9]\d\d|10[0-4]\d\d)$/,
  )

  await page.getByTestId('library-view').getByText('列表').click()
  const table = page.getByTestId('evidence-table')
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(table.locator('[data-number="E20000"]')).toBeVisible()
  await expect(table.locator('[data-number="E20000"]')).toContainText('2024-02-16 12:40:00 +08:00')
  expect(await table.getByTestId('evidence-row').count()).toBeLessThan(100)
  // pages of 200 were fetched as the window reached them, never the whole library at once
  expect(listed.length).toBeGreaterThan(2)
  expect(new Set(listed).size).toBeLessThan(20)
})
