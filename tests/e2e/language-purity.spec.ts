/**
 * No English sentence on a Chinese screen and no Chinese on an English one: every screen of the
 * case frame, its tabs, the details panel and viewer of each kind, and the search results, in both
 * languages, on a case with real media, citations, a violation and custody events. What came from
 * the case (names, numbers, paths, quoted text: marked data-user-data) is not the interface's.
 */
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { CHINESE, OFFICER, caseFields, expect, shot, test } from './support/desk'
import { CEMS, PHOTO, TRANSCRIPT, VIDEO, recordedCase } from './support/recorded-case'

/** Four or more Latin words in a row: an English sentence (a term like SHA-256 or mg/m3 is not). */
const ENGLISH_RUN = /[A-Za-z][a-z]+(?:[ ,;:'’-]+[A-Za-z][a-z]+){3,}/

type Lang = 'zh-CN' | 'en'

/**
 * The interface's own text: user data out, and words marked as another language (the language
 * switch names each language in its own words).
 */
async function ownText(page: Page, lang: Lang): Promise<string> {
  // runs in the page; this tsconfig has no DOM types, so it is typed structurally
  type El = {
    cloneNode(deep: boolean): El
    querySelectorAll(s: string): { forEach(f: (n: { remove(): void }) => void): void }
    textContent: string | null
  }
  return page.locator('body').evaluate((body, l) => {
    const clone = (body as unknown as El).cloneNode(true)
    clone.querySelectorAll(`[data-user-data], [lang]:not([lang="${l}"])`).forEach((n) => n.remove())
    return clone.textContent ?? ''
  }, lang)
}

/** The interface text of the page with the offending words and their surroundings, or null when pure. */
async function impurity(page: Page, lang: Lang): Promise<string | null> {
  const text = (await ownText(page, lang)).replace(/\s+/g, ' ')
  const m = (lang === 'en' ? CHINESE : ENGLISH_RUN).exec(text)
  return m ? text.slice(Math.max(0, m.index - 60), m.index + 80) : null
}

async function expectPure(page: Page, lang: Lang, where: string): Promise<void> {
  expect(await impurity(page, lang), `${where} (${lang})`).toBeNull()
}

const WORDS = {
  'zh-CN': {
    nav: ['案件概览', '证据库', '时间线', '违法事实', '移送材料', '监管链记录', '导出'],
    timelineTabs: ['位置'],
    violationTabs: ['证据矩阵', '法律依据目录'],
    library: '证据库',
    switchTo: '简体中文',
  },
  en: {
    nav: ['Overview', 'Evidence', 'Timeline', 'Violations', 'Transfer documents', 'Custody log', 'Export'],
    timelineTabs: ['Locations'],
    violationTabs: ['Evidence matrix', 'Legal basis'],
    library: 'Evidence',
    switchTo: 'English',
  },
} as const

async function walk(page: Page, lang: Lang): Promise<void> {
  const w = WORDS[lang]
  const nav = page.getByTestId('side-nav')
  const keys = ['overview', 'evidence', 'timeline', 'violations', 'transfer', 'custody', 'export']
  for (const [i, name] of w.nav.entries()) {
    await nav.getByText(name, { exact: true }).click()
    await expect(page.getByTestId(`screen-${keys[i]}`)).toBeVisible()
    // the screen's own content has arrived (no spinner left)
    await expect(page.getByTestId(`screen-${keys[i]}`).locator('.ant-spin-spinning')).toHaveCount(0)
    await expectPure(page, lang, name)
    if (keys[i] === 'timeline')
      for (const tab of w.timelineTabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click()
        await expectPure(page, lang, `${name} › ${tab}`)
      }
    if (keys[i] === 'violations')
      for (const tab of w.violationTabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click()
        await expect(page.getByRole('tabpanel').filter({ visible: true })).toBeVisible()
        await expectPure(page, lang, `${name} › ${tab}`)
      }
  }
  await shot(page, `purity-export-${lang}.png`)

  // search results (a transcript passage and a metadata match)
  for (const term of ['循环泵', 'FC6310']) {
    const search = page.getByTestId('top-bar').getByTestId('case-search')
    // typing opens the results (a viewer's focus, restored as it closes, could otherwise close them)
    await search.fill(term)
    const results = page.getByTestId('case-search-results')
    await expect(results.getByTestId('case-search-hit').first()).toBeVisible()
    await expectPure(page, lang, `search ${term}`)
    await expect(results).not.toContainText('{')
    await page.keyboard.press('Escape')
  }

  // the details panel and the viewer of each kind
  await nav.getByText(w.library, { exact: true }).click()
  for (const file of [VIDEO, PHOTO, TRANSCRIPT, CEMS]) {
    await page.getByTestId('evidence-tile').filter({ hasText: file }).click()
    const panel = page.getByTestId('details-panel')
    await expect(panel.getByTestId('item-custody')).toBeVisible()
    await expectPure(page, lang, `details ${file}`)
    await panel.getByTestId('open-viewer').click()
    const viewer = page.getByTestId('item-viewer')
    await expect(
      viewer.locator('[data-state="ready"], [data-testid="video-element"], img').first(),
    ).toBeVisible()
    await expectPure(page, lang, `viewer ${file}`)
    await page.keyboard.press('Escape')
    await expect(viewer).toBeHidden()
  }
}

for (const lang of ['zh-CN', 'en'] as const)
  test(`every screen speaks one language: ${lang}`, async ({ page, desk }) => {
    // a case with four media files, then every screen, tab, details panel and viewer on a shared machine
    test.setTimeout(400_000)
    await recordedCase(desk)
    await desk.open()
    if (lang === 'en') {
      await page.getByTestId('language-switch').click()
      await page.getByRole('menuitem', { name: WORDS.en.switchTo }).click()
      await expect(page.getByTestId('side-nav')).toContainText('Overview')
    }
    await walk(page, lang)
  })

test('an empty case: the export check in one language each', async ({ page, desk }) => {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'empty'), fields: caseFields() })
  await desk.open()
  await page.getByTestId('side-nav').getByText('导出', { exact: true }).click()
  const blocker = page.getByTestId('export-blocker')
  await expect(blocker).toHaveText('案件中还没有证据请先导入证据。')
  await expectPure(page, 'zh-CN', 'export check, empty case')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(blocker).toContainText('Import the evidence first.')
  await expectPure(page, 'en', 'export check, empty case')
})
