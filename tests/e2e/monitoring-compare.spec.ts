/**
 * The tamper comparison (数据比对) as an officer makes it: open the DCS export, compare it with
 * the platform's copy (three hours lowered, one flagged, one missing) over 5 mg/m³ with a reason,
 * land on the new derived item, read the one window in words and cite it.
 */
import { join } from 'node:path'
import type { Annotation, EvidenceItem } from '../../src/shared/types'
import { DCS_FILE, writeComparisonPair } from '../support/comparison-csv'
import { CHINESE, OFFICER, caseFields, expect, interfaceText, shot, test, toastsGone } from './support/desk'
import { openFromLibrary } from './support/open-item'

test('compare two exports, see the lowered hours as one window, and cite it', async ({ page, desk }) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: writeComparisonPair(desk.workDir) })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {
    sort: 'number',
    order: 'asc',
  })
  const [dcs, platform] = [DCS_FILE, '平台-SO2-20210524.csv'].map((n) =>
    items.find((i) => i.originalName === n)!,
  )

  await desk.open()
  await openFromLibrary(page, DCS_FILE)
  const modal = page.getByTestId('item-viewer')
  const viewer = modal.getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  await viewer.getByTestId('compare-open').click()

  const form = page.getByTestId('compare-form')
  await expect(form.getByTestId('compare-item-b')).toContainText(platform.number)
  await expect(form.getByTestId('compare-series-b')).toContainText('SO2 折算浓度小时均值')
  await form.getByRole('spinbutton', { name: '阈值' }).fill('5')
  await form.getByTestId('compare-reason').fill('核对平台上传数据与现场 DCS 记录')
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-compare-form.png')
  await form.getByTestId('compare-submit').click()
  await expect(form).toBeHidden()

  // the viewer now shows the derived comparison item
  const compared = modal.locator('[data-testid=monitoring-viewer][data-comparison=true]')
  await expect(compared).toBeVisible()
  await expect(compared.getByTestId('comparison-chart')).toHaveAttribute('data-points', '24')
  const windows = compared.getByTestId('comparison-window')
  await expect(windows).toHaveCount(1)
  await expect(windows.first()).toContainText(
    `2021-05-24 02:00–05:00（共 3 小时，3 个时段），${dcs.number} 与 ${platform.number} 的 SO2 折算浓度小时均值每个时段相差均超过设定阈值 5 mg/m³；相差最大的是 2021-05-24 04:00：${dcs.number} 记录 65.1 mg/m³，${platform.number} 记录 31.1 mg/m³，相差 34 mg/m³。`,
  )
  await expect(compared.getByTestId('comparison-facts')).toContainText(
    'B 中1 个时段缺失、1 个标记为 D（故障）',
  )
  await expect(compared.getByTestId('comparison-sha-a')).toContainText(dcs.sha256)
  await expect(compared.getByTestId('comparison-sha-b')).toContainText(platform.sha256)

  await windows.first().getByRole('button').click()
  const rangeForm = compared.getByTestId('range-form')
  await expect(rangeForm.getByTestId('pending-range')).toContainText(
    '2021-05-24 02:00:00 +08:00 — 2021-05-24 05:00:00 +08:00',
  )
  await rangeForm.getByLabel('说明（可选）').fill('平台数据比 DCS 低 30 mg/m³ 以上')
  await rangeForm.getByTestId('save-range').click()
  await expect(rangeForm).toBeHidden()
  await expect(compared.getByTestId('range-row')).toHaveCount(1)

  const { items: after } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {
    sort: 'number',
    order: 'asc',
  })
  const derived = after.find((i) => i.derivedFrom?.operation === 'compare')!
  const cited = await desk.call<Annotation[]>('annotation:list', { itemId: derived.id })
  expect(cited).toMatchObject([
    {
      type: 'data-range',
      anchor: { pollutant: 'SO2', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T05:00:00+08:00' },
      note: '平台数据比 DCS 低 30 mg/m³ 以上',
    },
  ])
  // the difference is cited under a key without words; the list names it in the screen's language
  expect(cited[0].anchor).toMatchObject({ outlet: `A−B ${dcs.number}−${platform.number}` })
  await expect(compared.getByTestId('range-row').locator('strong')).toHaveText(
    `差值 A−B ${dcs.number}−${platform.number} SO2`,
  )
  await page.mouse.move(5, 5)
  await toastsGone(page)
  await shot(page, 'monitoring-compare.png')

  // in English: the same range named in English, no Chinese in the cited ranges
  await modal.locator('.ant-modal-close').click()
  await expect(modal).toBeHidden()
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('evidence-tile').filter({ hasText: derived.originalName }).click()
  await page.getByTestId('details-panel').getByTestId('open-viewer').click()
  const en = page.getByTestId('item-viewer').locator('[data-testid=monitoring-viewer][data-comparison=true]')
  await expect(en.getByTestId('range-row').locator('strong')).toHaveText(
    `Difference A−B ${dcs.number}−${platform.number} SO2`,
  )
  expect(await interfaceText(page, '[data-testid=range-list]')).not.toMatch(CHINESE)
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-compare-en.png')
})
