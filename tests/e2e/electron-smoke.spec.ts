/**
 * Smoke test of the real desktop shell. It needs the Electron runtime binary, which cannot be
 * downloaded on the build machines: there the test reports itself skipped, with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = join(ROOT, 'out/main/index.js')

/** The binary's path, found without loading the electron package (that would try to download it). */
function electronBinary(): string | null {
  const pkg = createRequire(import.meta.url).resolve('electron/package.json')
  const pathTxt = join(dirname(pkg), 'path.txt')
  if (!existsSync(pathTxt)) return null
  const relative = readFileSync(pathTxt, 'utf8').trim()
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(dirname(pkg), 'dist', relative)
  return existsSync(binary) ? binary : null
}

test('the desktop app opens its window and closes', async () => {
  const binary = electronBinary()
  test.skip(binary === null, 'Electron binary not installed on this machine (cannot be downloaded here)')
  expect(existsSync(MAIN), 'run `npx electron-vite build` first').toBe(true)

  const dataDir = mkdtempSync(join(tmpdir(), 'evidesk-electron-smoke-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [MAIN, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, EVIDESK_DATA_DIR: dataDir },
  })
  try {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle(/证据工作台|Evidence Desk/)
    // The page sees the preload's API and nothing of Node.
    const shape = await page.evaluate(() => ({
      api: typeof (globalThis as unknown as { api?: Record<string, unknown> }).api?.appInfo,
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }))
    expect(shape).toEqual({ api: 'function', require: 'undefined', process: 'undefined' })
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
