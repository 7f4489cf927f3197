/**
 * The monitoring chart as an officer uses it: open a CEMS export, see that nothing can be judged
 * without a limit, set the limit with a reason, read the 超标 facts in words (the ground-truth
 * example: SO2 02:00–04:00, max 72.852, 2.08× the limit, 超标倍数 1.08; 05:00 equal to the limit
 * is not an exceedance), and cite a dragged 数据区间.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Annotation, EvidenceItem, MonitoringView } from '../../src/shared/types'
import { makeCemsCsv } from '../support/media'
import {
  CHINESE,
  OFFICER,
  caseFields,
  chooseOption,
  expect,
  interfaceText,
  shot,
  test,
  toastsGone,
} from './support/desk'
import { openFromLibrary } from './support/open-item'

async function openViewer(page: Page, fileName: string) {
  await openFromLibrary(page, fileName)
  return page.getByTestId('item-viewer')
}

test('limit, exceedance facts in words, and a dragged data range cited', async ({ page, desk }) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [makeCemsCsv(desk.workDir)] })
  await desk.backend.idle()
  const {
    items: [item],
  } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  expect(item.kind).toBe('monitoring')

  await desk.open()
  const modal = await openViewer(page, 'CEMS-1号排放口-20210524.csv')
  const viewer = modal.getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  await expect(viewer.getByTestId('monitoring-chart')).toHaveAttribute('data-points', '8')

  // no limit: nothing can be judged, and the facts say so
  const facts = viewer.getByTestId('exceedance-fact')
  await expect(facts).toHaveCount(1)
  await expect(facts.first()).toContainText('未设定 SO2 实测浓度小时均值的排放限值')
  // only 实测 in the file: the viewer says the limit is compared with 实测
  await expect(viewer.getByTestId('monitoring-note').first()).toContainText(
    '文件中只有 SO2 实测浓度，没有折算浓度',
  )
  await expect(viewer.getByTestId('current-limit')).toHaveText('未设定')

  // set 35 with a reason
  const panel = viewer.getByTestId('limit-panel')
  await panel.getByLabel('限值', { exact: true }).fill('35')
  await panel.getByLabel('设定或更正的原因').fill('排污许可证核定的二氧化硫排放浓度限值')
  await panel.getByTestId('save-limit').click()
  await expect(viewer.getByTestId('current-limit')).toHaveText('35 mg/m³')
  await expect(facts).toHaveCount(1) // 05:00 equals the limit: not an exceedance
  await expect(facts.first()).toContainText(
    '2021-05-24 02:00–04:00，SO2 实测浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )
  const history = panel.getByTestId('limit-history-row')
  await expect(history).toHaveCount(1)
  await expect(history).toContainText('35 mg/m³ · 张三')
  await expect(history).toContainText('排污许可证核定的二氧化硫排放浓度限值')
  const mv = await desk.call<MonitoringView>('monitoring:get', { itemId: item.id })
  expect(mv.limitHistory).toMatchObject([{ pollutant: 'SO2', limit: 35, setBy: { name: OFFICER.name } }])

  // drag from 01:00 to 04:00 across the chart
  const chart = viewer.getByTestId('monitoring-chart')
  const box = (await chart.boundingBox())!
  const x0 = Number(await chart.getAttribute('data-x-first'))
  const x1 = Number(await chart.getAttribute('data-x-last'))
  const hour = (x1 - x0) / 7
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + x0 + hour * 1, y)
  await page.mouse.down()
  await page.mouse.move(box.x + x0 + hour * 2.5, y, { steps: 5 })
  await page.mouse.move(box.x + x0 + hour * 4, y, { steps: 5 })
  await page.mouse.up()
  const form = viewer.getByTestId('range-form')
  await expect(form.getByTestId('pending-range')).toHaveText(
    'SO2 · 2021-05-24 01:00:00 +08:00 — 2021-05-24 04:00:00 +08:00',
  )
  await form.getByLabel('说明（可选）').fill('循环泵停运期间二氧化硫浓度')
  await form.getByTestId('save-range').click()
  await expect(form).toBeHidden()
  const rows = viewer.getByTestId('range-row')
  await expect(rows).toHaveCount(1)
  await expect(rows).toContainText('循环泵停运期间二氧化硫浓度')

  const ranges = await desk.call<Annotation[]>('annotation:list', { itemId: item.id })
  expect(ranges).toHaveLength(1)
  expect(ranges[0]).toMatchObject({
    type: 'data-range',
    anchor: { pollutant: 'SO2', start: '2021-05-24T01:00:00+08:00', end: '2021-05-24T04:00:00+08:00' },
    note: '循环泵停运期间二氧化硫浓度',
  })

  await page.mouse.move(5, 5)
  await toastsGone(page)
  await shot(page, 'monitoring-chart.png')

  // English: the same facts in the English style, and no Chinese left in them
  await modal.locator('.ant-modal-close').click()
  await expect(modal).toBeHidden()
  // the details panel says what the viewer says about the officer's limit
  await expect(page.getByTestId('details-panel').getByTestId('exceedance')).toHaveText(
    '2021-05-24 02:00–04:00，SO2 实测浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('details-panel').getByTestId('open-viewer').click()
  const en = page.getByTestId('item-viewer').getByTestId('monitoring-viewer')
  await expect(en).toHaveAttribute('data-state', 'ready')
  await expect(en.getByTestId('exceedance-fact')).toHaveText(
    '2021-05-24 02:00–04:00: the SO2 measured concentration (hourly mean) was above 35 mg/m³ for 2 h, at most 72.852 mg/m³, 2.08 times the limit (1.08 times over it).Cite this range',
  )
  expect(await interfaceText(page, '[data-testid=exceedance-facts]')).not.toMatch(CHINESE)
  expect(await interfaceText(page, '[data-testid=limit-panel]')).not.toMatch(CHINESE)
})

test('标干 + 折算 with flagged hours: judged on 折算, flagged values drawn apart and named, basis chosen with a reason', async ({
  page,
  desk,
}) => {
  const path = join(desk.workDir, 'CEMS-2号排放口-标干折算.csv')
  const rows = ['监测时间,SO2标干浓度(mg/m3),SO2折算浓度(mg/m3),SO2数据标记,标准限值(mg/m3)']
  const converted = [20, 22, 72.852, 60.1, 90, 91, 88, 25]
  const flags = ['N', 'N', 'N', 'N', 'D', 'D', 'D', 'N']
  converted.forEach((v, h) => rows.push(`2021-05-24 0${h}:00,${v - 5},${v},${flags[h]},`))
  rows.splice(1, 0, '标准限值,,35,,')
  writeFileSync(path, rows.join('\r\n') + '\r\n')
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [path] })
  await desk.backend.idle()

  await desk.open()
  const modal = await openViewer(page, 'CEMS-2号排放口-标干折算.csv')
  const viewer = modal.getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  await expect(viewer.getByTestId('pollutant-select')).toContainText('SO2 折算浓度小时均值')
  await expect(viewer.getByTestId('monitoring-chart')).toHaveAttribute('data-flagged', '3')
  const facts = viewer.getByTestId('exceedance-fact')
  await expect(facts).toHaveCount(1)
  await expect(facts.first()).toContainText(
    '2021-05-24 02:00–04:00，SO2 折算浓度小时均值超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )
  await expect(viewer.getByTestId('exceedance-facts')).toContainText(
    '其中 3 个小时数据标记为 D（故障），未计入。',
  )
  await expect(viewer.getByTestId('current-basis')).toHaveText('折算浓度')
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-basis-flags.png')

  const panel = viewer.getByTestId('basis-panel')
  // exactly: another option reads 无（只有标干浓度）
  await chooseOption(page, panel.getByTestId('basis-select'), /^标干浓度$/)
  await panel.getByLabel('设定浓度基准的原因').fill('核对用：按标干浓度查看')
  await panel.getByTestId('save-basis').click()
  await expect(viewer.getByTestId('current-basis')).toHaveText('标干浓度')
  await expect(panel.getByTestId('basis-history')).toContainText('核对用：按标干浓度查看')
})

test('a long series is drawn thinned, says so, and still shows each exceedance above the limit line', async ({
  page,
  desk,
}) => {
  // 12,000 hours of SO2 折算 under a 35 limit, with three hours over it; small enough to read in the page's time
  const path = join(desk.workDir, 'CEMS-3号排放口-一年多小时数据.csv')
  const rows = ['监测时间,SO2折算浓度(mg/m3),SO2数据标记,标准限值(mg/m3)', '标准限值,35,,']
  const start = Date.UTC(2020, 0, 1)
  for (let h = 0; h < 12_000; h++) {
    const stamp = new Date(start + h * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    const v = h === 2_000 || h === 7_000 || h === 7_001 ? 72.852 : 20 + 8 * Math.sin(h / 9)
    rows.push(`${stamp},${v.toFixed(3)},${h % 1_500 === 700 ? 'D' : 'N'},`)
  }
  writeFileSync(path, rows.join('\n') + '\n')
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [path] })
  await desk.backend.idle()

  await desk.open()
  const modal = await openViewer(page, 'CEMS-3号排放口-一年多小时数据.csv')
  const viewer = modal.getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  const chart = viewer.getByTestId('monitoring-chart')
  const drawn = Number(await chart.getAttribute('data-points'))
  expect(drawn).toBeGreaterThan(1000)
  expect(drawn).toBeLessThan(5000)
  await expect(viewer.getByTestId('monitoring-thinned')).toContainText(`本序列共 12000 个数据点`)
  await expect(viewer.getByTestId('monitoring-thinned')).toContainText(`（${drawn} 个点）`)
  // the figures use every hour: two windows, the second two hours long
  const facts = viewer.getByTestId('exceedance-fact')
  await expect(facts).toHaveCount(2)
  await expect(facts.nth(1)).toContainText('共 2 小时，最大值 72.852 mg/m³')
  await expect(chart).toHaveAttribute('data-flagged', '8')
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-thinned.png')
})
