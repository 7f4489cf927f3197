import { execFileSync } from 'node:child_process'
import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import { exchangeLink, openSession, type TestSession } from '../support/browser-session'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, so Host, Origin and raw paths can be forged exactly. */
function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER'
let root: string
let server: BrowserServer
let backend: Backend
let session: TestSession

/** What the page sends: the session token in a header, never a cookie. */
function auth(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Evidesk-Token': session.token, ...extra }
}

function invoke(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server.port, {
    method: 'POST',
    path: '/api/invoke',
    headers: auth({ 'Content-Type': 'application/json', ...headers }),
    body: JSON.stringify({ channel, input }),
  })
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'evidesk-browser-mode-'))
  // The served folder sits next to files that must never be reachable from it.
  const renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><title>Evidence Desk</title><script type="module" src="./assets/app.js"></script>',
  )
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(renderer, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }))
  writeFileSync(join(root, 'secret.txt'), SECRET)
  mkdirSync(join(root, 'outside'))
  writeFileSync(join(root, 'outside', 'data.txt'), SECRET)
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'leak.txt'))
  symlinkSync(join(root, 'outside'), join(renderer, 'assets', 'linked-dir'))
  // A symlink that stays inside is fine: the rule is about where it leads.
  symlinkSync(join(renderer, 'assets', 'app.js'), join(renderer, 'assets', 'alias.js'))
  mkdirSync(join(root, 'data'))
  backend = new Backend({ mode: 'browser', dataDir: join(root, 'data'), version: '0.0.0-test' })
  server = await startBrowserServer({ backend, rendererDir: renderer })
  session = await openSession(server)
})

afterAll(async () => {
  await server?.close()
  await backend?.dispose()
  rmSync(root, { recursive: true, force: true })
})

