/**
 * The renderer's only way to the backend. In Electron the sandboxed preload exposes one named
 * method per channel as `window.api`; in browser mode the same channels go over HTTP to the
 * local server (POST /api/invoke, authenticated by the per-run token cookie the server set
 * when the page was first opened with ?token=…).
 */
import type { ApiEventName, ApiEvents, ApiInput, ApiOutput, Channel, EvideskApi } from '../../shared/api'
import { methodName } from '../../shared/api'
import type { ApiError, Result } from '../../shared/errors'
import type { DerivedRole } from '../../shared/types'

type PreloadApi = Record<string, (input: unknown) => Promise<Result<unknown>>> & {
  onEvent?: (event: string, cb: (payload: unknown) => void) => () => void
  /** Electron only: the real path of a dropped file ('' when it has none) */
  pathForFile?: (file: File) => string
}

declare global {
  interface Window {
    api?: PreloadApi
  }
}

/** An ok:false result, thrown so callers can `try/await`; `error` keeps the code, fields and detail. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

async function viaHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch('./api/invoke', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    })
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'io-error',
        message: 'The Evidence Desk server is not reachable. Is `npm run serve` still running?',
        detail: String(e),
      },
    }
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      error: {
        code: 'not-supported',
        message:
          'This page is not authorised. Open the link that `npm run serve` printed (it carries the access token).',
      },
    }
  }
  return (await response.json()) as Result<unknown>
}

export const transport: 'electron' | 'browser' =
  typeof window !== 'undefined' && window.api ? 'electron' : 'browser'

export const api: EvideskApi = {
  async invoke<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>> {
    const result = window.api ? await window.api[methodName(channel)](input) : await viaHttp(channel, input)
    if (!result.ok) throw new ApiCallError(result.error)
    return result.value as ApiOutput<C>
  },
}

/** One EventSource for the page, opened on first use (browser mode). */
let eventSource: EventSource | null = null

/**
 * Subscribes to an event the backend pushes (import progress, case changes); returns the
 * unsubscribe function. Electron: through the preload; browser mode: Server-Sent Events.
 */
export function onApiEvent<E extends ApiEventName>(
  event: E,
  cb: (payload: ApiEvents[E]) => void,
): () => void {
  if (window.api?.onEvent) return window.api.onEvent(event, (p) => cb(p as ApiEvents[E]))
  eventSource ??= new EventSource('./api/events', { withCredentials: true })
  const listener = (e: MessageEvent<string>) => cb(JSON.parse(e.data) as ApiEvents[E])
  eventSource.addEventListener(event, listener as EventListener)
  return () => eventSource?.removeEventListener(event, listener as EventListener)
}

export type MediaRole = 'original' | DerivedRole

/** The URL of an item's original or derived file in the open case (evidence:// in Electron). */
export function mediaUrl(itemId: string, role: MediaRole): string {
  return window.api ? `evidence://media/${itemId}/${role}` : `./media/${itemId}/${role}`
}
