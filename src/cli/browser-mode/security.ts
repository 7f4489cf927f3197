import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export const TOKEN_COOKIE = 'evidesk_token'
export const TOKEN_HEADER = 'x-evidesk-token'

/** 32 random bytes, base64url: unguessable, and safe in a URL, a cookie and a header without escaping. */
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

/** The value of one cookie from a Cookie header, or undefined; malformed pairs are skipped. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** The token a request carries after the first navigation: the cookie, or the header for scripts and tests. */
export function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER]
  if (typeof header === 'string' && header) return header
  return readCookie(req.headers.cookie, TOKEN_COOKIE)
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
