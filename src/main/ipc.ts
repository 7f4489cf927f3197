import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Backend } from '../core/api/backend'
import { CHANNELS } from '../shared/api'
import type { Result } from '../shared/errors'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'not-supported', message: 'Refused: the call did not come from the Evidence Desk window.' },
}

/**
 * One `ipcMain.handle` per channel of the contract, each routed to the backend, which parses the
 * input with the channel's schema. Calls from any frame other than the app window's own top frame
 * are dropped (electron/fiddle does the same): an injected iframe or a navigated page gets nothing.
 * Returns a function that removes the handlers.
 */
export function registerIpc(backend: Backend, isTrustedSender: SenderCheck): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        console.warn(
          `evidence-desk: dropped IPC "${channel}" from ${event.senderFrame?.url ?? 'a destroyed frame'}`,
        )
        return REFUSED
      }
      return backend.dispatch(channel, input)
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
