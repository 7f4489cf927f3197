import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Browser mode's credential never rides on a cookie. Cookies are scoped by host, not by port, so a
 * cookie set by 127.0.0.1:<this port> would be sent to any other server on 127.0.0.1 (issue 11,
 * item 1). Instead:
 * - the link printed by `evidesk serve` carries a one-time code in its fragment (`/#code=…`), which
 *   never reaches a server log and is dead once the page has exchanged it (item 13);
 * - the page trades it (POST /api/session) for a session token it keeps in sessionStorage and sends
 *   only in the `X-Evidesk-Token` header, which a browser never adds by itself to any request;
 * - media elements and the event stream cannot send headers, so they carry the session's read key
 *   (`?k=…`), which opens the open case's media and progress events and nothing else.
 * Sessions live in the server's memory only and die with it.
 */
export const TOKEN_HEADER = 'x-evidesk-token'
export const READ_KEY_PARAM = 'k'

/** 32 random bytes, base64url: unguessable, and safe in a URL and a header without escaping. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the length of the
 * expected token nor where a guess first differs shows in the timing.
 */
export function tokenMatches(candidate: string | undefined | null, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1024) return false
  const a = createHash('sha256').update(candidate).digest()
  const b = createHash('sha256').update(token).digest()
  return timingSafeEqual(a, b)
}

/** How long an unused link stays good: long enough to click it, short enough not to linger. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000

export interface BrowserSession {
  token: string
  readKey: string
}

/**
 * One-time link codes and the sessions they were exchanged for. A code works once, within
 * LINK_CODE_TTL_MS; a session works until the server stops.
 */
export class SessionBook {
  private readonly codes = new Map<string, number>()
  private readonly sessions: BrowserSession[] = []

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh one-time code for a link. */
  newCode(): string {
    const code = newToken()
    this.codes.set(code, this.now() + LINK_CODE_TTL_MS)
    return code
  }

  /** Trades a code for a new session; null when the code is unknown, used or expired. */
  exchange(candidate: unknown): BrowserSession | null {
    if (typeof candidate !== 'string') return null
    for (const [code, expires] of this.codes) {
      if (!tokenMatches(candidate, code)) continue
      this.codes.delete(code)
      if (expires < this.now()) return null
      const session = { token: newToken(), readKey: newToken() }
      this.sessions.push(session)
      return session
    }
    return null
  }

  /** Whether the X-Evidesk-Token header names a session of this run. */
  hasToken(req: IncomingMessage): boolean {
    const header = req.headers[TOKEN_HEADER]
    const candidate = typeof header === 'string' ? header : undefined
    return this.sessions.some((s) => tokenMatches(candidate, s.token))
  }

  /** Whether the query's read key (media, event stream) belongs to a session of this run. */
  hasReadKey(query: URLSearchParams): boolean {
    const candidate = query.get(READ_KEY_PARAM)
    return this.sessions.some((s) => tokenMatches(candidate, s.readKey))
  }

  get openSessions(): number {
    return this.sessions.length
  }
}

/**
 * Only the names this server is reachable under on the loopback interface. Any other Host means
 * the browser was pointed here through another name, the signature of a DNS-rebinding attack.
 */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  const host = hostHeader.toLowerCase()
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/**
 * A cross-origin page may send simple requests to 127.0.0.1 even though it cannot read the answer;
 * refuse any API call a browser labels as coming from another origin.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${req.headers.host?.toLowerCase()}`) return false
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  return true
}

/** antd writes inline styles, hence 'unsafe-inline' for styles only; scripts come from our own files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers every response carries, errors included. No CORS headers, ever. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}
