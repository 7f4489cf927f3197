import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../../src/cli/browser-mode/server'
import type { JobProgress } from '../../../src/shared/jobs'
import type { EvidenceItem } from '../../../src/shared/types'
import type { Violation } from '../../../src/shared/violation-types'
import { openSession, type TestSession } from '../../support/browser-session'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 12: files are served by opening them without following links, and a package's
 * original must still be the file that was verified. A link put in `derived/` of the open case,
 * or in place of an original of a bag folder under review after verification, served whatever it
 * pointed to; a file swapped in after verification was served as the verified original.
 */

const SECRET = 'PRIVATE KEY OF SOMEONE ELSE — must never be served'
let tmp: ReturnType<typeof tempDir>
let officer: Backend
let reviewer: Backend
let officerServer: BrowserServer
let reviewerServer: BrowserServer
let officerSession: TestSession
let reviewerSession: TestSession
let secret: string
let photo: EvidenceItem

/** The end state of a background job, once the backend is idle. */
async function jobState(b: Backend, taskId: string): Promise<JobProgress | undefined> {
  await b.idle()
  return (await call<JobProgress[]>(b, 'job:list')).find((j) => j.taskId === taskId)
}

async function call<T>(b: Backend, channel: string, input: unknown = {}): Promise<T> {
  const r = await b.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

function media(server: BrowserServer, session: TestSession, itemId: string, role: string) {
  return fetch(`http://127.0.0.1:${server.port}/media/${itemId}/${role}?k=${session.readKey}`)
}

beforeAll(async () => {
  tmp = tempDir('media-links-')
  secret = join(tmp.dir, 'secret.txt')
  writeFileSync(secret, SECRET)
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#446688' } })
    .jpeg()
    .toFile(join(card, 'DJI_0001.JPG'))
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')

  officer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'officer-data'), version: 'test' })
  await call(officer, 'profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  await call(officer, 'case:create', { dir: join(tmp.dir, 'case'), fields: sampleCaseFields() })
  await call(officer, 'import:start', { paths: [card] })
  await officer.idle()
  photo = (await call<{ items: EvidenceItem[] }>(officer, 'evidence:list', {})).items[0]
  const v = await call<Violation>(officer, 'violation:save', {
    title: '通过旁路软管逃避监管排放废气',
    facts: '检查发现旁路软管',
    occurredFrom: null,
    occurredTo: null,
    place: '化工园1号',
    basis: ['water-39'],
    status: 'confirmed',
  })
  await call(officer, 'violation:link', { violationId: v.id, itemId: photo.id, note: '现场照片' })
  mkdirSync(join(tmp.dir, 'out'))
  const { taskId } = await call<{ taskId: string }>(officer, 'export:start', {
    target: join(tmp.dir, 'out', 'bag'),
  })
  const exported = await jobState(officer, taskId)
  expect(exported?.state, JSON.stringify(exported?.error)).toBe('done')

  reviewer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'reviewer-data'), version: 'test' })
  await call(reviewer, 'profile:save', { name: '王审查', certNo: '35019900001', unit: '公安局' })
  const opened = await call<{ taskId: string }>(reviewer, 'review:open', {
    path: join(tmp.dir, 'out', 'bag'),
  })
  const verified = await jobState(reviewer, opened.taskId)
  expect(verified?.state, JSON.stringify(verified?.error)).toBe('done')

  officerServer = await startBrowserServer({ backend: officer, rendererDir: renderer })
  reviewerServer = await startBrowserServer({ backend: reviewer, rendererDir: renderer })
  officerSession = await openSession(officerServer)
  reviewerSession = await openSession(reviewerServer)
})

afterAll(async () => {
  await officerServer?.close()
  await reviewerServer?.close()
  await officer?.dispose()
  await reviewer?.dispose()
  tmp.cleanup()
})

describe('serving files without following links', () => {
  it('the open case: a derived file replaced by a link is refused, not followed', async () => {
    const ok = await media(officerServer, officerSession, photo.id, 'thumb')
    expect(ok.status).toBe(200)
    const thumb = (await officer.mediaFile(photo.id, 'thumb'))?.path as string
    const kept = readFileSync(thumb)
    unlinkSync(thumb)
    symlinkSync(secret, thumb)
    try {
      const r = await media(officerServer, officerSession, photo.id, 'thumb')
      expect(r.status).not.toBe(200)
      expect(await r.text()).not.toContain(SECRET)
    } finally {
      unlinkSync(thumb)
      writeFileSync(thumb, kept)
    }
  })

  it('the open case: a derived folder replaced by a link out of the case is refused', async () => {
    const thumb = (await officer.mediaFile(photo.id, 'thumb'))?.path as string
    const folder = dirname(thumb)
    const outside = join(tmp.dir, 'outside')
    mkdirSync(outside)
    writeFileSync(join(outside, thumb.slice(folder.length + 1)), SECRET)
    renameSync(folder, folder + '.real')
    symlinkSync(outside, folder)
    try {
      const r = await media(officerServer, officerSession, photo.id, 'thumb')
      expect(r.status).not.toBe(200)
      expect(await r.text()).not.toContain(SECRET)
    } finally {
      unlinkSync(folder)
      renameSync(folder + '.real', folder)
      rmSync(outside, { recursive: true })
    }
  })

  it('a bag folder under review: an original swapped for a link after verification is refused', async () => {
    const original = (await reviewer.mediaFile(photo.id, 'original'))?.path as string
    const genuine = readFileSync(original)
    expect(
      Buffer.from(
        await (await media(reviewerServer, reviewerSession, photo.id, 'original')).arrayBuffer(),
      ).equals(genuine),
    ).toBe(true)
    renameSync(original, original + '.kept')
    symlinkSync(secret, original)
    try {
      const r = await media(reviewerServer, reviewerSession, photo.id, 'original')
      expect(r.status).not.toBe(200)
      expect(await r.text()).not.toContain(SECRET)
    } finally {
      unlinkSync(original)
      renameSync(original + '.kept', original)
    }
  })

  it('a bag folder under review: another file of the same size put in its place is refused', async () => {
    const original = (await reviewer.mediaFile(photo.id, 'original'))?.path as string
    const genuine = readFileSync(original)
    const forged = Buffer.from(genuine)
    forged.fill(0x41, 1000, 2000)
    renameSync(original, original + '.kept')
    writeFileSync(original, forged)
    try {
      const r = await media(reviewerServer, reviewerSession, photo.id, 'original')
      expect(r.status).not.toBe(200)
      expect(Buffer.from(await r.arrayBuffer()).equals(forged)).toBe(false)
    } finally {
      unlinkSync(original)
      renameSync(original + '.kept', original)
    }
    // the genuine file, back in place, is served again
    expect((await media(reviewerServer, reviewerSession, photo.id, 'original')).status).toBe(200)
  })
})
