import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../../src/core/api/backend'
import { PathPolicy } from '../../../src/cli/browser-mode/path-policy'
import { startBrowserServer, type BrowserServer } from '../../../src/cli/browser-mode/server'
import { openSession, type TestSession } from '../../support/browser-session'
import { OFFICER_A } from '../../support/case-fixture'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 1: whoever holds a browser-mode session (the red team took one through the
 * cookie) could list folders, import <data>/keys/officer-*.json and read the private key back
 * through /media, or write over any file. Browser mode now confines every path the page names:
 * never the app's data folder, and reads and writes only where the user chose this session.
 */

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let server: BrowserServer
let session: TestSession
let dataDir: string
let card: string

async function post(
  path: string,
  body: unknown,
): Promise<{
  status: number
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}> {
  const r = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Evidesk-Token': session.token },
    body: JSON.stringify(body),
  })
  return { status: r.status, json: (await r.json()) as never }
}
const invoke = async (channel: string, input: unknown) => (await post('/api/invoke', { channel, input })).json
const choose = (paths: string[]) => post('/api/choose', { paths })

beforeAll(async () => {
  tmp = tempDir('browser-confinement-')
  dataDir = join(tmp.dir, 'app-data')
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  backend = new Backend({ mode: 'browser', dataDir, version: 'test' })
  // the profile makes the officer's signing key: <data>/keys/officer-….json
  const saved = await backend.dispatch('profile:save', { ...OFFICER_A, unit: '某市生态环境局' })
  expect(saved.ok).toBe(true)
  card = join(tmp.dir, 'card')
  mkdirSync(join(card, 'DCIM'), { recursive: true })
  writeFileSync(join(card, 'DCIM', 'notes.txt'), '现场记录')
  server = await startBrowserServer({ backend, rendererDir: renderer })
  session = await openSession(server)
})

afterAll(async () => {
  await server.close()
  await backend.dispose()
  tmp.cleanup()
})

describe('browser mode confines the paths a page names', () => {
  it('never lists, chooses or imports the app data folder or the signing keys, by any path', async () => {
    const keyFile = join(dataDir, 'keys', readdirSync(join(dataDir, 'keys'))[0])
    expect(keyFile).toMatch(/officer-[0-9a-f]{16}\.json$/)
    symlinkSync(dataDir, join(tmp.dir, 'innocent-looking'))
    for (const dir of [
      dataDir,
      join(dataDir, 'keys'),
      join(tmp.dir, 'innocent-looking'),
      join(card, '..', 'app-data', 'keys'),
    ]) {
      const listed = await invoke('fs:list', { dir })
      expect(listed.ok, dir).toBe(false)
      expect(listed.error?.code).toBe('path-not-chosen')
      const chosen = await choose([dir])
      expect(chosen.status, dir).toBe(403)
      expect(chosen.json.error?.code).toBe('path-not-chosen')
    }
    const imported = await invoke('import:start', { paths: [keyFile] })
    expect(imported.error?.code).toBe('path-not-chosen')
    expect(imported.error?.message).toContain('data folder')
  })

  it('creates cases and imports only where the user chose in this session', async () => {
    const caseDir = join(tmp.dir, 'cases', 'c1')
    const fields = {
      number: '环罚〔2024〕009号',
      title: '某厂超标排放',
      cause: '',
      subject: { name: '某公司', creditCode: '', address: '', legalRep: '' },
      unit: '某市生态环境局',
      officers: [
        { name: OFFICER_A.name, certNo: OFFICER_A.certNo },
        { name: '李四', certNo: '32010002' },
      ],
      timezone: 'Asia/Shanghai',
    }
    const browsing = await invoke('fs:list', { dir: tmp.dir })
    expect(browsing.ok).toBe(true) // browsing is how the user chooses
    const other = join(tmp.dir, 'elsewhere', 'c2')
    expect((await invoke('case:create', { dir: other, fields })).error?.code).toBe('path-not-chosen')
    expect((await choose([caseDir])).status).toBe(200)
    expect((await invoke('case:create', { dir: caseDir, fields })).ok).toBe(true)
    // the card is read once the user chose it
    expect((await invoke('import:start', { paths: [card] })).error?.code).toBe('path-not-chosen')
    expect((await choose([card])).status).toBe(200)
    const started = await invoke('import:start', { paths: [card] })
    expect(started.ok, JSON.stringify(started.error)).toBe(true)
    await backend.idle()
  })
})

describe('PathPolicy', () => {
  it('lets writes go only below chosen places, the open case or the reviewed package’s folder', () => {
    let open: string | null = null
    let pkg: string | null = null
    const policy = new PathPolicy({
      dataDir: '/data/evidesk',
      openCaseDir: () => open,
      reviewPackage: () => pkg,
      recentCases: () => ['/cases/old'],
    })
    const refused = (channel: string, input: unknown) => policy.check(channel, input)?.code ?? null
    expect(refused('review:saveDocument', { path: 'x', target: '/home/u/.bashrc' })).toBe('path-not-chosen')
    expect(refused('export:start', { target: '/srv/out/pkg.zip' })).toBe('path-not-chosen')
    expect(refused('case:open', { dir: '/cases/old' })).toBeNull()
    expect(refused('case:open', { dir: '/cases/other' })).toBe('path-not-chosen')
    pkg = '/srv/in/pkg.zip'
    expect(refused('review:saveDocument', { path: 'x', target: '/srv/in/letter.pdf' })).toBeNull()
    expect(refused('review:exportReport', { target: '/srv/report.html' })).toBe('path-not-chosen')
    open = '/cases/now'
    expect(refused('import:start', { paths: ['/cases/now/derived/x'] })).toBeNull()
    expect(policy.choose(['/srv/out'])).toBeNull()
    expect(refused('export:start', { target: '/srv/out/pkg.zip' })).toBeNull()
    expect(refused('export:start', { target: '/srv/out/../elsewhere.zip' })).toBe('path-not-chosen')
    expect(policy.choose(['/data/evidesk/keys'])?.code).toBe('path-not-chosen')
    expect(refused('export:start', { target: '/data/evidesk/keys/x.zip' })).toBe('path-not-chosen')
    // a folder that holds the data folder may be chosen (to write in), never read as a whole
    expect(policy.choose(['/data'])).toBeNull()
    expect(refused('import:start', { paths: ['/data'] })).toBe('path-not-chosen')
    expect(refused('export:start', { target: '/data/out.zip' })).toBeNull()
    // channels without paths pass untouched
    expect(refused('app:info', {})).toBeNull()
  })
})
