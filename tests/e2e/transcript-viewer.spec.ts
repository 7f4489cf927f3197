/// <reference lib="dom" />
/**
 * The interview-record viewer as an officer uses it: open a GB18030 询问笔录 from the evidence
 * library, read the 问/答 dialogue, find a phrase, select part of an answer and cite it as a 摘录.
 * The quote's offsets must point at exactly the selected text in the record, and survive reopening.
 */
import type { Page } from '@playwright/test'
import type { Annotation, EvidenceItem, TranscriptView } from '../../src/shared/types'
import { makeTranscriptGb18030 } from '../support/media'
import {
  OFFICER,
  caseFields,
  chooseOption,
  confirmDialog,
  expect,
  shot,
  test,
  toastsGone,
  type Desk,
} from './support/desk'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { openFromLibrary } from './support/open-item'

async function caseWithTranscript(desk: Desk): Promise<EvidenceItem> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  await desk.call('import:start', { paths: [makeTranscriptGb18030(desk.workDir)] })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  return items[0]
}

/** Evidence library → the item's row → details → "open viewer"; resolves to the item viewer modal. */
async function openViewer(page: Page, fileName: string) {
  await openFromLibrary(page, fileName)
  return page.getByTestId('item-viewer')
}

/** Selects `phrase` inside the n-th answer as a user would with the mouse, then releases the button. */
async function selectInAnswer(page: Page, answerIndex: number, phrase: string) {
  await page
    .getByTestId('transcript-answer')
    .nth(answerIndex)
    .evaluate((el, phrase) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(phrase)
        if (i === -1) continue
        const range = document.createRange()
        range.setStart(n, i)
        range.setEnd(n, i + phrase.length)
        const sel = window.getSelection()!
        sel.removeAllRanges()
        sel.addRange(range)
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return
      }
      throw new Error(`"${phrase}" is not in the answer`)
    }, phrase)
}

