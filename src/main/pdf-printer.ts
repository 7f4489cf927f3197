/**
 * Prints transfer documents to PDF in Electron: a hidden window in its own in-memory session,
 * JavaScript off, every request but the document itself refused, then `webContents.printToPDF`.
 */
import { BrowserWindow, session } from 'electron'
import type { PdfPrinter } from '../core/documents/pdf-printer'
import { EvidenceError } from '../core/errors'

const PARTITION = 'evidesk-pdf-printer'

export function electronPdfPrinter(): PdfPrinter {
  let prepared = false
  const printSession = () => {
    const ses = session.fromPartition(PARTITION, { cache: false })
    if (!prepared) {
      prepared = true
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
      ses.setPermissionCheckHandler(() => false)
      // The document is self-contained: only its own data: URL may load, nothing leaves the machine.
      ses.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !details.url.startsWith('data:') })
      })
    }
    return ses
  }

  return {
    async print(html, signal) {
      if (signal?.aborted) throw new EvidenceError('cancelled', 'Printing was cancelled.')
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          session: printSession(),
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      })
      const abort = () => {
        if (!win.isDestroyed()) win.destroy()
      }
      signal?.addEventListener('abort', abort, { once: true })
      try {
        win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
        win.webContents.on('will-navigate', (e) => e.preventDefault())
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        })
        return Buffer.from(pdf)
      } catch (err) {
        if (signal?.aborted) throw new EvidenceError('cancelled', 'Printing was cancelled.')
        throw err
      } finally {
        signal?.removeEventListener('abort', abort)
        abort()
      }
    },
    async close() {
      // windows are closed after each print; nothing stays open
    },
  }
}
