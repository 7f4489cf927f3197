/**
 * Reviewer mode as a legal reviewer uses it: an officer's case is exported as a signed ZIP; the
 * reviewer opens it from the start screen, sees the green verdict with the signer and the
 * fingerprint first (the unconfirmed key in amber), then the case read-only in the same viewers
 * (the video plays from the ZIP by Range requests, the monitoring chart reads its CSV from the
 * ZIP), reads the package's own transfer documents, writes a note and exports the review report.
 * The ZIP unpacked with one byte of an original flipped shows red, naming the file. The package
 * never changes.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { JobProgress } from '../../src/shared/jobs'
import type { EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, expect, shot, test, type Desk } from './support/desk'
import { openFromLibrary } from './support/open-item'

const VIDEO = '20210524_040312_DSJ-A8-00123.MP4'
const TRANSCRIPT = '询问笔录-赵六.txt'
const CEMS = 'CEMS-1号排放口-20210524.csv'

async function exportPackage(desk: Desk, target: string): Promise<void> {
  const { taskId } = await desk.call<{ taskId: string }>('export:start', { target })
  await desk.backend.idle()
  const jobs = await desk.call<JobProgress[]>('job:list')
  expect(jobs.find((j) => j.taskId === taskId)?.state).toBe('done')
}

/** An officer's case with real media and one violation citing all of it, exported as a signed ZIP. */
async function exportedCase(desk: Desk): Promise<string> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const media = join(desk.workDir, 'media')
  mkdirSync(media)
  await desk.call('import:start', {
    paths: [
      makeBodycamMp4(media, { durationSec: 2 }),
      makeTranscriptGb18030(media),
      makeCemsCsv(media),
      await makeDroneJpeg(media),
    ],
  })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const v = await desk.call<Violation>('violation:save', {
    title: '通过篡改监测数据逃避监管排放大气污染物',
    facts: '脱硫塔循环泵停运期间二氧化硫超标排放',
    occurredFrom: null,
    occurredTo: null,
    place: '1号排放口',
    basis: ['water-39'],
    status: 'confirmed',
  })
  for (const item of items)
    await desk.call('violation:link', {
      violationId: v.id,
      itemId: item.id,
      note: `${item.number} 证明排放事实`,
    })
  const out = join(desk.workDir, 'out')
  mkdirSync(out)
  const zip = join(out, '证据包.zip')
  await exportPackage(desk, zip)
  await desk.call('case:close')
  return zip
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** Start screen → 打开证据包审查 → go to the folder → pick the ZIP, or review the folder itself. */
async function pickPackage(page: Page, dir: string, zipName?: string) {
  await page.getByTestId('open-package').click()
  const box = page.getByRole('textbox', { name: '文件夹路径' })
  await box.fill(dir)
  await box.press('Enter')
  if (zipName) await page.getByTestId(`package-entry-${zipName}`).click()
  else {
    // the bag's own listing is in (its data/ folder shows) before the folder is chosen
    await expect(page.getByTestId('package-entry-data')).toBeVisible()
    await page.getByTestId('review-use-folder').click()
  }
}

