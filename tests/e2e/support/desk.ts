/**
 * The per-test fixture: a fresh app data folder and work folder, the real Backend, and the
 * browser-mode server in this process, serving the built renderer. The page reaches the handlers
 * over the same HTTP transport `evidesk serve` uses.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Backend } from '../../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../../src/cli/browser-mode/server'
import { createChromiumPdfPrinter } from '../../../src/cli/chromium-pdf'
import type { CaseFields } from '../../../src/shared/api'
import type { Profile } from '../../../src/shared/types'

// EVIDESK_RENDERER_DIR lets parallel work test its own build; the default is electron-vite's output
const RENDERER_DIR =
  process.env.EVIDESK_RENDERER_DIR ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url))

const SANDBOX_PROBE = "Blocked script execution in 'about:srcdoc'"

export interface Desk {
  backend: Backend
  server: BrowserServer
  /** holds nothing but this test's case folders */
  workDir: string
  dataDir: string
  /** opens the app with a fresh one-time link, as a user would (each link opens one page) */
  open(): Promise<void>
  /** calls a handler directly, for setting up state the test is not about */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>
  /** problems the page reported: uncaught errors, console errors, CSP violations */
  pageProblems: string[]
  /**
   * from now on, problems matching `pattern` are the symptom the test provokes (a stopped server's
   * refused requests), not a failure: they are left out when the test ends, however late they come
   */
  expectProblems(pattern: RegExp): void
  /** Chromium refusing Playwright's own helper script in a sandboxed document preview (see below) */
  sandboxProbes: string[]
}

export const OFFICER: Profile = { name: '张三', certNo: '35010012345', unit: '福州市生态环境局执法支队' }
export const PARTNER = { name: '李四', certNo: '35010067890' }

export function caseFields(overrides: Partial<CaseFields> = {}): CaseFields {
  return {
    number: '榕环罚〔2024〕017号',
    title: '福州某化工有限公司超标排放大气污染物案',
    cause: '超标排放大气污染物',
    subject: {
      name: '福州某化工有限公司',
      creditCode: '91350100M000100Y43',
      address: '福州市马尾区江滨东大道 100 号',
      legalRep: '王五',
    },
    unit: OFFICER.unit,
    officers: [{ name: OFFICER.name, certNo: OFFICER.certNo }, PARTNER],
    timezone: 'Asia/Shanghai',
    ...overrides,
  }
}

export const test = base.extend<{ printer: boolean; desk: Desk }>({
  // Transfer documents print to PDF through the system Chromium, several seconds a document; a
  // spec that is not about the PDFs may turn the printer off (`test.use({ printer: false })`).
  printer: [true, { option: true }],
  desk: async ({ page, printer }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html')))
      throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npx electron-vite build\` first.`)
    const root = mkdtempSync(join(tmpdir(), 'evidesk-e2e-'))
    const dataDir = join(root, 'app-data')
    const workDir = join(root, 'work')
    mkdirSync(workDir)
    const backend = new Backend({
      mode: 'browser',
      dataDir,
      version: '0.1.0',
      pdf: printer ? (createChromiumPdfPrinter() ?? undefined) : undefined,
    })
    const server = await startBrowserServer({ backend, rendererDir: RENDERER_DIR })
    const pageProblems: string[] = []
    const expectedProblems: RegExp[] = []
    const sandboxProbes: string[] = []
    page.on('pageerror', (err) => pageProblems.push(`page error: ${err.message}`))
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return
      // Playwright injects its helper script into every frame it looks at. In a document preview
      // (sandbox="", no scripts, on purpose) Chromium refuses it and logs this line: it comes from
      // the test tool, not the app, and shows the sandbox holds, so it is kept apart.
      if (msg.text().includes(SANDBOX_PROBE)) sandboxProbes.push(msg.text())
      else pageProblems.push(`console error: ${msg.text()}`)
    })
    const desk: Desk = {
      backend,
      server,
      workDir,
      dataDir,
      pageProblems,
      expectProblems: (pattern) => void expectedProblems.push(pattern),
      sandboxProbes,
      open: async () => {
        await page.goto(server.newLink())
      },
      call: async <T>(channel: string, input: unknown = {}) => {
        const result = await backend.dispatch(channel, input)
        if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
        return result.value as T
      },
    }
    await use(desk)
    // the page first, so its event stream does not report the server going away as an error
    await page.close()
    await server.close()
    await backend.dispose() // also closes the PDF printer's Chromium
    rmSync(root, { recursive: true, force: true })
    const unexpected = pageProblems.filter((p) => !expectedProblems.some((re) => re.test(p)))
    expect(unexpected, 'the page reported errors').toEqual([])
  },
})

