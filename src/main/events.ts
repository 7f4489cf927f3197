import type { BrowserWindow } from 'electron'

/**
 * The one main → renderer channel. The preload delivers `{ event, payload }` to listeners
 * registered with `window.api.onEvent(event, cb)`; keep the name in step with src/preload/index.ts.
 */
export const EVENT_CHANNEL = 'evidesk:event'

/** Pushes a named event (progress, case changes) to the window, if it is still there. */
export function sendEvent(win: BrowserWindow | null, event: string, payload: unknown): void {
  if (!win || win.isDestroyed()) return
  win.webContents.send(EVENT_CHANNEL, { event, payload })
}
