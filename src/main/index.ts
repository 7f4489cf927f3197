/**
 * The Electron main process, kept thin: one window, the security settings, and the IPC bridge to
 * the same Backend that browser mode serves over HTTP. All domain logic lives in src/core.
 */
import { BrowserWindow, app, dialog, session } from 'electron'
import { resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { Backend } from '../core/api/backend'
import { PRELOAD_PATH, RENDERER_INDEX, devServerUrl } from './app-paths'
import { electronDialogs } from './dialogs'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { resolveNativeBinding } from './native-binding'
import { sendEvent } from './events'
import { handleEvidenceProtocol, registerEvidenceScheme } from './evidence-protocol'
import { safeStorageKeyProtector } from './key-protector'
import { electronPdfPrinter } from './pdf-printer'
import {
  contentSecurityPolicy,
  hardenSession,
  lockDownContents,
  makeAppUrlCheck,
  makeSenderCheck,
} from './security'

// Tests and portable setups point the app at their own data folder, as the CLI does.
if (process.env.EVIDESK_DATA_DIR) app.setPath('userData', resolve(process.env.EVIDESK_DATA_DIR))

// Every renderer sandboxed, whatever a future window forgets to say.
app.enableSandbox()
registerEvidenceScheme()

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

const devServer = devServerUrl(app.isPackaged)
const isAppUrl = makeAppUrlCheck(RENDERER_INDEX, devServer)

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Evidence Desk 证据工作台',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  if (devServer) void win.loadURL(devServer)
  else void win.loadFile(RENDERER_INDEX)
  return win
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, contentSecurityPolicy(devServer))
  installMenu()

  const binding = resolveNativeBinding(app.isPackaged)
  backend = new Backend({
    mode: 'electron',
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    dialogs: electronDialogs(() => mainWindow),
    nativeBinding: binding.problem ? undefined : binding.path,
    keyProtector: safeStorageKeyProtector(),
    pdf: electronPdfPrinter(),
  })
  registerIpc(
    backend,
    makeSenderCheck(() => mainWindow, isAppUrl),
  )
  backend.onEvent((event, payload) => sendEvent(mainWindow, event, payload))
  handleEvidenceProtocol(() => backend)
  mainWindow = createWindow()
  if (binding.problem) {
    // Not fatal: the profile and recent cases still work, but opening a case would fail obscurely.
    void dialog.showMessageBox(mainWindow, {
      type: 'warning',
      title: '证据工作台',
      message: '缺少为 Electron 编译的 SQLite 模块，暂时无法打开或新建案件。',
      detail: binding.problem,
    })
  }
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the same data folder and case locks: hand over to the first.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) mainWindow = createWindow()
  })
  let stopping = false
  app.on('before-quit', (event) => {
    if (stopping || !backend) return
    // Imports are cancelled and the case closed (releasing its lock) before the process goes.
    event.preventDefault()
    stopping = true
    // dispose() cancels imports and waits for them; a stuck one must not keep the app from quitting.
    Promise.race([backend.dispose(), delay(15_000)])
      .catch((err: unknown) => console.error('evidence-desk: error while closing the case', err))
      .finally(() => {
        backend = null
        app.quit()
      })
  })
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox(
        '证据工作台无法启动',
        err instanceof Error ? (err.stack ?? err.message) : String(err),
      )
      app.exit(1)
    })
}
