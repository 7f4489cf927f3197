/**
 * The renderer's only way to the backend. In Electron the sandboxed preload exposes one named
 * method per channel as `window.api`; in browser mode the same channels go over HTTP to the
 * local server (POST /api/invoke).
 *
 * Browser mode's credential is never a cookie (a cookie for 127.0.0.1 reaches every port there).
 * The link `evidesk serve` prints carries a one-time code in its fragment; the page trades it
 * for a session, keeps that in sessionStorage (this tab only; it dies with the server) and sends
 * its token only in a header. Media and the event stream carry the session's read key instead.
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

interface BrowserSession {
  token: string
  readKey: string
}

const SESSION_STORE = 'evidesk-session'
const NOT_AUTHORISED: ApiError = {
  code: 'not-supported',
  message:
    'This page has no session. Open the link that `evidesk serve` printed (each link opens one page; the terminal gives a new one).',
}

let session: BrowserSession | null = null
let sessionPending: Promise<BrowserSession | null> | null = null

function storedSession(): BrowserSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_STORE) ?? 'null') as BrowserSession | null
    return s && typeof s.token === 'string' && typeof s.readKey === 'string' ? s : null
  } catch {
    return null
  }
}

/** This page's session: kept from before a reload, or traded for the link's one-time code. */
function browserSession(): Promise<BrowserSession | null> {
  if (session) return Promise.resolve(session)
  sessionPending ??= (async () => {
    const code = /(?:^#|&)code=([A-Za-z0-9_-]{1,128})/.exec(location.hash)?.[1]
    // the code is spent either way: it leaves the address bar (and what history keeps of it) now
    if (code) history.replaceState(history.state, '', location.pathname + location.search)
    const kept = storedSession()
    if (kept && !code) return (session = kept)
    if (!code) return null
    try {
      const r = await fetch('./api/session', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      })
      const result = (await r.json()) as Result<BrowserSession>
      if (!result.ok) return kept ? (session = kept) : null
      sessionStorage.setItem(SESSION_STORE, JSON.stringify(result.value))
      return (session = result.value)
    } catch {
      return kept ? (session = kept) : null
    }
  })()
  return sessionPending
}

async function post(path: string, body: unknown): Promise<Result<unknown>> {
  const s = await browserSession()
  if (!s) return { ok: false, error: NOT_AUTHORISED }
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Evidesk-Token': s.token },
      body: JSON.stringify(body),
    })
  } catch (e) {
    return {
      ok: false,
      error: {
        // not a file problem: the server behind the page is gone (issue 15)
        code: 'connection-lost',
        message: 'The Evidence Desk server is not reachable. Is `evidesk serve` still running?',
        detail: String(e),
      },
    }
  }
  if (response.status === 401) {
    // a session of a server that has stopped since: forget it
    sessionStorage.removeItem(SESSION_STORE)
    return { ok: false, error: NOT_AUTHORISED }
  }
  if (response.status === 403 && !(response.headers.get('content-type') ?? '').includes('json'))
    return { ok: false, error: NOT_AUTHORISED }
  return (await response.json()) as Result<unknown>
}

function viaHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  return post('./api/invoke', { channel, input })
}

/**
 * Browser mode: tells the server these paths were chosen by the user in the in-app browser, the
 * only places browser mode then reads and writes (never the app's data folder). Electron: nothing
 * to do, the OS dialog chose them.
 */
export async function chooseInBrowser(paths: string[]): Promise<void> {
  if (window.api || paths.length === 0) return
  const result = await post('./api/choose', { paths })
  if (!result.ok) throw new ApiCallError(result.error)
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

/** One EventSource for the page, opened on first use once the page has a session (browser mode). */
let eventSource: Promise<EventSource | null> | null = null

/**
 * Subscribes to an event the backend pushes (import progress, case changes); returns the
 * unsubscribe function. Electron: through the preload; browser mode: Server-Sent Events.
 */
export function onApiEvent<E extends ApiEventName>(
  event: E,
  cb: (payload: ApiEvents[E]) => void,
): () => void {
  if (window.api?.onEvent) return window.api.onEvent(event, (p) => cb(p as ApiEvents[E]))
  eventSource ??= browserSession().then((s) =>
    s ? new EventSource(`./api/events?k=${encodeURIComponent(s.readKey)}`) : null,
  )
  const listener = (e: MessageEvent<string>) => cb(JSON.parse(e.data) as ApiEvents[E])
  let source: EventSource | null = null
  let unsubscribed = false
  void eventSource.then((es) => {
    if (unsubscribed || !es) return
    source = es
    es.addEventListener(event, listener as EventListener)
  })
  return () => {
    unsubscribed = true
    source?.removeEventListener(event, listener as EventListener)
  }
}

export type MediaRole = 'original' | DerivedRole

/** The URL of an item's original or derived file in the open case (evidence:// in Electron). */
export function mediaUrl(itemId: string, role: MediaRole): string {
  if (window.api) return `evidence://media/${itemId}/${role}`
  // <img> and <video> cannot send headers: the session's read key opens media (see above)
  return `./media/${itemId}/${role}?k=${encodeURIComponent(session?.readKey ?? '')}`
}
