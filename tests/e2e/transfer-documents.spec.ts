/**
 * The transfer documents as an officer prepares them: the five documents listed (a draft says
 * why), the addressee edited and seen in the print preview, a PDF made and its path shown.
 * The PDF's first page is rendered to PNG for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CustodyEvent, EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeDroneJpeg } from '../support/media'
import { OFFICER, SCREENS_DIR, caseFields, expect, shot, test } from './support/desk'

test('transfer documents: five listed, the addressee edited into the preview, a PDF made', async ({
  page,
  desk,
}) => {
  test.setTimeout(240_000)
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', {
    paths: [makeBodycamMp4(desk.workDir), await makeDroneJpeg(desk.workDir)],
  })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const violation = await desk.call<Violation>('violation:save', {
    title: '通过旁路逃避监管排放大气污染物',
    facts: '当事人在1号排放口旁设置旁路，未经自动监测设备直接排放废气。',
    occurredFrom: null,
    occurredTo: null,
    place: '1号排放口',
    basis: ['env-42-4'],
    status: 'confirmed',
  })
  await desk.call('violation:link', {
    violationId: violation.id,
    itemId: items[0].id,
    note: '拍到旁路正在排放',
  })
  await desk.call('violation:link', {
    violationId: violation.id,
    itemId: items[1].id,
    note: '航拍显示旁路位置',
  })
  // a second violation with no basis and no evidence yet: the documents say they are drafts
  await desk.call('violation:save', {
    title: '未批先建',
    facts: '',
    occurredFrom: null,
    occurredTo: null,
    place: '',
    basis: [],
    status: 'draft',
  })

  await desk.open()
  await page.getByRole('menuitem', { name: '移送材料' }).click()
  const list = page.getByTestId('transfer-documents')
  for (const title of [
    '涉嫌犯罪案件移送书',
    '涉嫌犯罪案件情况的调查报告',
    '涉案物品清单',
    '证据清单',
    '电子数据提取固定清单',
  ])
    await expect(list).toContainText(title)
  await expect(list.locator('.transfer-doc')).toHaveCount(5)
  await expect(page.getByTestId('transfer-problems-transfer-letter')).toContainText(
    '违法事实 V2 没有法律依据',
  )
  await expect(page.getByTestId('transfer-doc-electronic-data-list')).toContainText('可移送')

  // the preview frame is there, and the app itself raised nothing in it
  await expect(page.getByTestId('transfer-preview')).toHaveAttribute('sandbox', '')
  expect(desk.pageProblems).toEqual([])

  // the preview is the printed document: the case number is on it
  const preview = page.frameLocator('[data-testid="transfer-preview"]')
  await expect(preview.locator('h1')).toHaveText('涉嫌犯罪案件移送书')
  await expect(preview.locator('body')).toContainText('榕环罚〔2024〕017号')

  // the officer names the receiving police authority; the preview shows it, the log records it
  await page.getByLabel('受移送机关').fill('福州市公安局马尾分局')
  await page.getByTestId('transfer-save').click()
  await expect(page.getByText('已保存，并记入监管链记录。')).toBeVisible()
  await expect(preview.locator('.addressee')).toHaveText('福州市公安局马尾分局：')
  await expect(page.getByTestId('transfer-fields')).toContainText('张三 修改于')
  const { events } = await desk.call<{ events: CustodyEvent[] }>('custody:list', { offset: 0, limit: 1000 })
  expect(events.at(-1)).toMatchObject({
    action: 'document-edited',
    details: { kind: 'transfer-letter', key: 'addressee', to: '福州市公安局马尾分局' },
  })

  // text that cannot be printed is refused, next to the field
  await page.getByLabel('文号').fill('榕环移\u0007〔2024〕1号')
  await page.getByTestId('transfer-save').click()
  await expect(
    page.getByText('含有无法打印的字符（控制字符、私用区或未分配的码位），请删除后再保存。'),
  ).toBeVisible()
  await page.getByLabel('文号').fill('榕环移〔2024〕1号')
  await page.getByTestId('transfer-save').click()
  await expect(preview.locator('.doc-number')).toHaveText('榕环移〔2024〕1号')

  await page.getByTestId('screen-transfer').evaluate((el) => el.scrollTo(0, 0))
  await shot(page, 'transfer-documents.png')

  // the PDF: made in the background, its path shown when done
  await page.getByTestId('transfer-pdf-button').click()
  const done = page.getByTestId('transfer-pdf-done')
  await expect(done).toBeVisible({ timeout: 120_000 })
  const pdfPath = join(desk.workDir, 'case', 'documents', '01_涉嫌犯罪案件移送书.pdf')
  await expect(done).toContainText(pdfPath)
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
  expect(text).toContain('福州市公安局马尾分局')
  expect(text).toContain('草稿')
  await shot(page, 'transfer-documents-pdf-done.png')

  // the first page as a picture, for a person to check the typography
  mkdirSync(SCREENS_DIR, { recursive: true })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    join(SCREENS_DIR, 'transfer-letter-pdf'),
  ])
  expect(existsSync(join(SCREENS_DIR, 'transfer-letter-pdf.png'))).toBe(true)

  // another document: the electronic data list shows each item's full SHA-256
  await page.getByTestId('transfer-doc-electronic-data-list').click()
  await expect(preview.locator('h1')).toHaveText('电子数据提取固定清单')
  for (const item of items) await expect(preview.locator('td.hash', { hasText: item.sha256 })).toHaveCount(1)

  // Playwright's own probes into the sandboxed preview are refused by Chromium: no script runs there
  expect(desk.sandboxProbes.length).toBeGreaterThan(0)
})
