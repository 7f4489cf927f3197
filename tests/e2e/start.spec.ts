import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { OFFICER, shot, caseFields, expect, test } from './support/desk'

test('start screen: recent cases, a missing folder greyed and forgettable, review waiting for export', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  const kept = join(desk.workDir, 'case-kept')
  const gone = join(desk.workDir, 'case-gone')
  await desk.call('case:create', {
    dir: gone,
    fields: caseFields({ number: '榕环罚〔2023〕088号', title: '某印染厂私设暗管排放废水案' }),
  })
  await desk.call('case:close')
  await desk.call('case:create', { dir: kept, fields: caseFields() })
  await desk.call('case:close')
  rmSync(gone, { recursive: true, force: true })

  await desk.open()
  const rows = page.getByTestId('recent-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-exists', 'true')
  await expect(rows.nth(0)).toContainText(/上次打开 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}/)
  const missing = rows.filter({ hasText: '某印染厂' })
  await expect(missing).toHaveAttribute('data-exists', 'false')
  await expect(missing).toContainText('文件夹已不存在')

  // reviewing a package is offered (tests/e2e/review.spec.ts follows it through)
  await expect(page.getByTestId('open-package')).toBeEnabled()

  await shot(page, 'start.png')

  await missing.getByRole('button', { name: '从列表中移除' }).click()
  await expect(rows).toHaveCount(1)
  expect((await desk.call<unknown[]>('recent:list')).length).toBe(1)
})

test('open a case with the in-app folder browser; a folder that is not a case is explained', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  const dir = join(desk.workDir, 'case-c')
  await desk.call('case:create', { dir, fields: caseFields() })
  await desk.call('case:close')
  mkdirSync(join(desk.workDir, 'plain-folder'))
  // a fresh recent list, so opening goes through the browser
  await desk.call('recent:forget', { dir })

  await desk.open()
  await page.getByTestId('open-case').click()
  const picker = page.getByRole('dialog')
  await picker.getByLabel('文件夹路径').fill(desk.workDir)
  await picker
    .getByRole('button', { name: '前 往' })
    .or(picker.getByRole('button', { name: '前往' }))
    .click()
  const caseRow = picker.getByTestId('folder-row').filter({ hasText: 'case-c' })
  await expect(caseRow).toContainText('案件')
  await expect(picker.getByTestId('folder-row').filter({ hasText: 'plain-folder' })).not.toContainText('案件')

  // a plain folder: the error names the problem, with the technical detail under 详情
  await picker.getByTestId('folder-row').filter({ hasText: 'plain-folder' }).click()
  await picker.getByRole('button', { name: '选择当前文件夹' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('找不到案件')
  await expect(alert).toContainText(join(desk.workDir, 'plain-folder')) // the folder involved is named
  await alert.getByText('详情').click()
  await expect(alert).toContainText('not a case folder')

  await page.getByTestId('open-case').click()
  await picker.getByLabel('文件夹路径').fill(desk.workDir)
  await picker.getByLabel('文件夹路径').press('Enter')
  await caseRow.getByRole('button', { name: '打开此案件' }).click()
  await expect(page.getByTestId('case-number')).toHaveText(caseFields().number)
})

test('every screen is built: none says 尚未提供', async ({ page, desk }) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case-d'), fields: caseFields() })
  await desk.open()
  // the transfer screen was the last placeholder: a case without violations lists the two documents every
  // transfer needs (the letters come once a violation cites a transfer ground)
  await page.getByRole('menuitem', { name: '移送材料' }).click()
  const docs = page.getByTestId('transfer-documents').locator('.transfer-doc')
  await expect(docs).toHaveCount(2)
  await expect(docs.nth(0)).toContainText('调查报告')
  await expect(docs.nth(1)).toContainText('证据清单')
  for (const menu of ['违法事实', '移送材料', '导出']) {
    await page.getByRole('menuitem', { name: menu }).click()
    await expect(page.locator('.case-content')).toBeVisible()
    await expect(page.locator('.case-content')).not.toContainText('尚未提供')
  }
})
