/**
 * Violations as an officer records them: write the violation with its time, place and legal
 * basis, link a video time range (from the video viewer), a transcript quote and a CEMS data range
 * (from the violations screen), each with what it proves; read the links with their anchors in
 * words; see the gaps in the evidence matrix; confirm; unlink one with a reason and see it kept,
 * greyed. English shows no Chinese interface words.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Annotation, CustodyEvent, EvidenceItem, TranscriptView } from '../../src/shared/types'
import type { LegalBasisEntry, Violation } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import {
  CHINESE,
  OFFICER,
  caseFields,
  chooseOption,
  confirmDialog,
  expect,
  interfaceText,
  shot,
  test,
  toastsGone,
  type Desk,
} from './support/desk'
import { openFromLibrary } from './support/open-item'

const VIDEO = '20210524_040312_DSJ-A8-00123.MP4'
const TRANSCRIPT = '询问笔录-赵六.txt'
const CEMS = 'CEMS-1号排放口-20210524.csv'
const PHOTO = 'DJI_0001.JPG'
const TITLE = '通过篡改监测数据逃避监管排放大气污染物'
const PHRASE = '2点左右脱硫塔循环泵故障停运'

interface Fixture {
  byName: Map<string, EvidenceItem>
  range: Annotation
  quote: Annotation
  dataRange: Annotation
}

/** A case with a body-cam clip, an interview record, a CEMS export and a drone photo, and one citation on each of the first three. */
async function caseWithCitations(desk: Desk): Promise<Fixture> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const paths = [
    makeBodycamMp4(desk.workDir, { durationSec: 8 }),
    makeTranscriptGb18030(desk.workDir),
    makeCemsCsv(desk.workDir),
    await makeDroneJpeg(desk.workDir),
  ]
  await desk.call('import:start', { paths })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const byName = new Map(items.map((i) => [i.originalName, i]))
  const transcript = byName.get(TRANSCRIPT)!
  const view = await desk.call<TranscriptView>('transcript:get', { itemId: transcript.id })
  const at = view.text.indexOf(PHRASE)
  expect(at).toBeGreaterThan(0)
  const range = await desk.call<Annotation>('annotation:add', {
    itemId: byName.get(VIDEO)!.id,
    type: 'time-range',
    anchor: { start: 1, end: 5.4 },
    note: '排气筒冒黄烟',
  })
  const quote = await desk.call<Annotation>('annotation:add', {
    itemId: transcript.id,
    type: 'quote',
    anchor: { start: at, end: at + PHRASE.length, text: PHRASE },
  })
  const dataRange = await desk.call<Annotation>('annotation:add', {
    itemId: byName.get(CEMS)!.id,
    type: 'data-range',
    anchor: {
      pollutant: 'SO2',
      basis: 'measured',
      start: '2021-05-24T01:00:00+08:00',
      end: '2021-05-24T04:00:00+08:00',
    },
  })
  return { byName, range, quote, dataRange }
}

/** Adds a legal basis in the editor's multiple select, found by its catalogue id. */
async function chooseBasis(page: Page, id: string) {
  await chooseOption(page, page.getByTestId('violation-basis'), '', {
    search: id,
    has: `[data-basis-id="${id}"]`,
    chosen: page.getByTestId('editor-basis-list').locator(`[data-basis-id="${id}"]`),
  })
  await page.keyboard.press('Escape')
}

