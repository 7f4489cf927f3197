import { execFileSync } from 'node:child_process'
import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'

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
let cookie: string

function auth(extra: Record<string, string> = {}): Record<string, string> {
  return { Cookie: cookie, ...extra }
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
})

afterAll(async () => {
  await server?.close()
  await backend?.dispose()
  rmSync(root, { recursive: true, force: true })
})

describe('browser mode server', () => {
  it('listens on 127.0.0.1 with a 32-byte base64url token in the URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('refuses every path without the token, and says what to do', async () => {
    for (const path of ['/', '/index.html', '/assets/x.js', '/assets/app.js', '/api/events']) {
      const r = await send(server.port, { path })
      expect(r.status, path).toBe(401)
      expect(r.body).toContain('npm run serve')
      expect(r.body).not.toContain('console.log')
    }
    const api = await send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { 'Content-Type': 'application/json' },
      body: '{"channel":"app:info"}',
    })
    expect(api.status).toBe(401)
  })

  it('refuses a wrong token in the link, the cookie or the header', async () => {
    expect((await send(server.port, { path: '/?token=wrong' })).status).toBe(401)
    expect((await send(server.port, { path: `/?token=${server.token}x` })).status).toBe(401)
    expect((await send(server.port, { path: '/', headers: { Cookie: 'evidesk_token=wrong' } })).status).toBe(
      401,
    )
    expect(
      (await send(server.port, { path: '/', headers: { 'X-Evidesk-Token': server.token.slice(1) } })).status,
    ).toBe(401)
  })

  it('trades the link token for an HttpOnly SameSite=Strict cookie and strips it from the URL', async () => {
    const r = await send(server.port, { path: `/?token=${server.token}` })
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/')
    const setCookie = r.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toBe(`evidesk_token=${server.token}; HttpOnly; SameSite=Strict; Path=/`)
    cookie = setCookie.split(';')[0]

    const page = await send(server.port, { path: '/', headers: auth() })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<title>Evidence Desk</title>')

    const js = await send(server.port, { path: '/assets/app.js', headers: auth() })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(
      (await send(server.port, { path: '/assets/style.css', headers: auth() })).headers['content-type'],
    ).toBe('text/css; charset=utf-8')
    expect(
      (await send(server.port, { path: '/index.html', headers: { 'X-Evidesk-Token': server.token } })).status,
    ).toBe(200)
    expect((await send(server.port, { path: '/assets/missing.js', headers: auth() })).status).toBe(404)
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
    const viaLink = await send(server.port, {
      path: `/?token=${server.token}`,
      headers: { Host: `evil.example:${server.port}` },
    })
    expect(viaLink.status).toBe(403)
    expect(viaLink.headers['set-cookie']).toBeUndefined()
    expect(
      (await send(server.port, { path: '/', headers: { ...auth(), Host: `localhost:${server.port}` } }))
        .status,
    ).toBe(200)
    // HTTP/1.0 without any Host header at all.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.end(`GET / HTTP/1.0\r\nCookie: ${cookie}\r\n\r\n`),
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
          path: '/api/events',
          headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie },
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
