/**
 * Browser mode: the same handlers as the desktop app, behind a small HTTP server on the loopback
 * interface, for machines where the Electron runtime is not installed.
 *
 * Every request must pass the Host check (DNS rebinding). The page itself (the built renderer)
 * is public; the API needs a session token in a header, media and events the session's read key,
 * and the API also an Origin check (cross-site requests). Sessions come from one-time link codes;
 * no credential is ever a cookie (security.ts). Paths the page names are confined (path-policy.ts).
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
import { SessionBook, hostAllowed, originAllowed, setSecurityHeaders } from './security'
import { PathPolicy } from './path-policy'

export type { EventBroadcaster } from './event-stream'

export interface BrowserServerOptions {
  backend: Backend
  /** the built renderer (out/renderer) */
  rendererDir: string
  /** 0 (the default) picks a free port */
  port?: number
  host?: '127.0.0.1'
  /** called each time a link's code opened a session */
  onSessionOpened?: () => void
}

export interface BrowserServer extends EventBroadcaster {
  /** the first link to open: http://127.0.0.1:<port>/#code=<one-time code> */
  url: string
  /** a fresh one-time link (each opens one page session; a used or expired one opens nothing) */
  newLink(): string
  /** the page-less address, for messages: http://127.0.0.1:<port>/ */
  origin: string
  port: number
  /** sessions opened by links so far */
  readonly sessions: number
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 1024 * 1024

const UNAUTHORISED_TEXT = [
  'Evidence Desk: this needs a session opened with the access link.',
  'Open the link that `evidesk serve` printed in the terminal (it ends with #code=…); each link opens one page.',
  '',
  '证据工作台：需要用访问链接打开的会话。请打开 `evidesk serve` 在终端中输出的链接（以 #code=… 结尾）；每个链接只能打开一次。',
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
function sendApiError(
  res: ServerResponse,
  status: number,
  message: string,
  code: 'invalid-input' | 'not-supported' | 'path-not-chosen' = 'invalid-input',
): void {
  const result: Result<never> = { ok: false, error: { code, message } }
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
  const book = new SessionBook()
  const paths = new PathPolicy({
    dataDir: opts.backend.appData.dir,
    openCaseDir: () => (opts.backend.currentReview() ? null : (opts.backend.currentCase()?.dir ?? null)),
    reviewPackage: () => opts.backend.currentReview()?.packagePath ?? null,
    recentCases: () => opts.backend.appData.recent().map((r) => r.dir),
  })
  const events = new EventStream()
  let port = 0

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    if (!originAllowed(req)) return sendText(res, 403, 'Forbidden: cross-origin request.')
    if (path === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed.')
      // EventSource cannot send headers: the session's read key opens the stream
      if (!book.hasReadKey(query)) return sendText(res, 401, UNAUTHORISED_TEXT)
      events.attach(res)
      return
    }
    if (path !== '/api/invoke' && path !== '/api/session' && path !== '/api/choose')
      return sendApiError(res, 404, `No API endpoint ${path}.`)
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendApiError(res, 405, `Use POST for ${path}.`)
    }
    // the one request without a session: trading a link's one-time code for one
    if (path !== '/api/session' && !book.hasToken(req))
      return sendApiError(res, 401, UNAUTHORISED_TEXT, 'not-supported')
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
    if (!message || typeof message !== 'object')
      return sendApiError(res, 400, 'The request body must be a JSON object.')
    if (path === '/api/session') {
      const session = book.exchange((message as { code?: unknown }).code)
      if (!session)
        return sendApiError(
          res,
          401,
          'This access link was already used, has expired or is wrong. Each link opens one page; open the page you already have, or a new link from the terminal running `evidesk serve`.',
          'not-supported',
        )
      opts.onSessionOpened?.()
      return sendJson(res, 200, { ok: true, value: session })
    }
    if (path === '/api/choose') {
      const refusal = paths.choose((message as { paths?: unknown }).paths)
      if (refusal) return sendApiError(res, 403, refusal.message, refusal.code)
      return sendJson(res, 200, { ok: true, value: null })
    }
    if (typeof (message as { channel?: unknown }).channel !== 'string') {
      return sendApiError(res, 400, 'The request must be a JSON object {"channel": string, "input": …}.')
    }
    const { channel, input } = message as { channel: string; input?: unknown }
    const refusal = paths.check(channel, input)
    if (refusal) return sendJson(res, 200, { ok: false, error: refusal })
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
  async function handleMedia(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed.')
    }
    // <img> and <video> cannot send headers: the session's read key opens the open case's media
    if (!book.hasReadKey(query)) return sendText(res, 401, UNAUTHORISED_TEXT, req.method === 'HEAD')
    const parsed = parseMediaPath(path)
    const file = parsed && (await opts.backend.mediaFile(parsed.itemId, parsed.role))
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

    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path, query)
    if (path.startsWith('/media/')) return handleMedia(req, res, path, query)
    // the built page and its scripts hold nothing secret: served to whoever reaches this Host
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
  const origin = `http://${host}:${port}/`
  const newLink = () => `${origin}#code=${book.newCode()}`
  return {
    url: newLink(),
    newLink,
    origin,
    port,
    get sessions() {
      return book.openSessions
    },
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
