/**
 * A period sent twice with different values, as an officer meets it in a 篡改 case: the viewer
 * draws the first value apart, names the period with both values and lines, leaves it out of the
 * exceedances, and says so in both languages; the zone-less times are flagged above the chart.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHINESE, OFFICER, caseFields, expect, interfaceText, shot, test } from './support/desk'
import { openFromLibrary } from './support/open-item'

test('a period sent twice with different values: drawn apart, named with both lines, not counted; both languages', async ({
  page,
  desk,
}) => {
  const path = join(desk.workDir, 'CEMS-重复报送-20210524.csv')
  const rows = [
    '监测时间,SO2折算浓度(mg/m3),SO2标准限值(mg/m3)', // 1
    '2021-05-24 00:00,20,35', // 2
    '2021-05-24 01:00,40,35', // 3
    '2021-05-24 02:00,72.8,35', // 4
    '2021-05-24 03:00,50,35', // 5
    '2021-05-24 04:00,20,35', // 6
    '2021-05-24 05:00,28,35', // 7
    '2021-05-24 02:00,30.1,35', // 8: 02:00 sent again, lower
  ]
  writeFileSync(path, rows.join('\r\n') + '\r\n')
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [path] })
  await desk.backend.idle()
  await desk.open()
  await openFromLibrary(page, 'CEMS-重复报送-20210524.csv')
  const viewer = page.getByTestId('item-viewer').getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')

  const chart = viewer.getByTestId('monitoring-chart')
  await expect(chart).toHaveAttribute('data-points', '6')
  await expect(chart).toHaveAttribute('data-repeated', '1')
  // 01:00 and 03:00 exceed; 02:00 is in doubt, so they are two windows, not one
  await expect(viewer.getByTestId('exceedance-fact')).toHaveCount(2)
  await expect(viewer.getByTestId('exceedance-facts')).toContainText(
    '有 1 个时段的小时数据在同一时间报送了不同的数值（2021-05-24 02:00：第 4 行 72.8，第 8 行 30.1）。',
  )
  const row = viewer.getByTestId('repeat-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('2021-05-24 02:00:00 +08:00')
  await expect(row).toContainText('72.8 第 4 行')
  await expect(row).toContainText('30.1 第 8 行')
  await expect(viewer.getByTestId('time-warning')).toContainText('监测数据中的时间没有注明时区')
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-repeats.png')
  await viewer.getByTestId('repeat-list').scrollIntoViewIfNeeded()
  await shot(page, 'monitoring-repeats-list.png')

  await page.getByTestId('item-viewer').locator('.ant-modal-close').click()
  await expect(page.getByTestId('item-viewer')).toBeHidden()
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('details-panel').getByTestId('open-viewer').click()
  const en = page.getByTestId('item-viewer').getByTestId('monitoring-viewer')
  await expect(en).toHaveAttribute('data-state', 'ready')
  await expect(en.getByTestId('exceedance-facts')).toContainText(
    '1 hourly period(s) were sent with different values for the same time (2021-05-24 02:00: line 4 72.8, line 8 30.1).',
  )
  await expect(en.getByTestId('repeat-row')).toContainText('30.1 line 8')
  await expect(en.getByTestId('time-warning')).toContainText('carry no time zone')
  expect(await interfaceText(page, '[data-testid=exceedance-facts]')).not.toMatch(CHINESE)
  expect(await interfaceText(page, '[data-testid=repeat-list]')).not.toMatch(CHINESE)
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-repeats-en.png')
})
