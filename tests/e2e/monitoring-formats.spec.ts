/**
 * Monitoring data in the formats beside CSV, as an officer opens them: a data logger's HJ 212 log
 * (hourly and daily data as separate series, a flagged hour drawn apart) and an .xlsx workbook with
 * one sheet per outlet (series named by sheet).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import type { Page } from '@playwright/test'
import { dailyPacket, hourlyPacket } from '../support/hj212-log'
import { OFFICER, caseFields, chooseOption, expect, shot, test, type Desk } from './support/desk'
import { openFromLibrary } from './support/open-item'

async function importAndOpen(page: Page, desk: Desk, path: string, name: string) {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [path] })
  await desk.backend.idle()
  await desk.open()
  await openFromLibrary(page, name)
  const viewer = page.getByTestId('item-viewer').getByTestId('monitoring-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  return viewer
}

test('an HJ 212 log: hourly and daily data apart, the flagged hour drawn apart and named', async ({
  page,
  desk,
}) => {
  const path = join(desk.workDir, 'datalogger-88888880000001.log')
  const hours = ['25.0', '30.0', '40.5', '72.852', '80.0', '28.0']
  const lines = hours.map((v, h) => hourlyPacket(h, v, h === 4 ? 'D' : 'N'))
  lines.push(dailyPacket('33.1'))
  writeFileSync(path, lines.join('\r\n') + '\r\n')
  const viewer = await importAndOpen(page, desk, path, 'datalogger-88888880000001.log')
  await expect(viewer.getByTestId('pollutant-select')).toContainText('CN 2061 SO2 折算浓度小时均值')
  const chart = viewer.getByTestId('monitoring-chart')
  await expect(chart).toHaveAttribute('data-points', '6')
  await expect(chart).toHaveAttribute('data-flagged', '1')
  await expect(viewer.getByTestId('exceedance-facts')).toContainText(
    '其中 1 个小时数据标记为 D（故障），未计入。',
  )
  // DataTime has no zone: the viewer says it was read in the case zone, above the chart
  await expect(viewer.getByTestId('time-warning')).toContainText('现场当地时间，没有时区；已按案件时区理解')
  // 折算 has no ZsMin/ZsMax in these packets: no band around it
  await expect(chart).toHaveAttribute('data-band', '0')
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-hj212.png')

  // the 实测 hourly mean is drawn with the hour's Min and Max (a21026-Min/-Max) around it
  await chooseOption(page, viewer.getByTestId('pollutant-select'), 'CN 2061 SO2 实测浓度小时均值')
  await expect(viewer.getByTestId('pollutant-select')).toContainText('CN 2061 SO2 实测浓度小时均值')
  // six hours, each with its Min and Max
  await expect(chart).toHaveAttribute('data-band', '6')
  await expect(viewer.getByTestId('monitoring-band-note')).toContainText(
    '浅蓝色区域为每个时段的CN 2061 SO2 实测浓度小时最小值至CN 2061 SO2 实测浓度小时最大值',
  )
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-hj212-minmax.png')
  // the hour's maximum is its own series, shown and never judged against a limit
  await chooseOption(page, viewer.getByTestId('pollutant-select'), 'CN 2061 SO2 实测浓度小时最大值')
  await expect(viewer.getByTestId('exceedance-facts')).toContainText(
    'CN 2061 SO2 实测浓度小时最大值是时段内的最大值，只显示，不与浓度限值比较。',
  )
})

test('an .xlsx workbook with a sheet per outlet: each series named by its sheet', async ({ page, desk }) => {
  const wb = XLSX.utils.book_new()
  for (const [sheet, peak] of [
    ['1号排放口', 72.852],
    ['2号排放口', 20],
  ] as const) {
    const rows: unknown[][] = [['监测时间', 'SO2折算浓度(mg/m3)', 'SO2标准限值(mg/m3)']]
    for (let h = 0; h < 8; h++)
      rows.push([{ t: 'n', v: 44340 + h / 24, z: 'yyyy-mm-dd hh:mm' }, h === 2 ? peak : 20 + h, 35])
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet)
  }
  const path = join(desk.workDir, 'CEMS-全厂-20210524.xlsx')
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer)
  const viewer = await importAndOpen(page, desk, path, 'CEMS-全厂-20210524.xlsx')
  await expect(viewer.getByTestId('pollutant-select')).toContainText('1号排放口 SO2 折算浓度小时均值')
  const facts = viewer.getByTestId('exceedance-fact')
  await expect(facts).toHaveCount(1)
  await expect(facts.first()).toContainText(
    '2021-05-24 02:00–03:00，1号排放口 SO2 折算浓度小时均值超过 35 mg/m³ 共 1 小时，最大值 72.852 mg/m³，为限值的 2.08 倍（超标 1.08 倍）。',
  )
  // Excel dates carry no zone: read in the case zone and flagged where the item's time is shown
  await expect(viewer.getByTestId('time-warning')).toContainText(
    '监测数据中的时间没有注明时区，已按案件时区理解',
  )
  await page.mouse.move(5, 5)
  await shot(page, 'monitoring-xlsx.png')
})
