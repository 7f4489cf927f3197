import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests: the built renderer (out/renderer, from `electron-vite build`) in Debian's
 * Chromium, against the real handlers behind the browser-mode server, one fresh data folder per
 * test. Never a downloaded browser: there is no internet on the build machines.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  workers: 2,
  retries: 0,
  reporter: 'list',
  // generous: CI machines have two cores, shared with the build
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/lib/chromium/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