test('dialogue, find, and a quote cited by its offsets that survives reopening', async ({ page, desk }) => {
  const item = await caseWithTranscript(desk)
  expect(item.kind).toBe('transcript')
  const view = await desk.call<TranscriptView>('transcript:get', { itemId: item.id })

  await desk.open()
  const modal = await openViewer(page, '询问笔录-赵六.txt')
  const viewer = modal.getByTestId('transcript-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')

  // header as a description list, turns as a numbered dialogue
  const header = viewer.getByTestId('transcript-header')
  await expect(header).toContainText('被询问人')
  await expect(header).toContainText('赵六')
  await expect(header).toContainText('记录人')
  await expect(viewer.getByTestId('transcript-turn')).toHaveCount(3)
  await expect(viewer.getByTestId('transcript-question').nth(1)).toContainText(
    '你公司的脱硫设施5月24日凌晨是否正常运行？',
  )
  await expect(viewer.getByTestId('transcript-answer').nth(1)).toContainText('到4点才修好。')

  // find: both matches highlighted, next moves on
  await viewer.getByTestId('transcript-search').fill('属实')
  await expect(viewer.getByTestId('transcript-hit')).toHaveCount(2)
  await expect(viewer.getByTestId('transcript-search-count')).toHaveText('1 / 2')
  await viewer.getByTestId('transcript-search-next').click()
  await expect(viewer.getByTestId('transcript-search-count')).toHaveText('2 / 2')
  await expect(viewer.locator('.tx-hit-current')).toHaveText('属实')
  await expect(viewer.getByTestId('transcript-answer').nth(2).locator('.tx-hit-current')).toHaveCount(1)
  await viewer.getByTestId('transcript-search-prev').click()
  await expect(viewer.getByTestId('transcript-search-count')).toHaveText('1 / 2')
  await viewer.getByTestId('transcript-search').fill('')

  // select part of the second answer and cite it
  const phrase = '脱硫塔循环泵故障停运'
  const start = view.text.indexOf(phrase)
  const end = start + phrase.length
  expect(start).toBeGreaterThan(0)
  await selectInAnswer(page, 1, phrase)
  const form = viewer.getByTestId('quote-form')
  await expect(form.getByTestId('pending-quote')).toHaveText(phrase)
  await expect(form.getByTestId('pending-quote-range')).toHaveText(`字符 ${start}–${end}`)
  await form.getByLabel('说明（可选）').fill('被询问人承认脱硫设施停运')
  await form.getByTestId('save-quote').click()
  await expect(form).toBeHidden()
  await expect(viewer.getByTestId('quote-row')).toHaveCount(1)

  // close and reopen: the quote is listed with the same text and offsets, and highlighted
  await modal.locator('.ant-modal-close').click()
  await expect(modal).toBeHidden()
  await page.getByTestId('details-panel').getByTestId('open-viewer').click()
  const again = page.getByTestId('item-viewer').getByTestId('transcript-viewer')
  await expect(again).toHaveAttribute('data-state', 'ready')
  const row = again.getByTestId('quote-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('quote-text')).toHaveText(phrase)
  await expect(row).toHaveAttribute('data-start', String(start))
  await expect(row).toHaveAttribute('data-end', String(end))
  await expect(row).toContainText('被询问人承认脱硫设施停运')
  await expect(again.getByTestId('transcript-answer').nth(1).locator('.tx-quote')).toHaveText(phrase)

  const quotes = await desk.call<Annotation[]>('annotation:list', { itemId: item.id })
  expect(quotes).toHaveLength(1)
  expect(quotes[0]).toMatchObject({ type: 'quote', anchor: { start, end, text: phrase } })
  expect(view.text.slice(start, end)).toBe(phrase)

  await again.getByTestId('transcript-search').fill('脱硫')
  await expect(again.getByTestId('transcript-hit')).toHaveCount(2)
  await page.mouse.move(10, 10)
  await toastsGone(page)
  await shot(page, 'transcript-viewer.png')
})

test('a quote across a line break keeps the record text, and can be withdrawn with a reason', async ({
  page,
  desk,
}) => {
  const item = await caseWithTranscript(desk)
  const view = await desk.call<TranscriptView>('transcript:get', { itemId: item.id })
  await desk.open()
  const modal = await openViewer(page, '询问笔录-赵六.txt')
  const viewer = modal.getByTestId('transcript-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')

  const phrase = '故障停运，\n到4点'
  const start = view.text.indexOf(phrase)
  await selectInAnswer(page, 1, phrase)
  await expect(viewer.getByTestId('pending-quote-range')).toHaveText(`字符 ${start}–${start + phrase.length}`)
  await viewer.getByTestId('save-quote').click()
  await expect(viewer.getByTestId('quote-row')).toHaveCount(1)

  await viewer.getByTestId('quote-row').getByTestId('withdraw').click()
  await page.getByTestId('withdraw-reason').fill('摘录范围选错')
  await confirmDialog(page.getByTestId('withdraw-confirm'))
  await expect(viewer.getByTestId('quote-row')).toContainText('已撤回')
  await expect(viewer.getByTestId('quote-row')).toContainText('摘录范围选错')
  const [q] = await desk.call<Annotation[]>('annotation:list', { itemId: item.id, includeWithdrawn: true })
  expect(q.anchor).toEqual({ start, end: start + phrase.length, text: phrase })
  expect(q.withdrawnReason).toBe('摘录范围选错')
})

test('a short Big5 note the detector read as GB18030 reads as Big5 once the officer chooses it, with a reason', async ({
  page,
  desk,
}) => {
  const note = '台灣環保署稽查紀錄'
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const file = join(desk.workDir, '稽查紀錄.txt')
  writeFileSync(file, iconv.encode(note, 'big5'))
  await desk.call('import:start', { paths: [file] })
  await desk.backend.idle()

  await desk.open()
  const modal = await openViewer(page, '稽查紀錄.txt')
  const viewer = modal.getByTestId('transcript-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready')
  const panel = viewer.getByTestId('decoding-panel')
  await expect(panel.getByTestId('current-decoding')).toHaveText('GB18030')
  await expect(panel.getByTestId('decoding-uncertain')).toContainText('BIG5')
  await expect(viewer).not.toContainText(note)

  await chooseOption(page, panel.getByTestId('decoding-select'), 'BIG5')
  await expect(panel.getByTestId('decoding-preview')).toContainText(note)
  await panel.getByLabel('理由').fill('台湾地区来函，繁体中文')
  await shot(page, 'text-decoding-preview.png')
  await panel.getByTestId('save-decoding').click()

  await expect(panel.getByTestId('current-decoding')).toHaveText('BIG5')
  await expect(panel).toContainText('办案人员选定')
  await expect(viewer.locator('.tx-full')).toContainText(note)
  await shot(page, 'text-decoding-chosen.png')
})
