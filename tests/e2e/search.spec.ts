/**
 * Case search from the top bar as an officer uses it: a phrase from the interview record, a
 * two-character term (the backend's plain-match fallback), nothing found, then opening a result
 * with the mouse and with the keyboard. The match is shown in a <mark>, never as raw HTML.
 * Needs the lead's wiring: CaseSearch in the top bar (data-testid="case-search") and the item viewer host.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EvidenceItem } from '../../src/shared/types'
import { makeBodycamMp4, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, expect, shot, test, type Desk } from './support/desk'

async function caseWithEvidence(desk: Desk): Promise<Map<string, EvidenceItem>> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const batch = join(desk.workDir, 'batch')
  mkdirSync(batch)
  await makeDroneJpeg(batch)
  makeBodycamMp4(batch)
  makeTranscriptGb18030(batch)
  // text that looks like markup must stay text
  writeFileSync(join(batch, '现场情况说明.txt'), '现场情况说明：<b>排放口</b> 旁有明显异味。\r\n')
  await desk.call('import:start', { paths: [batch] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  return new Map(items.map((i) => [i.originalName, i]))
}

test('search: a phrase and a two-character term find the transcript with the match marked; a click opens it', async ({
  page,
  desk,
}) => {
  const items = await caseWithEvidence(desk)
  const transcript = items.get('询问笔录-赵六.txt')!
  expect(transcript.kind).toBe('transcript')
  await desk.open()
  const box = page.getByTestId('top-bar').getByTestId('case-search')
  const results = page.getByTestId('case-search-results')
  const hit = (id: string) => results.locator(`[data-testid="case-search-hit"][data-item-id="${id}"]`)

  // Before typing: what to do next.
  await box.click()
  await expect(results).toContainText('两个字也可以搜索')

  // Three characters and more: the full-text index.
  await box.fill('脱硫塔循环泵')
  await expect(hit(transcript.id)).toBeVisible()
  await expect(hit(transcript.id)).toContainText(transcript.number)
  await expect(hit(transcript.id)).toContainText('询问笔录')
  await expect(hit(transcript.id).locator('mark')).toHaveText('脱硫塔循环泵')
  await expect(results.getByTestId('case-search-total')).toContainText('找到 1 件')
  await shot(page, 'search.png')

  // Two characters: the plain-match fallback still finds and marks it.
  await box.fill('凌晨')
  await expect(hit(transcript.id).locator('mark')).toHaveText('凌晨')

  // Markup in evidence text stays text.
  await box.fill('排放口')
  const note = items.get('现场情况说明.txt')!
  await expect(hit(note.id)).toContainText('<b>')
  await expect(hit(note.id).locator('b')).toHaveCount(0)

  // Nothing found says so.
  await box.fill('没有这个词语')
  await expect(results.getByTestId('case-search-none')).toContainText('没有找到与“没有这个词语”相关的证据。')

  // A click on a result opens the viewer.
  await box.fill('脱硫塔')
  await hit(transcript.id).click()
  const viewer = page.getByTestId('item-viewer')
  await expect(viewer).toContainText(transcript.number)
  await expect(results).toBeHidden()
})

test('search: arrow keys choose a result and Enter opens it; Escape closes the list', async ({
  page,
  desk,
}) => {
  const items = await caseWithEvidence(desk)
  await desk.open()
  const box = page.getByTestId('top-bar').getByTestId('case-search')
  const results = page.getByTestId('case-search-results')
  // "DJI" matches the drone photo's name and metadata; the first result is preselected
  await box.fill('DJI')
  const hits = results.getByTestId('case-search-hit')
  await expect(hits.first()).toBeVisible()
  await expect(hits.first()).toHaveAttribute('aria-selected', 'true')
  await box.press('Escape')
  await expect(results).toBeHidden()
  await box.press('ArrowDown')
  await expect(results).toBeVisible()
  const count = await hits.count()
  // ArrowDown moved from the first; ArrowUp comes back to it
  if (count > 1) await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true')
  await box.press('ArrowUp')
  await expect(hits.first()).toHaveAttribute('aria-selected', 'true')
  const id = await hits.first().getAttribute('data-item-id')
  const item = [...items.values()].find((i) => i.id === id)!
  await box.press('Enter')
  await expect(page.getByTestId('item-viewer')).toContainText(item.number)
})
