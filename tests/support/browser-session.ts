import { request } from 'node:http'
import type { BrowserServer } from '../../src/cli/browser-mode/server'

export interface TestSession {
  token: string
  readKey: string
}

/** What the page does with the link: trades its one-time code (the fragment) for a session. */
export function exchangeLink(
  server: BrowserServer,
  link = server.newLink(),
): Promise<{ status: number; body: string; setCookie: unknown }> {
  const code = new URL(link).hash.replace(/^#code=/, '')
  const body = JSON.stringify({ code })
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/session',
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'],
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A session for a test, as a page would hold it. */
export async function openSession(server: BrowserServer): Promise<TestSession> {
  const r = await exchangeLink(server)
  if (r.status !== 200) throw new Error(`session refused: ${r.status} ${r.body}`)
  return (JSON.parse(r.body) as { ok: true; value: TestSession }).value
}
