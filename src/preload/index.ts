/**
 * The sandboxed preload: the only bridge between the page and the main process. It exposes one
 * named method per channel of the contract, and an event subscription; never `ipcRenderer`
 * itself, and never the IPC event object (its `sender` would be ipcRenderer again).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENT_CHANNEL, methodName } from '../shared/api'

type Invoke = (input?: unknown) => Promise<unknown>
type Listener = (payload: unknown) => void

const api: Record<string, Invoke | ((event: string, cb: Listener) => () => void)> = {}

for (const channel of CHANNELS) {
  // One argument only: nothing else the page passes reaches the main process.
  api[methodName(channel)] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {})
}

api.onEvent = (event: string, cb: Listener): (() => void) => {
  if (typeof event !== 'string' || typeof cb !== 'function')
    throw new TypeError('onEvent(name: string, callback: function)')
  const listener = (_e: IpcRendererEvent, message: { event?: unknown; payload?: unknown }) => {
    if (message && message.event === event) cb(message.payload)
  }
  ipcRenderer.on(EVENT_CHANNEL, listener)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener)
  }
}

// Dropped files: a page only sees File objects; their paths come from Electron, one file at a time.
;(api as Record<string, unknown>).pathForFile = (file: File): string => webUtils.getPathForFile(file)

contextBridge.exposeInMainWorld('api', Object.freeze(api))
