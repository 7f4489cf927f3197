/**
 * The custody record as a legal reviewer reads it: every event a sentence in the UI language
 * (a cited time range as absolute time in the case zone with the device, a changed field as
 * "案由：旧 → 新"), no raw action key and no JSON outside the "技术详情" toggle, on the 监管链记录
 * screen, in the details panel and in the package's report/index.html.
 */
import { mkdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { JobProgress } from '../../src/shared/jobs'
import { CUSTODY_ACTIONS } from '../../src/shared/custody-labels'
import { CHINESE, expect, interfaceText, shot, test } from './support/desk'
import { PHRASE, VIDEO, recordedCase } from './support/recorded-case'

/** An action key as a word of its own (not inside a longer word or a file name). */
const RAW_ACTION = new RegExp(`(^|[^\\w-])(${CUSTODY_ACTIONS.join('|')})(?![\\w-])`)
/** In English, one-word keys ("imported", "viewed") are also plain words: only the hyphenated keys give one away. */
const RAW_ACTION_EN = new RegExp(
  `(^|[^\\w-])(${CUSTODY_ACTIONS.filter((a) => a.includes('-')).join('|')})(?![\\w-])`,
)
/** What JSON looks like in a sentence. */
const JSON_TEXT = /[{}]|"\w+"\s*:/

test('the custody record in words: screen, details panel and the package report', async ({ page, desk }) => {
  test.setTimeout(240_000)
  const byName = await recordedCase(desk)
  await desk.open()

  await page.getByTestId('side-nav').getByText('监管链记录', { exact: true }).click()
  const table = page.getByTestId('custody-table')
  await expect(table).toContainText('设定排放限值')
  const details = table.getByTestId('custody-details')
  // the case zone is Asia/Shanghai: the clip starts 04:03:12 +08:00, the range 1.8–6.2 s into it
  await expect(details.filter({ hasText: '片段' }).first()).toContainText(
    '2021-05-24 04:03:13.8–04:03:18.2 +08:00',
  )
  await expect(details.filter({ hasText: '区域' })).toContainText('左上角 (120, 80)，宽 300 × 高 130 像素')
  // the phrase is in the record's second answer
  // (cited, then linked to the violation: both sentences name the turn)
  await expect(details.filter({ hasText: '摘录' })).toHaveCount(2)
  for (const sentence of await details.filter({ hasText: '摘录' }).all())
    await expect(sentence).toContainText(`第 2 问答：“${PHRASE}”`)
  await expect(details.filter({ hasText: '数据区间' })).toContainText('SO2 2021年5月24日2时–4时（UTC+08:00）')
  await expect(details.filter({ hasText: '案由' })).toContainText('案由：')
  await expect(details.filter({ hasText: '案由' })).toContainText(' → 通过篡改监测数据逃避监管排放大气污染物')
  await expect(details.filter({ hasText: '排放限值' })).toContainText(
    'SO2 排放限值设为 35（原因：排污许可证载明的限值）',
  )

  // no raw action key and no JSON anywhere on the screen while the technical details are closed
  const screenText = await page.getByTestId('screen-custody').innerText()
  expect(screenText).not.toMatch(RAW_ACTION)
  expect(screenText).not.toMatch(JSON_TEXT)

  // the raw record is one toggle away, in the expanded row
  const limitRow = table.locator('tbody tr.ant-table-row').filter({ hasText: '设定排放限值' })
  await limitRow.getByRole('button').first().click()
  const toggle = table.getByTestId('technical-toggle')
  await expect(toggle).toHaveText('显示技术详情')
  await expect(table.getByTestId('technical-details')).toHaveCount(0)
  await toggle.click()
  await expect(table.getByTestId('technical-details')).toContainText('"limit": 35')
  await shot(page, 'custody-log-words.png')

  // the details panel says the same, with the same toggle
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  await page.getByTestId('evidence-tile').filter({ hasText: VIDEO }).click()
  const panel = page.getByTestId('details-panel')
  await expect(panel.getByTestId('item-custody-details').filter({ hasText: '片段' }).first()).toContainText(
    '04:03:13.8–04:03:18.2 +08:00',
  )
  const panelText = await panel.getByTestId('item-custody').innerText()
  expect(panelText).not.toMatch(RAW_ACTION)
  expect(panelText).not.toMatch(JSON_TEXT)
  await shot(page, 'details-custody-words.png')

  // the violations screen's link list words the quote the same way
  await page.getByTestId('side-nav').getByText('违法事实', { exact: true }).click()
  await expect(
    page.getByTestId('link-row').filter({ hasText: '当事人陈述' }).getByTestId('link-anchor'),
  ).toContainText(`第 2 问答：“${PHRASE}”`)

  // English: the same sentences in English, no Chinese interface word
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await page.getByTestId('side-nav').getByText('Custody log', { exact: true }).click()
  await expect(table).toContainText('Emission limit set')
  await expect(table.getByTestId('custody-details').filter({ hasText: 'Cause of action' })).toContainText(
    'Cause of action: ',
  )
  expect(await interfaceText(page, '[data-testid=screen-custody]')).not.toMatch(CHINESE)
  const screenEn = await page.getByTestId('screen-custody').innerText()
  expect(screenEn).not.toMatch(RAW_ACTION_EN)
  expect(screenEn).not.toMatch(JSON_TEXT)
  await shot(page, 'custody-log-words-en.png')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: '简体中文' }).click()

  // the package's report/index.html: the same sentences, no key, no JSON
  const out = join(desk.workDir, 'out')
  mkdirSync(out)
  const zip = join(out, '证据包.zip')
  const { taskId } = await desk.call<{ taskId: string }>('export:start', { target: zip })
  await desk.backend.idle()
  const jobs = await desk.call<JobProgress[]>('job:list')
  expect(jobs.find((j) => j.taskId === taskId)?.state).toBe('done')
  // read by Info-ZIP, not our code
  const html = execFileSync('unzip', ['-p', zip, '*/data/report/index.html']).toString('utf8')
  // the violation's quote names its 问答 turn there too
  expect(html.slice(0, html.indexOf('<h2>监管链记录</h2>'))).toContain(`摘录 第 2 问答：“${PHRASE}”`)
  const custody = html.slice(html.indexOf('<h2>监管链记录</h2>'))
  const text = custody.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ')
  expect(text).toContain('设定排放限值')
  expect(text).toContain('SO2 排放限值设为 35')
  expect(text).toContain('2021-05-24 04:03:13.8–04:03:18.2 +08:00')
  expect(text).not.toMatch(RAW_ACTION)
  expect(text).not.toMatch(JSON_TEXT)
  expect(byName.size).toBe(4)
})