export { expect }

/** The antd form item that holds the control labelled `label`: where that field's error shows. */
export function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) })
}

/**
 * The text of an element with user data (case numbers, names, paths: marked data-user-data)
 * taken out, so a language check looks only at the interface's own words.
 */
export async function interfaceText(page: Page, selector: string): Promise<string> {
  // The callback runs in the page; this tsconfig has no DOM types, so it is typed structurally.
  type Node = {
    cloneNode(deep: boolean): Node
    querySelectorAll(s: string): { forEach(f: (n: { remove(): void }) => void): void }
    textContent: string | null
  }
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const clone = (el as unknown as Node).cloneNode(true)
      clone.querySelectorAll('[data-user-data]').forEach((n) => n.remove())
      return clone.textContent ?? ''
    })
}

/** CJK ideographs and full-width punctuation: none of it may remain in an English screen. */
export const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

export const SCREENS_DIR = fileURLToPath(new URL('../../../test-results/screens', import.meta.url))

/**
 * Presses a reason dialog's confirm button and waits until the dialog has closed, which it does
 * only once the backend has recorded the change. A press that lands while the dialog is still
 * zooming in can be lost, so it is pressed again while the dialog stays open; a second press
 * cannot repeat the change: the button is loading while the first is on its way, and disabled
 * (its reason cleared) once it is done.
 */
export async function confirmDialog(confirm: Locator): Promise<void> {
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.click({ timeout: 2000 })
    await expect(confirm).toBeHidden({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
}

/**
 * Waits until every toast ("saved", "linked"…) has gone, so a screenshot shows the screen and
 * not a toast over it. Each stays 3 s after the one before it and pauses while the pointer is on
 * it, so a few in a row on a loaded machine take longer than one expect's default wait.
 */
export async function toastsGone(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 30_000 })
}

/** A 1440×900 screenshot for people to look at, with transitions finished so no half-faded state is captured. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, name), animations: 'disabled' })
}

export interface ChooseOptions {
  /** typed into the select's search box first (a select with `showSearch`) */
  search?: string
  /** a CSS selector the option holds, when its text alone is not what to pick */
  has?: string
  /**
   * an element that is there once the choice is taken (a multiple select's list of choices); by
   * default, the select shows `option`. Checked before every try, so a retry never toggles a
   * multiple select's choice off again.
   */
  chosen?: Locator
}

/**
 * Chooses the option of an antd Select whose text contains (or matches) `option`, and waits
 * until the choice is taken. A click that lands while the dropdown is still opening (its width
 * not yet measured) is lost, and so is text typed before the search box has focus, so the whole
 * choice is tried again until it is taken: waiting on the state, not on time. The dropdown is
 * found by the select's own list id, never by "whichever dropdown is visible": the previous
 * select's may still be fading out.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string | RegExp,
  { search, has, chosen }: ChooseOptions = {},
): Promise<void> {
  const input = select.locator('input').first()
  const id = await input.getAttribute('id')
  if (!id) throw new Error(`the select holding "${String(option)}" has no input id to find its dropdown by`)
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${id}_list"])`)
  let options = dropdown.locator('.ant-select-item-option').filter({ hasText: option })
  if (has) options = options.filter({ has: page.locator(has) })
  const shows = (text: string) => (typeof option === 'string' ? text.includes(option) : option.test(text))
  const taken = async () => (chosen ? (await chosen.count()) > 0 : shows((await select.textContent()) ?? ''))
  await expect(async () => {
    if (await taken()) return
    if (!(await dropdown.isVisible())) await select.click({ timeout: 2000 })
    if (search !== undefined) await input.fill(search, { timeout: 2000 })
    await options.first().click({ timeout: 2000 })
    await expect.poll(taken, { timeout: 1000 }).toBe(true)
  }).toPass({ timeout: 15_000 })
}
