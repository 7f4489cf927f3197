import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { Backend } from '../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import { openSession, type TestSession } from '../support/browser-session'
import { parseMediaPath } from '../../src/core/api/media-response'
import { tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let server: BrowserServer
let itemId: string
let source: string
let session: TestSession

/** Media as an <img> or <video> asks for it: with the session's read key in the query. */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}${path}?k=${session.readKey}`, { headers })

beforeAll(async () => {
  tmp = tempDir()
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test' })
  await backend.dispatch('profile:save', { ...OFFICER_A, unit: '单位' })
  const created = await backend.dispatch('case:create', {
    dir: join(tmp.dir, 'case'),
    fields: sampleCaseFields(),
  })
  expect(created.ok).toBe(true)
  source = join(tmp.dir, 'DJI_0001.JPG')
  await sharp({ create: { width: 900, height: 600, channels: 3, background: '#446688' } })
    .jpeg()
    .toFile(source)
  const started = await backend.dispatch('import:start', { paths: [source] })
  expect(started.ok).toBe(true)
  await backend.idle()
  const list = await backend.dispatch('evidence:list', {})
  itemId = (list as { ok: true; value: { items: Array<{ id: string }> } }).value.items[0].id
  server = await startBrowserServer({ backend, rendererDir: renderer })
  session = await openSession(server)
})

afterAll(async () => {
  await server.close()
  await backend.dispose()
  tmp.cleanup()
})

describe('media of the open case over browser mode', () => {
  it('serves the original byte-for-byte, and byte ranges for seeking', async () => {
    const original = readFileSync(source)
    const whole = await get(`/media/${itemId}/original`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer()).equals(original)).toBe(true)

    const part = await get(`/media/${itemId}/original`, { Range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${original.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(original.subarray(100, 200))).toBe(true)

    const tail = await get(`/media/${itemId}/original`, { Range: 'bytes=-10' })
    expect(Buffer.from(await tail.arrayBuffer()).equals(original.subarray(original.length - 10))).toBe(true)
    expect((await get(`/media/${itemId}/original`, { Range: `bytes=${original.length + 5}-` })).status).toBe(
      416,
    )
  })

  it('serves the thumbnail made at import, as JPEG', async () => {
    const thumb = await get(`/media/${itemId}/thumb`)
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/jpeg')
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()
    expect(Math.max(meta.width!, meta.height!)).toBe(320)
  })

  it('refuses unknown items, unknown roles, escapes and requests without the token', async () => {
    expect((await get('/media/00000000-0000-0000-0000-000000000000/original')).status).toBe(404)
    expect((await get(`/media/${itemId}/case.sqlite`)).status).toBe(404)
    expect((await get(`/media/${itemId}/../../case.sqlite`)).status).not.toBe(200)
    expect((await get('/media/..%2f..%2fcase.sqlite/original')).status).toBe(404)
    expect((await fetch(`http://127.0.0.1:${server.port}/media/${itemId}/original`)).status).toBe(401)
    expect(parseMediaPath('/media/../x/original')).toBeNull()
  })
})
