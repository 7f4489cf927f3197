/**
 * Browser mode: the same handlers as the desktop app, behind a small HTTP server on the loopback
 * interface, for machines where the Electron runtime is not installed.
 *
 * Every request must pass, in order: the Host check (DNS rebinding), the per-run token (any other
 * local user or web page), and for the API an Origin check (cross-site requests). See security.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { realpath } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { Backend } from '../../core/api/backend'
import type { Result } from '../../shared/errors'
import { mediaResponse, parseMediaPath } from '../../core/api/media-response'
import { EventStream, type EventBroadcaster } from './event-stream'
import { mimeType, openStatic } from './static-files'
import {
  TOKEN_COOKIE,
  hostAllowed,
  newToken,
  originAllowed,
  requestToken,
  setSecurityHeaders,
  tokenMatches,
} from './security'

export type { EventBroadcaster } from './event-stream'

export interface BrowserServerOptions {
  backend: Backend
  /** the built renderer (out/renderer) */
  rendererDir: string
  /** 0 (the default) picks a free port */
  port?: number
  host?: '127.0.0.1'
}

export interface BrowserServer extends EventBroadcaster {
  /** the address to open, with the token: http://127.0.0.1:<port>/?token=… */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 1024 * 1024

const UNAUTHORISED_TEXT = [
  'Evidence Desk: this page needs its access link.',
  'Open the link that `npm run serve` printed in the terminal (it ends with ?token=…).',
  '',
  '证据工作台：需要访问链接。请打开 `npm run serve` 在终端中输出的链接（以 ?token=… 结尾）。',
  '',
].join('\n')

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function sendText(res: ServerResponse, status: number, text: string, head = false): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(head ? undefined : text)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(body)
}

/** A transport-level refusal shaped like an API result, so the renderer shows it like any other error. */
function sendApiError(res: ServerResponse, status: number, message: string): void {
  const result: Result<never> = { ok: false, error: { code: 'invalid-input', message } }
  sendJson(res, status, result)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES)
    throw new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1'
  if (host !== '127.0.0.1') throw new Error('Browser mode listens on 127.0.0.1 only.')
  const rootReal = await realpath(opts.rendererDir)
  const token = newToken()
  const events = new EventStream()
  let port = 0

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!originAllowed(req)) return sendText(res, 403, 'Forbidden: cross-origin request.')
    if (path === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed.')
      events.attach(res)
      return
    }
    if (path !== '/api/invoke') return sendApiError(res, 404, `No API endpoint ${path}.`)
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendApiError(res, 405, 'Use POST for /api/invoke.')
    }
    // Requiring JSON also forces a CORS preflight on any cross-site attempt, which this server never answers.
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/json')
      return sendApiError(res, 415, 'Send the request as Content-Type: application/json.')
    let body: Buffer
    try {
      body = await readBody(req)
    } catch (e) {
      if (e instanceof HttpError) {
        res.setHeader('Connection', 'close')
        return sendApiError(res, e.status, e.message)
      }
      throw e
    }
    let message: unknown
    try {
      message = JSON.parse(body.toString('utf8'))
    } catch {
      return sendApiError(res, 400, 'The request body is not valid JSON.')
    }
    if (
      !message ||
      typeof message !== 'object' ||
      typeof (message as { channel?: unknown }).channel !== 'string'
    ) {
      return sendApiError(res, 400, 'The request must be a JSON object {"channel": string, "input": …}.')
    }
    const { channel, input } = message as { channel: string; input?: unknown }
    sendJson(res, 200, await opts.backend.dispatch(channel, input))
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed.')
    }
    const found = await openStatic(rootReal, path)
    if (!found.ok)
      return sendText(
        res,
        found.status,
        found.status === 404 ? 'Not found.' : 'Refused: this path is not allowed.',
      )
    res.statusCode = 200
    res.setHeader('Content-Type', mimeType(found.path))
    res.setHeader('Content-Length', found.stat.size)
    // The page carries nothing secret, but it must not outlive the run's token in a cache either.
    res.setHeader('Cache-Control', found.path.endsWith('.html') ? 'no-store' : 'no-cache')
    if (req.method === 'HEAD') {
      await found.file.close()
      res.end()
      return
    }
    // pipeline closes the file when the browser goes away mid-transfer; pipe() would leak it.
    await pipeline(found.file.createReadStream(), res).catch(() => res.destroy())
  }

  /** Originals and derived files of the open case only, by item id and role; Range for video seeking. */
  async function handleMedia(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed.')
    }
    const parsed = parseMediaPath(path)
    const file = parsed && opts.backend.mediaFile(parsed.itemId, parsed.role)
    if (!file) return sendText(res, 404, 'Not found.')
    const media = await mediaResponse(
      file.path,
      file.mime,
      req.headers.range,
      req.method === 'HEAD',
      file.slice,
      file.guard,
    )
    res.statusCode = media.status
    for (const [k, v] of Object.entries(media.headers)) res.setHeader(k, v)
    if (!media.body) return void res.end()
    await pipeline(media.body, res).catch(() => res.destroy())
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 403, 'Forbidden: unexpected Host header.')
    const url = req.url ?? ''
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1))

    // The first navigation: trade the token in the link for a cookie, and drop it from the address bar.
    if (path === '/' && query.has('token') && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!tokenMatches(query.get('token'), token))
        return sendText(res, 401, UNAUTHORISED_TEXT, req.method === 'HEAD')
      res.statusCode = 303
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
      res.setHeader('Location', '/')
      res.setHeader('Cache-Control', 'no-store')
      res.end()
      return
    }
    if (!tokenMatches(requestToken(req), token))
      return sendText(res, 401, UNAUTHORISED_TEXT, req.method === 'HEAD')

    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path)
    if (path.startsWith('/media/')) return handleMedia(req, res, path)
    return handleStatic(req, res, path)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Never leak a stack trace to the page; the terminal gets it.
      process.stderr.write(
        `evidesk serve: request ${req.method} ${req.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      )
      if (res.headersSent) res.destroy()
      else sendText(res, 500, 'Internal error. See the terminal running `npm run serve`.')
    })
  })
  // Slow or stalled senders must not pin connections open.
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen({ port: opts.port ?? 0, host, exclusive: true }, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port
  // Progress and case changes the backend pushes go to every open page.
  const unsubscribe = opts.backend.onEvent((event, payload) => events.broadcast(event, payload))

  let closing: Promise<void> | null = null
  return {
    url: `http://${host}:${port}/?token=${token}`,
    token,
    port,
    broadcast: (event, payload) => events.broadcast(event, payload),
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        unsubscribe()
        events.closeAll()
        server.close(() => resolveClose())
        // Idle keep-alive sockets would otherwise hold close() open for seconds.
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 1000).unref()
      })
      return closing
    },
  }
}
