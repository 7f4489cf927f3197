import type { BrowserWindow } from 'electron'
import { EVENT_CHANNEL } from '../shared/api'

/** Pushes a named event (progress, case changes) to the window, if it is still there. */
export function sendEvent(win: BrowserWindow | null, event: string, payload: unknown): void {
  if (!win || win.isDestroyed()) return
  win.webContents.send(EVENT_CHANNEL, { event, payload })
}
