import type { BrowserWindow, IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The window's CSP. It starts from nothing and allows only the app's own files, plus inline styles
 * (antd writes them) and data:/blob: images and media (thumbnails, object URLs). The dev server
 * needs inline scripts and its websocket for hot reload, and gets them only in dev.
 */
export function contentSecurityPolicy(devServer: string | null): string {
  const dev = devServer ? new URL(devServer) : null
  return [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // evidence: serves thumbnails, originals and proxies of the open case (see evidence-protocol.ts)
    "img-src 'self' data: blob: evidence:",
    "media-src 'self' blob: evidence:",
    "font-src 'self' data:",
    dev ? `connect-src 'self' evidence: ws://${dev.host}` : "connect-src 'self' evidence:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * True for the app's own document: the built index.html (any #route or ?query), or the dev server's
 * origin in dev. File URLs are compared as paths, so percent-encoding (spaces, a Chinese user name)
 * and, on Windows, the drive letter's case cannot make the app's own page look foreign.
 */
export function makeAppUrlCheck(rendererIndex: string, devServer: string | null): (url: string) => boolean {
  const devOrigin = devServer ? new URL(devServer).origin : null
  const fold = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p)
  const expected = fold(resolve(rendererIndex))
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    if (devOrigin) return parsed.origin === devOrigin
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false
    try {
      return fold(resolve(fileURLToPath(parsed))) === expected
    } catch {
      return false
    }
  }
}

/** IPC is answered only for the main window's top frame while it shows the app's document. */
export function makeSenderCheck(
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const win = getWindow()
    const frame = event.senderFrame
    if (!win || win.isDestroyed() || !frame || frame.detached) return false
    if (event.sender !== win.webContents) return false
    const top = win.webContents.mainFrame
    // WebFrameMain wrappers are not guaranteed to be the same object; the token and process identify the frame.
    if (frame !== top && !(frame.frameToken === top.frameToken && frame.processId === top.processId))
      return false
    if (frame.parent !== null) return false
    return isAppUrl(frame.url)
  }
}

/** Refuses every permission (camera, notifications, …) and stamps the CSP on every document the session loads. */
export function hardenSession(ses: Session, csp: string): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    // The policy governs documents; the page's scripts and images fall under its document's policy.
    if (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame')
      headers['Content-Security-Policy'] = [csp]
    headers['X-Content-Type-Options'] = ['nosniff']
    callback({ responseHeaders: headers })
  })
}

/**
 * No new windows, no webviews, and no navigation away from the app's own document: a link in an
 * imported document, a dropped file or a redirect cannot turn the window into a browser.
 */
export function lockDownContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
}
