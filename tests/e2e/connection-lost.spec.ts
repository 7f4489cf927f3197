/**
 * Browser mode: when the server behind the page stops, the page says the connection was lost and
 * how to get it back, not that a file could not be written.
 */
import { OFFICER, caseFields, expect, test } from './support/desk'
import { join } from 'node:path'

test.use({ printer: false })

test('the page says the connection was lost when the server stops', async ({ page, desk }) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.open()
  await page.getByTestId('side-nav').getByText('监管链记录', { exact: true }).click()
  await expect(page.getByTestId('custody-table')).toContainText('建立案件')

  // the browser's own console lines about refused requests are the expected symptom here, and
  // the event stream's retries may log them until the page closes
  desk.expectProblems(/ERR_CONNECTION|Failed to load|net::/)
  await desk.server.close()
  await page.getByRole('button', { name: /刷\s?新/ }).click()
  const alert = page.locator('.ant-alert-error')
  await expect(alert).toContainText('与证据工作台服务的连接已断开')
  await expect(alert).toContainText('npm run serve')
  await expect(alert).not.toContainText('磁盘空间')
})