test('a reviewer verifies a package, reads it in the same viewers, and notes without changing it', async ({
  desk,
  page,
}) => {
  // one export that prints five transfer documents to PDF with Chromium, then two verifications
  test.setTimeout(300_000)
  const zip = await exportedCase(desk)
  const zipDigest = digest(zip)
  await desk.call('profile:save', { name: '王审查', certNo: '35019900001', unit: '福州市公安局' })
  await desk.open()

  const ranges: number[] = []
  page.on('response', (r) => {
    if (/\/media\/[0-9a-f-]{36}\/original$/.test(new URL(r.url()).pathname)) ranges.push(r.status())
  })

  await pickPackage(page, join(desk.workDir, 'out'), '证据包.zip')
  const summary = page.getByTestId('review-summary')
  await expect(summary).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('review-verdict')).toHaveText('验证通过')
  await expect(page.getByTestId('review-signer')).toHaveText(OFFICER.name)
  await expect(page.getByTestId('review-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/)
  await expect(page.getByTestId('review-trust')).toContainText('未经本机确认')
  // a valid package signed with a key not confirmed here: green verdict, amber notice
  await expect(page.getByTestId('review-warnings')).toContainText('签名有效，但签名密钥未经本机确认')
  await expect(page.getByTestId('review-band-warning')).toHaveText('签名密钥未经本机确认')
  await expect(summary).toContainText(/监管链记录\s*\d+ 条，连续完整/)
  await expect(page.getByTestId('review-band')).toContainText('审查模式')
  await expect(page.getByTestId('case-number')).toHaveText(caseFields().number)
  // an unconfirmed signer blocks the way to the case until the reviewer acknowledges it (item 3)
  const showCase = page.getByTestId('review-show-case')
  await expect(showCase).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('review-summary')).toBeVisible()
  await expect(page.getByTestId('review-ack')).toContainText('签名密钥未经本机确认，不能据此认定')
  await shot(page, 'review.png')
  await page.getByRole('checkbox', { name: /我已知悉/ }).check()
  await showCase.click()

  // Read-only frame: no import, no case edit, no integrity check, no export screen, no task drawer.
  await expect(page.getByTestId('evidence-kinds')).toBeVisible()
  await expect(page.getByTestId('overview-import')).toHaveCount(0)
  await expect(page.getByTestId('tasks-button')).toHaveCount(0)
  await expect(page.getByTestId('edit-case')).toHaveCount(0)
  await expect(page.getByTestId('check-now')).toHaveCount(0)
  const nav = page.getByTestId('side-nav')
  await expect(nav.getByText('导出', { exact: true })).toHaveCount(0)

  // The transfer documents are the package's own, shown in a sandboxed frame; the PDF can be saved out.
  await nav.getByText('移送材料', { exact: true }).click()
  // the package's violation cites no transfer ground (water-39 only): report, lists and extraction record
  await expect(page.getByTestId('review-documents').getByRole('listitem')).toHaveCount(4)
  const frame = page.getByTestId('review-document-frame')
  await expect(frame).toHaveAttribute('sandbox', '')
  await expect(page.frameLocator('[data-testid="review-document-frame"]').locator('body')).toContainText(
    caseFields().number,
  )
  await expect(page.getByTestId('transfer-pdf-button')).toHaveCount(0)
  await shot(page, 'review-transfer.png')
  // Browser mode writes only where the reviewer chose (the package's folder), never elsewhere …
  const elsewhere = join(desk.workDir, '移送书副本.pdf')
  await page.getByTestId('review-document-target').fill(elsewhere)
  await page.getByTestId('review-save-pdf').click()
  await expect(page.getByTestId('review-document-save')).toContainText('该位置未在本次会话中选择')
  expect(existsSync(elsewhere)).toBe(false)
  // … and never over a file that is there without asking.
  const pdfCopy = join(desk.workDir, 'out', '移送书副本.pdf')
  await page.getByTestId('review-document-target').fill(pdfCopy)
  await page.getByTestId('review-save-pdf').click()
  await expect(page.getByText(`已另存：${pdfCopy}`)).toBeVisible()
  expect(readFileSync(pdfCopy).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  writeFileSync(pdfCopy, 'the reviewer’s own file')
  await page.getByTestId('review-save-pdf').click()
  const overwrite = page.getByRole('dialog').filter({ hasText: '文件已存在' })
  await expect(overwrite).toContainText(pdfCopy)
  await overwrite.getByRole('button', { name: '不覆盖', exact: true }).click()
  await expect(overwrite).toHaveCount(0)
  expect(readFileSync(pdfCopy, 'utf8')).toBe('the reviewer’s own file')
  await page.getByTestId('review-save-pdf').click()
  await page
    .getByRole('dialog')
    .filter({ hasText: '文件已存在' })
    .getByRole('button', { name: /^覆\s?盖$/ })
    .click()
  // the overwrite prints the PDF again with Chromium: on a loaded 2-core machine that can take over 10 s
  await expect
    .poll(() => readFileSync(pdfCopy).subarray(0, 5).toString('latin1'), { timeout: 60_000 })
    .toBe('%PDF-')

  // The video plays from the ZIP itself, by Range requests.
  await openFromLibrary(page, VIDEO)
  await expect(page.getByTestId('library-import')).toHaveCount(0)
  const video = page.getByTestId('video-element')
  await expect(video).toBeVisible()
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2)
  expect(ranges).toContain(206)
  await expect(page.getByTestId('export-panel')).toHaveCount(0)
  // no range can be cited in review: no 设起点/设终点, no I/O keys in the help
  await expect(page.getByTestId('mark-in')).toHaveCount(0)
  await expect(page.getByTestId('mark-out')).toHaveCount(0)
  await page.getByTestId('video-help').click()
  await expect(page.getByTestId('video-key-help')).toBeVisible()
  await expect(page.getByTestId('video-key-help').locator('kbd')).toHaveText(['Space', '← →', 'J', 'K', 'L'])
  // a package that verified: no banner, the item marked 已核验
  await expect(page.getByTestId('item-check-banner')).toHaveCount(0)
  await expect(page.getByTestId('item-viewer').getByTestId('item-check')).toHaveText('已核验')
  await page.getByTestId('video-help').click()
  await expect(page.getByTestId('video-key-help')).toBeHidden()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('item-viewer')).toBeHidden()
  await expect(page.getByTestId('evidence-tile').getByTestId('item-check')).toHaveCount(4)
  for (const mark of await page.getByTestId('evidence-tile').getByTestId('item-check').all())
    await expect(mark).toHaveAttribute('data-state', 'verified')

  // The monitoring chart reads the CSV from inside the ZIP.
  await openFromLibrary(page, CEMS)
  const monitoring = page.getByTestId('item-viewer').getByTestId('monitoring-viewer')
  await expect(monitoring).toHaveAttribute('data-state', 'ready')
  await expect(monitoring.getByTestId('monitoring-chart')).toHaveAttribute('data-points', '8')
  await expect(monitoring.getByTestId('save-limit')).toHaveCount(0)
  await page.keyboard.press('Escape')

  await openFromLibrary(page, TRANSCRIPT)
  const transcript = page.getByTestId('transcript-viewer')
  await expect(transcript).toHaveAttribute('data-state', 'ready')
  await expect(transcript).toContainText('循环泵故障')
  await page.keyboard.press('Escape')

  // Violations: read, with no editing.
  await nav.getByText('违法事实', { exact: true }).click()
  await expect(page.getByTestId('violation-detail')).toContainText('通过篡改监测数据逃避监管排放大气污染物')
  await expect(page.getByTestId('violation-add')).toHaveCount(0)
  await expect(page.getByTestId('violation-edit')).toHaveCount(0)

  // A reviewer's note, and the report.
  await page.getByTestId('review-open-notes').click()
  await page.getByTestId('review-note-text').fill('视频与监测数据相互印证，建议移送。')
  await page.getByTestId('review-note-add').click()
  await expect(page.getByTestId('review-note')).toContainText('视频与监测数据相互印证，建议移送。')
  await expect(page.getByTestId('review-note')).toContainText('王审查')
  const report = join(desk.workDir, 'out', 'review-report.html')
  await page.getByTestId('review-report-path').fill(report)
  await page.getByTestId('review-report-export').click()
  await expect(page.getByText(`审查报告已保存：${report}`)).toBeVisible()
  const html = readFileSync(report, 'utf8')
  expect(html).toContain('验证通过')
  expect(html).toContain('视频与监测数据相互印证，建议移送。')
  await page.keyboard.press('Escape')

  // In English, the band, the package's documents and the report follow the language.
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(page.getByTestId('review-band')).toContainText('Review mode')
  await expect(page.getByTestId('review-band-warning')).toHaveText('Signing key not confirmed here')
  await nav.getByText('Transfer documents', { exact: true }).click()
  await expect(page.getByTestId('review-doc-investigation-report')).toContainText('Investigation report')
  await expect(page.getByTestId('review-document-save')).toContainText('Save PDF')
  await shot(page, 'review-en.png')
  await page.getByTestId('review-open-notes').click()
  const reportEn = join(desk.workDir, 'out', 'review-report-en.html')
  await page.getByTestId('review-report-path').fill(reportEn)
  await page.getByTestId('review-report-export').click()
  await expect(page.getByText(`Review report saved: ${reportEn}`)).toBeVisible()
  const htmlEn = readFileSync(reportEn, 'utf8')
  expect(htmlEn).toContain('Verified')
  expect(htmlEn).not.toContain('验证通过')
  await page.keyboard.press('Escape')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: '简体中文' }).click()

  await page.getByTestId('close-case').click()
  await expect(page.getByTestId('start-screen')).toBeVisible()
  expect(digest(zip)).toBe(zipDigest)

  // A tampered bag folder: the ZIP unpacked (by Info-ZIP, not our code), one byte of the video flipped.
  const unpacked = join(desk.workDir, 'unpacked')
  execFileSync('unzip', ['-q', zip, '-d', unpacked])
  const [top] = readdirSync(unpacked)
  const tampered = join(unpacked, top)
  const evidence = join(tampered, 'data', 'evidence')
  const name = readdirSync(evidence).find((n) => n.endsWith(VIDEO)) as string
  const file = join(evidence, name)
  chmodSync(file, 0o644)
  const bytes = readFileSync(file)
  bytes[bytes.length >> 1] ^= 0x01
  writeFileSync(file, bytes)

  await pickPackage(page, tampered)
  await expect(page.getByTestId('review-verdict')).toHaveText('验证未通过', { timeout: 60_000 })
  await expect(page.getByTestId('review-problems')).toContainText(`文件 data/evidence/${name} 已被改动`)
  await expect(page.getByTestId('review-band')).toContainText('验证未通过')
  await shot(page, 'review-tampered.png')
  expect(existsSync(join(tampered, 'data', 'case.json'))).toBe(true)

  // The case points at the altered file, and only at it: library, details, viewer, matrix, timeline.
  await page.getByRole('checkbox', { name: /我已知悉/ }).check()
  await page.getByTestId('review-show-case').click()
  await nav.getByText('证据库', { exact: true }).click()
  const tiles = page.getByTestId('evidence-tile')
  await expect(tiles).toHaveCount(4)
  const alteredTile = tiles.filter({ hasText: VIDEO })
  await expect(alteredTile.getByTestId('item-check')).toHaveText('已被改动')
  await expect(alteredTile.getByTestId('item-check')).toHaveAttribute('data-state', 'altered')
  await expect(tiles.locator('[data-testid="item-check"][data-state="altered"]')).toHaveCount(1)
  await expect(tiles.locator('[data-testid="item-check"][data-state="verified"]')).toHaveCount(3)
  const actual = digest(file)
  await alteredTile.click()
  const details = page.getByTestId('details-panel')
  const recorded = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const videoItem = recorded.items.find((i) => i.originalName === VIDEO) as EvidenceItem
  await expect(details.getByTestId('item-check-expected')).toHaveText(videoItem.sha256)
  await expect(details.getByTestId('item-check-actual')).toHaveText(actual)
  expect(actual).not.toBe(videoItem.sha256)
  await shot(page, 'review-tampered-details.png')
  await details.getByTestId('open-viewer').click()
  await expect(page.getByTestId('item-check-banner')).toContainText('此文件与证据包清单不符')
  await shot(page, 'review-tampered-viewer.png')
  await page.keyboard.press('Escape')
  // another item: green, no hash pair, no banner
  await tiles.filter({ hasText: CEMS }).click()
  await expect(details.getByTestId('item-check-facts')).toHaveAttribute('data-state', 'verified')
  await expect(details.getByTestId('item-check-actual')).toHaveCount(0)
  await details.getByTestId('open-viewer').click()
  await expect(page.getByTestId('item-viewer').getByTestId('monitoring-viewer')).toBeVisible()
  await expect(page.getByTestId('item-check-banner')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await nav.getByText('违法事实', { exact: true }).click()
  await page.getByRole('tab', { name: '证据矩阵' }).click()
  const matrixItems = page.getByTestId('matrix-item')
  await expect(matrixItems).toHaveCount(4)
  await expect(matrixItems.locator('[data-testid="item-check"][data-state="altered"]')).toHaveCount(1)
  await expect(matrixItems.filter({ has: page.locator('[data-state="altered"]') })).toHaveAttribute(
    'data-number',
    videoItem.number,
  )
  await nav.getByText('时间线', { exact: true }).click()
  const altered = page.getByTestId('timeline-altered')
  await expect(altered).toHaveCount(1)
  await expect(page.getByTestId('timeline-item').filter({ has: altered })).toHaveAttribute(
    'data-item-id',
    videoItem.id,
  )
  await shot(page, 'review-tampered-timeline.png')
})