describe('browser mode server', () => {
  it('prints a link with a one-time code in its fragment, never sent in a request line', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#code=[A-Za-z0-9_-]{43}$`))
    const a = server.newLink()
    expect(a).not.toBe(server.newLink())
  })

  it('serves the page itself to anyone on this Host, and nothing of the API, media or events without a session', async () => {
    const page = await send(server.port, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<title>Evidence Desk</title>')
    const js = await send(server.port, { path: '/assets/app.js' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await send(server.port, { path: '/assets/style.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    )
    expect((await send(server.port, { path: '/assets/missing.js' })).status).toBe(404)
    for (const path of ['/api/events', '/media/00000000-0000-4000-8000-000000000000/original']) {
      const r = await send(server.port, { path })
      expect(r.status, path).toBe(401)
      expect(r.body).toContain('evidesk serve')
    }
    const api = await send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { 'Content-Type': 'application/json' },
      body: '{"channel":"app:info"}',
    })
    expect(api.status).toBe(401)
  })

  it('sets no cookie, ever: nothing the browser would send to another server on 127.0.0.1 (issue 11, item 1)', async () => {
    const link = server.newLink()
    // the old way in, and every way in now
    const replies = [
      await send(server.port, { path: `/?token=${new URL(link).hash.slice(6)}` }),
      await send(server.port, { path: '/' }),
      await send(server.port, { path: '/api/events' }),
      await invoke('app:info', {}),
      await send(server.port, { path: `/api/events?k=${session.readKey}`, method: 'HEAD' }),
    ]
    for (const r of replies) expect(r.headers['set-cookie']).toBeUndefined()
    const exchanged = await exchangeLink(server, link)
    expect(exchanged.status).toBe(200)
    expect(exchanged.setCookie).toBeUndefined()
  })

  it('accepts the session only in its header: a cookie, a query or a wrong header opens nothing', async () => {
    const body = '{"channel":"profile:get"}'
    const call = (headers: Record<string, string>, path = '/api/invoke') =>
      send(server.port, {
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      })
    expect((await call({ Cookie: `evidesk_token=${session.token}` })).status).toBe(401)
    expect((await call({ Cookie: `x-evidesk-token=${session.token}` })).status).toBe(401)
    expect((await call({}, `/api/invoke?token=${session.token}`)).status).toBe(401)
    expect((await call({ 'X-Evidesk-Token': session.token.slice(1) })).status).toBe(401)
    // the read key opens media and events, never the API
    expect((await call({ 'X-Evidesk-Token': session.readKey })).status).toBe(401)
    expect((await call({}, `/api/invoke?k=${session.readKey}`)).status).toBe(401)
    expect((await call({ 'X-Evidesk-Token': session.token })).status).toBe(200)
  })

  it('a link opens one session: the same code again, or a made-up one, is refused (issue 11, item 13)', async () => {
    const link = server.newLink()
    const first = await exchangeLink(server, link)
    expect(first.status).toBe(200)
    const again = await exchangeLink(server, link)
    expect(again.status).toBe(401)
    expect(JSON.parse(again.body).error.message).toMatch(/already used/)
    expect((await exchangeLink(server, `${server.origin}#code=${'A'.repeat(43)}`)).status).toBe(401)
    // two sessions from two links are distinct, and both work
    const s1 = JSON.parse(first.body).value as TestSession
    expect(s1.token).not.toBe(session.token)
    expect((await invoke('app:info', {}, { 'X-Evidesk-Token': s1.token })).status).toBe(200)
  })

  it('puts the security headers on every response, errors included, and never CORS headers', async () => {
    for (const r of [
      await send(server.port, { path: '/' }),
      await send(server.port, { path: '/', headers: auth() }),
      await invoke('app:info', {}),
      await send(server.port, { path: '/', headers: { ...auth(), Host: 'evil.example' } }),
    ]) {
      const csp = String(r.headers['content-security-policy'])
      expect(csp.startsWith("default-src 'none'")).toBe(true)
      for (const part of [
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp).toContain(part)
      }
      expect(r.headers['x-content-type-options']).toBe('nosniff')
      expect(r.headers['referrer-policy']).toBe('no-referrer')
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
    expect((await invoke('app:info', {})).headers['cache-control']).toBe('no-store')
  })

  it('refuses foreign Host headers even with a good token (DNS rebinding)', async () => {
    for (const host of [
      'evil.example:' + server.port,
      'evil.example',
      `127.0.0.1:${server.port + 1}`,
      `localhost:${server.port + 1}`,
      `127.0.0.2:${server.port}`,
    ]) {
      const r = await send(server.port, { path: '/', headers: { ...auth(), Host: host } })
      expect(r.status, host).toBe(403)
    }
    expect((await invoke('app:info', {}, { Host: `evil.example:${server.port}` })).status).toBe(403)
    expect(
      (await send(server.port, { path: '/', headers: { ...auth(), Host: `localhost:${server.port}` } }))
        .status,
    ).toBe(200)
    // HTTP/1.0 without any Host header at all.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.end(`GET / HTTP/1.0\r\nX-Evidesk-Token: ${session.token}\r\n\r\n`),
      )
      let text = ''
      socket.on('data', (d) => (text += String(d)))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] 403/)
  })

  it('refuses API calls from another origin', async () => {
    const cross = await invoke('app:info', {}, { Origin: 'http://evil.example' })
    expect(cross.status).toBe(403)
    expect((await invoke('app:info', {}, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403)
    expect((await invoke('app:info', {}, { Origin: 'null' })).status).toBe(403)
    expect((await invoke('app:info', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    const same = await invoke(
      'app:info',
      {},
      { Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' },
    )
    expect(same.status).toBe(200)
    expect(JSON.parse(same.body)).toMatchObject({
      ok: true,
      value: { mode: 'browser', version: '0.0.0-test', nativeDialogs: false },
    })
  })

  it('never serves a file outside the renderer folder, whatever the path looks like', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets\\..\\..\\package.json',
      '//etc/passwd',
      '///etc/passwd',
      '/%2fetc%2fpasswd',
      '/etc/passwd%00.js',
      '/index.html%00',
      '/%00',
      '/assets/./app.js/../../../package.json',
      '/C:/Windows/win.ini',
      '/%252e%252e/package.json',
      '/%',
      '/leak.txt',
      '/assets/linked-dir/data.txt',
      '/assets/linked-dir',
      '/assets',
      'http://127.0.0.1/../package.json',
    ]
    for (const path of attempts) {
      const r = await send(server.port, { path, headers: auth() })
      expect([400, 403, 404], path).toContain(r.status)
      expect(r.body, path).not.toContain(SECRET)
      expect(r.body, path).not.toContain('root:')
    }
  })

  it('refuses symlinks that lead out of the renderer folder', async () => {
    for (const path of ['/leak.txt', '/assets/linked-dir/data.txt']) {
      const r = await send(server.port, { path, headers: auth() })
      expect(r.status, path).toBe(403)
      expect(r.body).not.toContain(SECRET)
    }
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO without hanging', async () => {
    execFileSync('mkfifo', [join(root, 'renderer', 'assets', 'pipe.js')])
    const r = await send(server.port, { path: '/assets/pipe.js', headers: auth() })
    expect(r.status).toBe(404)
  })

  it('follows a symlink that stays inside the renderer folder', async () => {
    const r = await send(server.port, { path: '/assets/alias.js', headers: auth() })
    expect(r.status).toBe(200)
    expect(r.body).toBe('console.log("app")')
  })

  it('checks the request shape: method, content type, size and JSON', async () => {
    expect((await send(server.port, { path: '/api/invoke', headers: auth() })).status).toBe(405)
    const plain = await send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: auth({ 'Content-Type': 'text/plain' }),
      body: '{"channel":"app:info"}',
    })
    expect(plain.status).toBe(415)
    const bad = await send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: auth({ 'Content-Type': 'application/json' }),
      body: '{nope',
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const big = await send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: auth({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ channel: 'app:info', input: { pad: 'x'.repeat(1024 * 1024) } }),
    })
    expect(big.status).toBe(413)
    expect(
      (await send(server.port, { method: 'POST', path: '/assets/app.js', headers: auth() })).status,
    ).toBe(405)
    expect((await send(server.port, { path: '/api/nothing', headers: auth() })).status).toBe(404)
  })

  it('answers unknown channels and bad input with invalid-input and per-field errors', async () => {
    const unknown = JSON.parse((await invoke('evidence:delete-everything', {})).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const proto = JSON.parse((await invoke('__proto__', {})).body)
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const bad = JSON.parse((await invoke('profile:save', { name: '', certNo: 'x'.repeat(100) })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error.code).toBe('invalid-input')
    const paths = (bad.error.fields as { path: string; code: string }[]).map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'certNo', 'unit']))
  })

  it('runs a full round trip over HTTP: profile, new case, current case', async () => {
    const profile = { name: '张三', certNo: '32010001', unit: '某市生态环境综合行政执法支队' }
    expect(JSON.parse((await invoke('profile:save', profile)).body)).toEqual({ ok: true, value: profile })
    const dir = join(root, 'cases', 'case-1')
    // browser mode writes only where the user chose in the in-app browser
    expect(JSON.parse((await invoke('case:create', { dir, fields: {} })).body)).toMatchObject({
      ok: false,
      error: { code: 'path-not-chosen' },
    })
    const chose = await send(server.port, {
      method: 'POST',
      path: '/api/choose',
      headers: auth({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ paths: [dir] }),
    })
    expect(chose.status).toBe(200)
    const fields = {
      number: '环罚〔2024〕001号',
      title: '某化工厂超标排放',
      cause: '',
      subject: { name: '某化工有限公司', creditCode: '', address: '', legalRep: '' },
      unit: '某市生态环境局',
      officers: [
        { name: '张三', certNo: '32010001' },
        { name: '李四', certNo: '32010002' },
      ],
      timezone: 'Asia/Shanghai',
    }
    const created = JSON.parse((await invoke('case:create', { dir, fields })).body)
    expect(created).toMatchObject({ ok: true, value: { number: fields.number, title: fields.title, dir } })
    const current = JSON.parse((await invoke('case:current', {})).body)
    expect(current).toMatchObject({ ok: true, value: { id: created.value.id, number: fields.number } })
    const again = JSON.parse((await invoke('case:create', { dir, fields })).body)
    expect(again).toMatchObject({ ok: false, error: { code: 'case-exists' } })
    expect(JSON.parse((await invoke('case:close', {})).body)).toEqual({ ok: true, value: null })
  })

  it('streams broadcast events to connected pages', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?k=${session.readKey}`,
          headers: { Host: `127.0.0.1:${server.port}` },
          agent: false,
        },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (text.includes('retry:') && !text.includes('event:'))
              server.broadcast('import:progress', { done: 1, total: 2, name: '询问笔录.docx' })
            const at = text.indexOf('event:')
            if (at >= 0 && text.includes('\n\n', at)) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain(
      'event: import:progress\ndata: {"done":1,"total":2,"name":"询问笔录.docx"}\n\n',
    )
    expect(() => server.broadcast('bad\nname', {})).toThrow()
  })
})
