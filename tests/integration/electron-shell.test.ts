/**
 * Build-level checks of the Electron shell that need no Electron binary: what electron-vite
 * produced for main and preload, and the import boundaries of the source.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, methodName } from '../../src/shared/api'
// Type-only imports of electron: these functions run under plain Node.
import { contentSecurityPolicy, makeAppUrlCheck, makeSenderCheck } from '../../src/main/security'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = join(ROOT, 'out/main/index.js')
const PRELOAD = join(ROOT, 'out/preload/index.cjs')

let main: string
let preload: string

function newestSource(): number {
  return Math.max(
    ...['src/main', 'src/preload', 'src/shared'].flatMap(sourceFiles).map((f) => statSync(f).mtimeMs),
  )
}

beforeAll(() => {
  // Build when there is no build, or when it is older than the code it was built from.
  if (
    !existsSync(MAIN) ||
    !existsSync(PRELOAD) ||
    Math.min(statSync(MAIN).mtimeMs, statSync(PRELOAD).mtimeMs) < newestSource()
  ) {
    const cli = join(
      dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
      'bin',
      'electron-vite.js',
    )
    const build = spawnSync(process.execPath, [cli, 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    })
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)
  }
  main = readFileSync(MAIN, 'utf8')
  preload = readFileSync(PRELOAD, 'utf8')
}, 300_000)

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

function importsOf(file: string): string[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2])
}

describe('preload bundle', () => {
  it('is one CommonJS file whose only require is electron (a sandboxed preload can load nothing else)', () => {
    expect(readdirSync(join(ROOT, 'out/preload'))).toEqual(['index.cjs'])
    const required = new Set(
      [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]),
    )
    expect([...required]).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s[^(]/m)
    expect(preload).not.toMatch(/\bimport\(/)
  })

  it('exposes window.api once and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\(\s*["']api["']/)
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
  })

  it('carries every channel of the contract', () => {
    for (const channel of CHANNELS) expect(preload, channel).toContain(`"${channel}"`)
  })
})

describe('main bundle', () => {
  it('is an ES module that keeps electron and the native module external', () => {
    expect(main).toMatch(/^import\s.*\bfrom\s+"electron";?$/m)
    expect(main).toMatch(/from\s+"better-sqlite3"/)
    expect(main).not.toMatch(/^\s*(const|var|let)\s+\w+\s*=\s*require\(\s*"electron"\s*\)/m)
  })

  it('creates the window sandboxed and isolated, with the built preload', () => {
    for (const setting of [
      /sandbox:\s*(true|!0)/,
      /contextIsolation:\s*(true|!0)/,
      /nodeIntegration:\s*(false|!1)/,
      /webSecurity:\s*(true|!0)/,
      /webviewTag:\s*(false|!1)/,
    ]) {
      expect(main).toMatch(setting)
    }
    expect(main).not.toMatch(
      /sandbox:\s*(false|!1)|contextIsolation:\s*(false|!1)|nodeIntegration:\s*(true|!0)|webSecurity:\s*(false|!1)/,
    )
    expect(main).toContain('../preload/index.cjs')
    expect(main).toContain('enableSandbox()')
  })

  it('denies new windows, foreign navigation and every permission, and sets a CSP from nothing', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: "deny" \}\)\)/)
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'])
      expect(main).toContain(`"${event}"`)
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\) => callback\(false\)\)/)
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/)
    expect(main).toContain(`"default-src 'none'"`)
    expect(main).toContain('requestSingleInstanceLock()')
  })

  it('registers IPC through the contract and checks the sender frame', () => {
    expect(main).toMatch(/ipcMain\.handle\(channel,/)
    expect(main).toContain('senderFrame')
    expect(main).toMatch(/\.dispatch\(channel, input\)/)
  })
})

describe('layer boundaries in the source', () => {
  it('the preload imports only electron and shared code', () => {
    for (const file of sourceFiles('src/preload')) {
      for (const spec of importsOf(file))
        expect(spec === 'electron' || spec.startsWith('../shared/'), `${file}: ${spec}`).toBe(true)
    }
  })

  it('the command line never imports electron', () => {
    for (const file of sourceFiles('src/cli')) {
      for (const spec of importsOf(file))
        expect(spec, file).not.toMatch(/^electron(\/|$)|\/main\/|\/preload\//)
    }
  })

  it('every channel has a distinct preload method name', () => {
    const names = CHANNELS.map(methodName)
    expect(new Set(names).size).toBe(names.length)
    expect(names).not.toContain('onEvent')
  })
})

describe('main-process security rules (pure functions, no Electron needed)', () => {
  const index = join(ROOT, 'out', 'renderer dir 证据', 'index.html')
  const appUrl = pathToFileURL(index).href
  const isAppUrl = makeAppUrlCheck(index, null)

  it('accepts only the renderer document, whatever its route', () => {
    expect(isAppUrl(appUrl)).toBe(true)
    expect(isAppUrl(appUrl + '#/cases/1')).toBe(true)
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      pathToFileURL(join(ROOT, 'out', 'renderer dir 证据', 'other.html')).href,
      appUrl.replace('file://', 'file://fileserver'),
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false)
    }
  })

  it('accepts only the dev server origin in dev', () => {
    const dev = makeAppUrlCheck(index, 'http://localhost:5173/')
    expect(dev('http://localhost:5173/#/x')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(dev(appUrl)).toBe(false)
  })

  it('answers IPC only from the main window top frame showing the app', () => {
    const top = { frameToken: 't1', processId: 1, parent: null, detached: false, url: appUrl }
    const contents = { mainFrame: top }
    const win = { isDestroyed: () => false, webContents: contents } as unknown as BrowserWindow
    const check = makeSenderCheck(() => win, isAppUrl)
    const event = (senderFrame: unknown, sender: unknown = contents) =>
      ({ senderFrame, sender }) as unknown as IpcMainInvokeEvent
    expect(check(event(top))).toBe(true)
    expect(check(event({ ...top }))).toBe(true)
    expect(check(event({ ...top, frameToken: 't2', parent: top }))).toBe(false)
    expect(check(event({ ...top, url: 'https://evil.example/' }))).toBe(false)
    expect(check(event(null))).toBe(false)
    expect(check(event(top, {}))).toBe(false)
    expect(makeSenderCheck(() => null, isAppUrl)(event(top))).toBe(false)
  })

  it('builds the CSP from nothing, strict outside dev', () => {
    const csp = contentSecurityPolicy(null)
    expect(csp.startsWith("default-src 'none'")).toBe(true)
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })
})
