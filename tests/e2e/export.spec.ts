/**
 * Exporting the signed package as an officer does it: the checks name what is missing, the
 * officer fixes it and checks again, chooses where the ZIP goes, sees who signs with which key,
 * exports, and reads the path and SHA-256 of the result. The key card hands out the public key;
 * a reviewer's trusted keys are added and removed there too.
 */
import { createHash, generateKeyPairSync } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EvidenceItem } from '../../src/shared/types'
import type { OfficerKeyInfo } from '../../src/shared/package-types'
import type { Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, expect, shot, test } from './support/desk'

const group = (fp: string) => fp.replace(/(.{4})(?=.)/g, '$1 ')

// The package's PDFs are checked by the transfer-documents and review specs and the CLI export test;
// here the export writes the documents as HTML only, which keeps this spec quick.
test.use({ printer: false })

test('export: blockers first, then a signed ZIP with its path and SHA-256; keys to share and trust', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000)
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', {
    paths: [
      makeBodycamMp4(desk.workDir),
      await makeDroneJpeg(desk.workDir),
      makeTranscriptGb18030(desk.workDir),
      makeCemsCsv(desk.workDir),
    ],
  })
  await desk.backend.idle()
  const violation = await desk.call<Violation>('violation:save', {
    title: '通过暗管排放水污染物',
    facts: '当事人通过厂区东侧暗管向外环境排放生产废水。',
    occurredFrom: null,
    occurredTo: null,
    place: '厂区东侧排口',
    basis: ['water-39'],
    status: 'confirmed',
  })
  const out = join(desk.workDir, 'out')
  mkdirSync(out)

  await desk.open()
  await page.getByRole('menuitem', { name: '导出' }).click()

  // a confirmed violation without evidence blocks the export, by name
  await expect(page.getByTestId('export-blocker')).toContainText('违法事实缺少证据')
  await expect(page.getByTestId('export-blocker')).toContainText('V1')
  await expect(page.getByTestId('export-start')).toBeDisabled()

  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  await desk.call('violation:link', {
    violationId: violation.id,
    itemId: items[0].id,
    note: '现场拍摄排放过程',
  })
  await page.getByRole('button', { name: '重新检查' }).click()
  await expect(page.getByTestId('export-ready')).toBeVisible()

  // the signer, with the fingerprint in groups of four
  const key = await desk.call<OfficerKeyInfo>('key:get')
  await expect(page.getByTestId('signer-fingerprint')).toHaveText(group(key.fingerprint))
  await expect(page.getByTestId('my-fingerprint')).toHaveText(group(key.fingerprint))
  await expect(page.getByTestId('signing-key')).toContainText('仅本人可读')

  // where: a folder, chosen in the in-app browser
  await page.getByRole('button', { name: '浏览…' }).click()
  const picker = page.getByRole('dialog', { name: '选择证据包的保存位置' })
  await picker.getByLabel('文件夹路径').fill(out)
  await picker.getByLabel('文件夹路径').press('Enter')
  await expect(picker.locator('.folder-path-box input')).toHaveValue(out)
  await picker.getByRole('button', { name: '保存到当前文件夹' }).click()
  await expect(page.getByLabel('保存到文件夹')).toHaveValue(out)
  await expect(page.getByTestId('export-result-path')).toContainText(join(out, '榕环罚〔2024〕017号_'))

  // a reviewer's key, trusted and then removed
  const reviewerPem = generateKeyPairSync('ed25519')
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString()
  await page.getByLabel('名称', { exact: true }).fill('王审查（市公安局）')
  await page.getByLabel('对方的公钥（PEM）').fill(reviewerPem)
  await page.getByRole('button', { name: '添加受信任的公钥' }).click()
  await expect(page.getByTestId('trusted-key')).toContainText('王审查（市公安局）')

  await page.getByTestId('export-start').click()
  const done = page.getByTestId('export-done')
  await expect(done).toBeVisible({ timeout: 240_000 })
  const path = (await page.getByTestId('export-done-path').textContent())!.trim()
  expect(path).toMatch(/榕环罚〔2024〕017号_\d{8}\.zip$/)
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex')
  await expect(page.getByTestId('export-done-sha256')).toHaveText(sha)
  await expect(done).toContainText(group(key.fingerprint))
  await page.mouse.move(0, 0)
  // the page scrolled to the progress card while exporting; the screenshot shows it from the top
  await page.locator('.case-content').evaluate((el) => el.scrollTo(0, 0))
  await shot(page, 'export.png')

  // the export is on record
  await page.getByRole('menuitem', { name: '监管链记录' }).click()
  await expect(page.getByRole('cell', { name: '导出证据包' })).toBeVisible()

  await page.getByRole('menuitem', { name: '导出' }).click()
  await page
    .getByTestId('trusted-key')
    .getByRole('button', { name: /移\s*除/ })
    .click()
  await page.getByRole('button', { name: /确\s*定|OK/ }).click()
  await expect(page.getByTestId('trusted-key')).toHaveCount(0)
  await expect(page.getByTestId('trusted-keys')).toContainText('还没有受信任的公钥')
})
