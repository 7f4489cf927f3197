/**
 * The transfer as an officer prepares it: a detention ground and a criminal ground give two
 * letters; the transfer details are filled in with the errors shown next to their fields; the
 * documents become ready; the addressee is edited into the preview; a PDF is made with real
 * (non-Type 3) fonts. The PDF's pages are rendered to PNG for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CustodyEvent, EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeDroneJpeg } from '../support/media'
import { OFFICER, SCREENS_DIR, caseFields, chooseOption, expect, shot, test } from './support/desk'

test('transfer: criminal and detention letters, transfer details with errors at their fields, a PDF made', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000)
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', {
    paths: [makeBodycamMp4(desk.workDir), await makeDroneJpeg(desk.workDir)],
  })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const save = (title: string, basis: string[]) =>
    desk.call<Violation>('violation:save', {
      title,
      facts: '2021年5月24日2时至4时，当事人在1号排放口旁设置旁路，未经自动监测设备直接排放废气。',
      occurredFrom: '2021-05-24T02:00:00+08:00',
      occurredTo: '2021-05-24T04:00:00+08:00',
      place: '1号排放口',
      basis,
      status: 'confirmed',
    })
  const evasion = await save('通过旁路逃避监管排放大气污染物', ['env-42-4', 'env-63-3'])
  const tamper = await save('篡改自动监测数据排放二氧化硫', ['crim-338', 'judicial-2016-1-7'])
  for (const v of [evasion, tamper]) {
    await desk.call('violation:link', { violationId: v.id, itemId: items[0].id, note: '拍到旁路正在排放' })
    await desk.call('violation:link', { violationId: v.id, itemId: items[1].id, note: '航拍显示旁路位置' })
  }

  await desk.open()
  await page.getByRole('menuitem', { name: '移送材料' }).click()
  const list = page.getByTestId('transfer-documents')
  const titles = [
    '移送案件审批表',
    '涉嫌犯罪案件移送书',
    '适用行政拘留案件移送书',
    '回执',
    '案件调查报告',
    '证据清单',
    '电子数据提取笔录',
    '电子数据清单',
  ]
  for (const title of titles) await expect(list).toContainText(title)
  await expect(list.locator('.transfer-doc')).toHaveCount(titles.length)
  // nothing physical was seized: no list of seized items yet
  await expect(page.getByTestId('transfer-doc-seized-items-list')).toHaveCount(0)
  // the act (2021) and today's decision straddle the 法典: a draft until the choice is recorded
  await expect(page.getByTestId('transfer-problems-detention-letter')).toContainText('从旧兼从轻')
  await expect(page.getByTestId('transfer-problems-detention-letter')).toContainText('缺少“立案日期”')
  for (const v of [evasion, tamper])
    await desk.call('violation:lawChoice', {
      violationId: v.id,
      chosen: 'old',
      reason: '新规定并不较轻，适用行为时的规定。',
      decidedOn: new Date().toISOString().slice(0, 10),
    })

  // ── the transfer details ──
  await page.getByTestId('transfer-tab-info').click()
  const fields = page.getByTestId('transfer-case-fields')
  await fields.getByTestId('transfer-filed-on').fill('2099-01-01')
  await fields.getByTestId('transfer-permit').fill('91350100M000100Y43001P')
  await fields.getByTestId('transfer-add-suspect').click()
  await fields.getByPlaceholder('姓名').fill('王五')
  // one digit off: the check digit no longer fits, and the form says so next to the number
  await fields.getByTestId('transfer-suspect-id-0').fill('320102199003071230')
  await fields.getByTestId('transfer-fields-save').click()
  await expect(fields.getByText('校验位（最后一位）不正确，请核对号码')).toBeVisible()
  await fields.getByTestId('transfer-suspect-id-0').fill('320102199003071239')
  await fields.getByTestId('transfer-fields-save').click()
  await expect(fields.getByText('立案日期不能晚于今天')).toBeVisible()
  await fields.getByTestId('transfer-filed-on').fill('2021-06-01')
  await fields.getByTestId('transfer-fields-save').click()
  await expect(page.getByText('已保存，并记入监管链记录。').first()).toBeVisible()

  const attachments = page.getByTestId('transfer-attachments')
  await chooseOption(page, attachments.locator('.ant-select').first(), '行政处罚决定书')
  await attachments.getByTestId('attachment-title').fill('行政处罚决定书（榕环罚〔2024〕017号）')
  await attachments.getByTestId('attachment-pages').fill('0')
  await attachments.getByTestId('attachment-add').click()
  await expect(attachments.getByText('页数至少为 1')).toBeVisible()
  await attachments.getByTestId('attachment-pages').fill('4')
  await attachments.getByTestId('attachment-add').click()
  await expect(attachments.locator('.ant-table-row')).toHaveCount(1)

  const seized = page.getByTestId('transfer-seized')
  await seized.getByTestId('seized-name').fill('旁路软管')
  await seized.getByTestId('seized-quantity').fill('1')
  await seized.getByTestId('seized-unit').fill('根')
  await seized.getByTestId('seized-place').fill('福州市生态环境局证物室')
  await seized.getByTestId('seized-decision').fill('榕环封字〔2024〕3号')
  await seized.getByTestId('seized-add').click()
  await expect(seized.locator('.ant-table-row')).toHaveCount(1)

  const batch = page.getByTestId('transfer-batches')
  await batch.getByTestId('batch-place').fill('福州某化工有限公司中控室')
  await batch.getByTestId('batch-medium').fill('执法记录仪 DSJ-A8-00123 内置存储卡')
  await batch.getByTestId('batch-not-seized-reason').fill('执法装备，非涉案物品；数据已完整复制')
  await batch.getByTestId('batch-witness').fill('孙七（企业环保专员）')
  await batch.getByTestId('batch-save').click()
  await expect(batch.getByTestId('batch-witness')).toHaveValue('孙七（企业环保专员）')
  await page.getByTestId('screen-transfer').evaluate((el) => el.scrollTo(0, 0))
  await shot(page, 'transfer-details.png')

  const { events } = await desk.call<{ events: CustodyEvent[] }>('custody:list', { offset: 0, limit: 1000 })
  const actions = events.map((e) => e.action)
  for (const a of [
    'law-choice-recorded',
    'transfer-fields-edited',
    'attachment-added',
    'seized-item-added',
    'extraction-batch-edited',
  ])
    expect(actions, a).toContain(a)
  // the refused input left no trace
  expect(actions.filter((a) => a === 'transfer-fields-edited')).toHaveLength(1)
  expect(actions.filter((a) => a === 'attachment-added')).toHaveLength(1)

  // ── the documents, now complete ──
  await page.getByRole('tab', { name: '移送文书' }).click()
  await expect(page.getByTestId('transfer-doc-seized-items-list')).toContainText('涉案物品清单')
  for (const kind of ['transfer-letter', 'detention-letter', 'extraction-record'])
    await expect(page.getByTestId(`transfer-doc-${kind}`)).toContainText('可移送')
  expect(desk.pageProblems).toEqual([])

  const preview = page.frameLocator('[data-testid="transfer-preview"]')
  await page.getByTestId('transfer-doc-detention-letter').click()
  await expect(preview.locator('h1')).toHaveText('涉嫌环境违法适用行政拘留处罚案件移送书')
  await expect(preview.locator('body')).toContainText('公治〔2014〕853号')
  await expect(preview.locator('body')).toContainText('320102199003071239')
  await page.getByTestId('transfer-doc-transfer-letter').click()
  await expect(preview.locator('h1')).toHaveText('涉嫌犯罪案件移送书')
  await expect(preview.locator('body')).toContainText('涉嫌罪名：污染环境罪')
  await expect(preview.locator('body')).toContainText('（法释〔2016〕29号）第一条第（七）项')

  // the officer names the receiving police authority; the preview shows it, the log records it
  await page.getByLabel('受移送机关').fill('福州市公安局马尾分局')
  await page.getByTestId('transfer-save').click()
  await expect(preview.locator('.addressee')).toHaveText('福州市公安局马尾分局：')
  await page.getByTestId('screen-transfer').evaluate((el) => el.scrollTo(0, 0))
  await shot(page, 'transfer-documents.png')

  // the PDF: the other documents are printed first so the 附件 list counts their pages
  await page.getByTestId('transfer-pdf-button').click()
  const done = page.getByTestId('transfer-pdf-done')
  await expect(done).toBeVisible({ timeout: 180_000 })
  const pdfPath = join(desk.workDir, 'case', 'documents', '02_涉嫌犯罪案件移送书.pdf')
  await expect(done).toContainText(pdfPath)
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
  expect(text).toContain('福州市公安局马尾分局')
  expect(text).not.toContain('草稿')
  expect(text.replace(/\s+/g, '')).toMatch(/调查报告1份\d+页/)
  expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).not.toMatch(/Type 3/)
  await shot(page, 'transfer-documents-pdf-done.png')

  mkdirSync(SCREENS_DIR, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(SCREENS_DIR, 'transfer-letter-pdf')])
  expect(existsSync(join(SCREENS_DIR, 'transfer-letter-pdf-1.png'))).toBe(true)

  // the electronic data list shows each item's full SHA-256 and never a path of this machine
  await page.getByTestId('transfer-doc-electronic-data-list').click()
  await expect(preview.locator('h1')).toHaveText('电子数据清单')
  for (const item of items) await expect(preview.locator('td.hash', { hasText: item.sha256 })).toHaveCount(1)
  await expect(preview.locator('body')).not.toContainText(desk.workDir)
  expect(desk.sandboxProbes.length).toBeGreaterThan(0)
})