test('a violation with three cited pieces of evidence, its matrix, confirm and unlink', async ({
  page,
  desk,
}) => {
  // four media files, their derived files and a long walk through the UI on a shared machine
  test.setTimeout(300_000)
  const fx = await caseWithCitations(desk)
  const legal = await desk.call<LegalBasisEntry[]>('legal:list')
  const air20 = legal.find((e) => e.id === 'air-20-2')!
  const air99 = legal.find((e) => e.id === 'air-99-3')!
  expect(air20.article).toBe('第二十条第二款')

  await desk.open()
  await page.getByRole('menuitem', { name: '违法事实' }).click()
  const screen = page.getByTestId('violations-screen')
  await expect(screen.getByTestId('violations-empty')).toContainText('还没有违法事实')

  // ── write the violation ──
  await screen.getByTestId('violation-add').click()
  const editor = page.getByTestId('violation-editor')
  await editor.getByLabel('标题').fill(TITLE)
  await editor
    .getByLabel('违法事实经过')
    .fill('2021年5月24日2时至4时，当事人脱硫设施循环泵停运期间，在线监测数据显示二氧化硫浓度持续超标。')
  await editor.getByLabel('发生时间（起）').fill('2021-05-24 2:00')
  await editor.getByLabel('发生时间（止）').fill('2021-05-24 04:00')
  await editor.getByLabel('地点').fill('福州市马尾区江滨东大道 100 号 1号排放口')
  await expect(editor.getByTestId('violation-subject')).toContainText('福州某化工有限公司')
  await chooseBasis(page, 'air-20-2')
  await chooseBasis(page, 'air-99-3')
  await expect(editor.getByTestId('editor-basis-list').getByTestId('basis-line')).toHaveCount(2)
  // a wrong time is named, not guessed
  await editor.getByLabel('发生时间（止）').fill('2021-05-24 25:00')
  await page.getByTestId('violation-save').click()
  await expect(editor).toContainText('时间应写成 年-月-日 时:分')
  await editor.getByLabel('发生时间（止）').fill('2021-05-24 04:00')
  await page.getByTestId('violation-save').click()
  await expect(editor).toBeHidden()

  const detail = screen.getByTestId('violation-detail')
  await expect(detail).toHaveAttribute('data-number', 'V1')
  await expect(detail.getByTestId('detail-title')).toHaveText(TITLE)
  await expect(detail.getByTestId('detail-time')).toHaveText(
    '2021-05-24 02:00:00 +08:00 — 2021-05-24 04:00:00 +08:00',
  )
  const basis = detail.getByTestId('detail-basis').getByTestId('basis-line')
  await expect(basis).toHaveCount(2)
  await expect(basis.nth(0)).toContainText('大气污染防治法 第二十条第二款')
  await expect(basis.nth(1)).toContainText('大气污染防治法 第九十九条第（三）项')
  await expect(basis.nth(1)).toContainText(air99.act)

  // 从旧兼从轻: the act (2021) and today's decision straddle the 法典; both sets shown, the officer picks
  const choice = detail.getByTestId('law-choice')
  await expect(choice.getByTestId('law-changes')).toContainText(
    '大气污染防治法 第二十条第二款 → 生态环境法典 第一百六十四条',
  )
  await expect(choice.getByTestId('law-changes')).toContainText(
    '大气污染防治法 第九十九条第（三）项 → 生态环境法典 第一千一百零八条',
  )
  await choice.getByTestId('law-choice-save').click()
  await expect(choice).toContainText('请写明选择的理由')
  await choice
    .getByTestId('law-choice-reason')
    .fill('新旧规定罚款幅度相同，新规定并不较轻，适用行为时的规定。')
  await choice.getByTestId('law-choice-save').click()
  await expect(choice.getByTestId('law-choice-recorded')).toContainText('已记录：适用违法行为发生时的规定')
  await expect(basis.nth(0)).toContainText('大气污染防治法 第二十条第二款')
  await expect(detail.getByTestId('violation-status-tag')).toHaveText('草稿')
  await expect(detail.getByTestId('links-empty')).toBeVisible()
  const [saved] = await desk.call<Violation[]>('violation:list')
  expect(saved).toMatchObject({
    title: TITLE,
    basis: ['air-20-2', 'air-99-3'],
    status: 'draft',
    subject: { name: '福州某化工有限公司' },
  })
  // typed as wall time in the case's zone (Asia/Shanghai); the same instants whatever form they are stored in
  expect(Date.parse(saved.occurredFrom!)).toBe(Date.parse('2021-05-24T02:00:00+08:00'))
  expect(Date.parse(saved.occurredTo!)).toBe(Date.parse('2021-05-24T04:00:00+08:00'))

  // ── the video time range, linked from the video viewer's citation row ──
  await openFromLibrary(page, VIDEO)
  const rangeRow = page.getByTestId('video-viewer').getByTestId('range-row')
  await expect(rangeRow).toHaveCount(1)
  await rangeRow.getByTestId('link-to-violation').click()
  const linkModal = page.getByTestId('link-violation-modal')
  await chooseOption(page, page.getByTestId('link-violation-select'), TITLE)
  await linkModal.getByLabel('证明内容').fill('执法记录仪记录 1号排放口排气筒冒黄烟')
  await shot(page, 'violations-link-from-viewer.png')
  await page.getByTestId('link-violation-submit').click()
  await expect(linkModal).toBeHidden()
  await page.getByTestId('item-viewer').locator('.ant-modal-close').click()
  await page.getByRole('menuitem', { name: '违法事实' }).click()

  // ── the quote and the data range, from the violations screen's picker ──
  const links = screen.getByTestId('link-row')
  await expect(links).toHaveCount(1)
  for (const [name, type, note] of [
    [TRANSCRIPT, '摘录', '当事人承认脱硫设施 2 时至 4 时停运'],
    [CEMS, '数据区间', '停运期间二氧化硫浓度超标'],
  ]) {
    await screen.getByTestId('add-evidence').click()
    const picker = page.getByTestId('evidence-picker')
    await chooseOption(page, page.getByTestId('picker-item'), name, { search: name.slice(0, 4) })
    await chooseOption(page, page.getByTestId('picker-citation'), type)
    await picker.getByLabel('证明内容').fill(note)
    await page.getByTestId('picker-submit').click()
    await expect(picker).toBeHidden()
  }
  await expect(links).toHaveCount(3)
  const anchors = links.getByTestId('link-anchor')
  await expect(anchors).toHaveText([
    '00:00:01.000–00:00:05.400',
    `第 2 问答：“${PHRASE}”`,
    'SO2 实测浓度 2021年5月24日1时–4时（UTC+08:00）',
  ])
  await expect(links.getByTestId('link-type')).toHaveText(['片段', '摘录', '数据区间'])
  await expect(links.getByTestId('link-item')).toHaveText([
    fx.byName.get(VIDEO)!.number,
    fx.byName.get(TRANSCRIPT)!.number,
    fx.byName.get(CEMS)!.number,
  ])
  await expect(links.nth(0)).toContainText(VIDEO)
  await expect(links.nth(0).getByTestId('link-note')).toHaveText('执法记录仪记录 1号排放口排气筒冒黄烟')
  await expect(links.nth(2).getByTestId('link-note')).toHaveText('停运期间二氧化硫浓度超标')
  const [withLinks] = await desk.call<Violation[]>('violation:list')
  expect(withLinks.links.map((l) => l.annotationId)).toEqual([fx.range.id, fx.quote.id, fx.dataRange.id])

  // ── confirm ──
  await detail.getByTestId('violation-confirm').click()
  await expect(detail.getByTestId('violation-status-tag')).toHaveText('已确认')
  await expect(screen.getByTestId('violation-row').first().getByTestId('violation-link-count')).toHaveText(
    '证据 3 项',
  )
  await page.mouse.move(5, 5)
  await toastsGone(page)
  await links.nth(2).scrollIntoViewIfNeeded()
  await shot(page, 'violations.png')

  // ── a second violation with no evidence yet ──
  await desk.call('violation:save', {
    title: '未按规定公开污染物排放信息',
    facts: '',
    occurredFrom: null,
    occurredTo: null,
    place: '',
    basis: [],
    status: 'draft',
  })
  const rows = screen.getByTestId('violation-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1).getByTestId('violation-link-count')).toHaveText('尚无证据')

  // ── the matrix: V1 has 3 links, V2 none, the drone photo proves nothing ──
  await screen.getByRole('tab', { name: '证据矩阵' }).click()
  const matrix = screen.getByTestId('evidence-matrix')
  const v1 = matrix.locator('[data-testid=matrix-row][data-number=V1]')
  const v2 = matrix.locator('[data-testid=matrix-row][data-number=V2]')
  await expect(v1).toHaveAttribute('data-no-evidence', 'false')
  await expect(v1.locator('[data-testid=matrix-cell][data-links="1"]')).toHaveCount(3)
  await expect(v2).toHaveAttribute('data-no-evidence', 'true')
  await expect(v2.getByTestId('no-evidence')).toHaveText('无证据')
  await expect(v2.locator('[data-testid=matrix-cell][data-links="0"]')).toHaveCount(4)
  const photo = fx.byName.get(PHOTO)!.number
  const photoColumn = matrix.locator(`[data-testid=matrix-item][data-number=${photo}]`)
  await expect(photoColumn).toHaveAttribute('data-proves-nothing', 'true')
  await expect(photoColumn.getByTestId('proves-nothing')).toHaveText('未证明任何违法事实')
  await expect(matrix.locator('[data-testid=matrix-item][data-proves-nothing=true]')).toHaveCount(1)
  await expect(matrix.getByTestId('matrix-summary')).toContainText(
    '违法事实 2 条，证据 4 项；无证据的违法事实 1 条，未证明任何违法事实的证据 1 项。',
  )
  await page.mouse.move(5, 5)
  await shot(page, 'violations-matrix.png')

  // ── unlink the data range with a reason: it stays, greyed, with the reason ──
  await screen.getByRole('tab', { name: '违法事实' }).click()
  await rows.first().click()
  const cems = links.nth(2)
  await cems.getByTestId('unlink').click()
  await page.getByTestId('unlink-reason').fill('数据区间起点应为 2 时，重新引用')
  await confirmDialog(page.getByTestId('unlink-confirm'))
  await expect(cems).toHaveAttribute('data-removed', 'true')
  await expect(cems).toHaveClass(/removed/)
  await expect(cems.getByTestId('link-removed')).toContainText('数据区间起点应为 2 时，重新引用')
  await expect(cems.getByTestId('unlink')).toHaveCount(0)
  await expect(links).toHaveCount(3)
  await expect(rows.first().getByTestId('violation-link-count')).toHaveText('证据 2 项')

  // every change is on the custody log
  const { events } = await desk.call<{ events: CustodyEvent[] }>('custody:list', { offset: 0, limit: 1000 })
  const actions = events.map((e) => e.action)
  expect(actions.filter((a) => a === 'violation-created')).toHaveLength(2)
  expect(actions.filter((a) => a === 'evidence-linked')).toHaveLength(3)
  expect(actions.filter((a) => a === 'evidence-unlinked')).toHaveLength(1)
  expect(actions).toContain('violation-edited')

  // ── English: the same screen with no Chinese interface words ──
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(detail.getByTestId('violation-status-tag')).toHaveText('Confirmed')
  await expect(links.getByTestId('link-type')).toHaveText(['Time range', 'Quote', 'Data range'])
  expect(await interfaceText(page, '[data-testid=violations-screen]')).not.toMatch(CHINESE)
  await screen.getByRole('tab', { name: 'Evidence matrix' }).click()
  await expect(matrix.getByTestId('proves-nothing')).toHaveCount(2) // the unlinked CEMS export now proves nothing too
  expect(await interfaceText(page, '[data-testid=violations-screen]')).not.toMatch(CHINESE)
})

test('the matrix stays readable with 50 items: the violation column stays in place while it scrolls', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000)
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const dir = join(desk.workDir, 'notes')
  mkdirSync(dir)
  for (let i = 1; i <= 50; i++)
    writeFileSync(join(dir, `现场记录-${String(i).padStart(2, '0')}.txt`), `现场检查记录第 ${i} 页\n`)
  await desk.call('import:start', { paths: [dir] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', { sort: 'number' })
  expect(items).toHaveLength(50)
  const base = { facts: '', occurredFrom: null, occurredTo: null, place: '', basis: [], status: 'draft' }
  const v1 = await desk.call<Violation>('violation:save', { ...base, title: '超标排放大气污染物' })
  await desk.call('violation:save', { ...base, title: '未按规定公开污染物排放信息' })
  for (const item of [items[0], items[24], items[49]])
    await desk.call('violation:link', { violationId: v1.id, itemId: item.id, note: '现场检查所见' })

  await desk.open()
  await page.getByRole('menuitem', { name: '违法事实' }).click()
  await page.getByRole('tab', { name: '证据矩阵' }).click()
  const matrix = page.getByTestId('evidence-matrix')
  await expect(matrix.getByTestId('matrix-item')).toHaveCount(50)
  await expect(matrix.locator('[data-testid=matrix-item][data-proves-nothing=true]')).toHaveCount(47)
  await expect(matrix.locator('[data-testid=matrix-row][data-no-evidence=true]')).toHaveCount(1)

  // scroll to the last column: the violation column and the header stay where they were
  const firstCell = matrix.locator('[data-testid=matrix-row][data-number=V1] th')
  const before = (await firstCell.boundingBox())!
  const last = matrix.locator(`[data-testid=matrix-row][data-number=V1] [data-item=${items[49].number}]`)
  await last.scrollIntoViewIfNeeded()
  await expect(last).toHaveAttribute('data-links', '1')
  await expect(last).toBeInViewport()
  const after = (await firstCell.boundingBox())!
  expect(Math.round(after.x)).toBe(Math.round(before.x))
  await expect(firstCell).toBeInViewport()
  // nothing covers the last column's count: it can be pointed at
  await last.locator('.vio-matrix-count').hover()
  await expect(page.getByRole('tooltip')).toContainText('1 处关联')
  await shot(page, 'violations-matrix-50.png')
})

test('the legal-basis catalogue: checked texts are marked, and a local provision is added and cited', async ({
  page,
  desk,
}) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.open()
  await page.getByTestId('side-nav').getByText('违法事实', { exact: true }).click()
  await page.getByRole('tab', { name: '法律依据目录' }).click()
  const catalogue = page.getByTestId('legal-catalogue')
  // the built-in entries say whether their statute text was compared word for word
  await expect(catalogue.locator('[data-testid="legal-origin"][data-basis-id="water-39"]')).toContainText(
    '条文已逐字核对',
  )
  // the 法典 articles, whose text was not found, say so; their text is not quoted
  const unverified = (await desk.call<LegalBasisEntry[]>('legal:list', {})).filter(
    (e) => e.textStatus === 'unverified',
  )
  expect(unverified.map((e) => e.id)).toContain('code-164')
  await expect(catalogue.locator('[data-testid="legal-origin"][data-basis-id="code-164"]')).toContainText(
    '条文未核对，不予摘引',
  )
  await expect(catalogue.locator('[data-testid="legal-origin"][data-basis-id="air-99-3"]')).toContainText(
    '2016-01-01 — 2026-08-14',
  )

  // an id that breaks the format is named next to its field; nothing is added
  await page.getByTestId('local-basis-add').click()
  const form = page.getByTestId('local-basis-form')
  await page.getByTestId('local-basis-id').fill('Local JS 12')
  await page.getByTestId('local-basis-law').fill('《江苏省大气污染防治条例》')
  await page.getByTestId('local-basis-article').fill('第十二条')
  await page.getByTestId('local-basis-act').fill('重点排污单位应当保证自动监测设备正常运行')
  await page.getByTestId('local-basis-submit').click()
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('只能使用小写字母')
  await page.getByTestId('local-basis-id').fill('local-js-air-12')
  await page.getByTestId('local-basis-submit').click()
  await expect(form).toBeHidden()
  await expect(
    catalogue.locator('[data-testid="legal-origin"][data-basis-id="local-js-air-12"]'),
  ).toContainText('本地条款')
  const events = await desk.call<{ events: CustodyEvent[] }>('custody:list', {})
  expect(events.events.map((e) => e.action)).toContain('legal-basis-added')
  await shot(page, 'legal-catalogue.png')

  // the same id again is refused next to the field
  await page.getByTestId('local-basis-add').click()
  await page.getByTestId('local-basis-id').fill('local-js-air-12')
  await page.getByTestId('local-basis-law').fill('《江苏省大气污染防治条例》')
  await page.getByTestId('local-basis-article').fill('第十三条')
  await page.getByTestId('local-basis-act').fill('另一条')
  await page.getByTestId('local-basis-submit').click()
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('本案件中已有该编号')
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()

  // and it can be cited like a built-in provision
  await page.getByRole('tab', { name: '违法事实', exact: true }).click()
  await page.getByTestId('violation-add').click()
  await chooseBasis(page, 'local-js-air-12')
  await expect(page.getByTestId('editor-basis-list')).toContainText('第十二条')
})
