import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { Backend } from '../../src/core/api/backend'
import { mediaResponse } from '../../src/core/api/media-response'
import type { EvidenceError } from '../../src/core/errors'
import { readOriginal } from '../../src/core/evidence/original-bytes'
import { openBag } from '../../src/core/package/bagit'
import type { PackageDocument, PackageVerdict, ReviewNote } from '../../src/shared/package-types'
import type { JobProgress } from '../../src/shared/jobs'
import { TRANSFER_DOCUMENT_KINDS } from '../../src/shared/violation-types'
import type {
  CaseInfo,
  CustodyEvent,
  EvidenceItem,
  MonitoringView,
  ThermalFrameInfo,
  TranscriptView,
} from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import {
  ffprobeJson,
  makeBodycamMp4,
  makeCemsCsv,
  makeDroneJpeg,
  makeTranscriptGb18030,
} from '../support/media'
import { tempDir } from '../support/temp'
import { MEDIA_FIXTURES } from '../support/fixtures'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let officer: Backend
let reviewer: Backend
let zipPath: string
let folderPath: string
const originals: Record<string, Buffer> = {}
const THERMAL = 'FLIR_AX8.jpg'
const officerViews: { monitoring?: MonitoringView; thermal?: ThermalFrameInfo } = {}

async function call<T>(b: Backend, channel: string, input: unknown = {}): Promise<T> {
  const r = await b.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

async function job(b: Backend, taskId: string): Promise<JobProgress> {
  await b.idle()
  const p = (await call<JobProgress[]>(b, 'job:list')).find((j) => j.taskId === taskId)
  if (!p) throw new Error(`no progress for ${taskId}`)
  return p
}

async function bodyOf(stream: Readable | null): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const c of stream ?? []) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

async function openReview(path: string): Promise<PackageVerdict> {
  const { taskId } = await call<{ taskId: string }>(reviewer, 'review:open', { path })
  const done = await job(reviewer, taskId)
  expect(done.state, JSON.stringify(done.error)).toBe('done')
  return done.result as PackageVerdict
}

beforeAll(async () => {
  tmp = tempDir()
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  for (const f of [
    makeBodycamMp4(card, { durationSec: 3 }),
    await makeDroneJpeg(card),
    makeTranscriptGb18030(card),
    makeCemsCsv(card),
    // HEVC: Chromium cannot play it, so review must make a playback proxy of its own
    makeBodycamMp4(card, { durationSec: 2, codec: 'hevc', fileName: '20210524_041000_DSJ-A8-00124.MP4' }),
  ])
    originals[f.split('/').pop() as string] = readFileSync(f)
  // a real FLIR radiometric JPEG, so the thermal viewer has to read it from the package
  cpSync(join(MEDIA_FIXTURES, THERMAL), join(card, THERMAL))
  originals[THERMAL] = readFileSync(join(card, THERMAL))
  officer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'officer-data'), version: 'test' })
  await call(officer, 'profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  await call(officer, 'case:create', { dir: join(tmp.dir, 'case'), fields: sampleCaseFields() })
  await call(officer, 'import:start', { paths: [card] })
  await officer.idle()
  const { items } = await call<{ items: EvidenceItem[] }>(officer, 'evidence:list', {})
  const v = await call<Violation>(officer, 'violation:save', {
    title: '通过旁路软管逃避监管排放废气',
    facts: '2026年5月24日检查发现旁路软管',
    occurredFrom: null,
    occurredTo: null,
    place: '化工园1号',
    basis: ['water-39'],
    status: 'confirmed',
  })
  for (const item of items)
    await call(officer, 'violation:link', { violationId: v.id, itemId: item.id, note: `证明 ${item.number}` })
  zipPath = join(tmp.dir, 'out', 'package.zip')
  mkdirSync(join(tmp.dir, 'out'))
  const zipJob = await job(
    officer,
    (await call<{ taskId: string }>(officer, 'export:start', { target: zipPath })).taskId,
  )
  expect(zipJob.state, JSON.stringify(zipJob.error)).toBe('done')
  folderPath = join(tmp.dir, 'out', 'bag')
  const folderJob = await job(
    officer,
    (await call<{ taskId: string }>(officer, 'export:start', { target: folderPath })).taskId,
  )
  expect(folderJob.state, JSON.stringify(folderJob.error)).toBe('done')
  // What the officer's own viewers show, to compare the reviewer's with.
  const monitoringItem = items.find((i) => i.kind === 'monitoring') as EvidenceItem
  officerViews.monitoring = await call<MonitoringView>(officer, 'monitoring:get', {
    itemId: monitoringItem.id,
  })
  const thermalItem = items.find((i) => i.kind === 'thermal') as EvidenceItem
  officerViews.thermal = await call<ThermalFrameInfo>(officer, 'thermal:frame', { itemId: thermalItem.id })
  await officer.dispose()

  reviewer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'reviewer-data'), version: 'test' })
  await call(reviewer, 'profile:save', { ...OFFICER_B, unit: '南京市公安局' })
}, 240_000)

afterAll(async () => {
  await reviewer?.dispose()
  tmp?.cleanup()
})

function snapshot(dir: string): string {
  const h = createHash('sha256')
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      const st = statSync(p)
      h.update(`${p}:${st.size}:${st.mtimeMs}\n`)
      if (st.isDirectory()) walk(p)
      else h.update(readFileSync(p))
    }
  }
  if (statSync(dir).isDirectory()) walk(dir)
  else h.update(readFileSync(dir)).update(String(statSync(dir).mtimeMs))
  return h.digest('hex')
}

describe('reviewer mode on a ZIP package', () => {
  it('verifies, opens the case read-only with the package verdict, and leaves the ZIP unchanged', async () => {
    const before = snapshot(zipPath)
    const verdict = await openReview(zipPath)
    expect(verdict.valid).toBe(true)
    expect(verdict.signature.signer).toBe(OFFICER_A.name)
    expect(verdict.signature.trusted).toBe(false)

    const info = await call<CaseInfo>(reviewer, 'case:current')
    expect(info.number).toBe(sampleCaseFields().number)
    expect(info.review).toEqual({ path: zipPath, valid: true })
    expect(info.evidenceCount).toBe(6)
    expect(info.integrity?.ok).toBe(true)

    // The custody log is the package's, verbatim: same events, same hashes, the export last.
    const log = await call<{ total: number; events: CustodyEvent[] }>(reviewer, 'custody:list', {
      limit: 1000,
    })
    expect(log.total).toBe(verdict.custody.events)
    expect(log.events.at(-1)?.action).toBe('exported')

    const violations = await call<Violation[]>(reviewer, 'violation:list')
    expect(violations).toHaveLength(1)
    expect(violations[0].links.filter((l) => !l.removedAt)).toHaveLength(6)

    // Viewing records nothing: the log stays as the package holds it.
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    for (const item of items) await call(reviewer, 'evidence:open', { id: item.id })
    expect((await call<{ total: number }>(reviewer, 'custody:list', {})).total).toBe(log.total)

    const transcript = items.find((i) => i.kind === 'transcript') as EvidenceItem
    const view = await call<TranscriptView>(reviewer, 'transcript:get', { itemId: transcript.id })
    expect(view.text).toContain('循环泵故障')
    expect(view.turns.length).toBeGreaterThan(0)
    // The text is the one the import indexed, so the turns (and any cited offsets) line up with it.
    for (const turn of view.turns) expect(view.text).toContain(turn.a)

    expect(snapshot(zipPath)).toBe(before)
  }, 120_000)

  it('serves each original as a byte range of the ZIP, identical to the imported file', async () => {
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    for (const item of items) {
      const media = await reviewer.mediaFile(item.id, 'original')
      expect(media?.path).toBe(zipPath)
      expect(media?.slice?.size).toBe(item.size)
      const full = await mediaResponse(media!.path, media!.mime, undefined, false, media!.slice)
      expect(full.status).toBe(200)
      expect((await bodyOf(full.body)).equals(originals[item.originalName])).toBe(true)
    }
    const video = items.find((i) => i.kind === 'video') as EvidenceItem
    const m = (await reviewer.mediaFile(video.id, 'original'))!
    const part = await mediaResponse(m.path, m.mime, 'bytes=100-199', false, m.slice)
    expect(part.status).toBe(206)
    expect(part.headers['Content-Range']).toBe(`bytes 100-199/${video.size}`)
    expect((await bodyOf(part.body)).equals(originals[video.originalName].subarray(100, 200))).toBe(true)
    // Thumbnails were made again from the package, into the workspace, not the package.
    const image = items.find((i) => i.kind === 'image') as EvidenceItem
    expect(image.derived.thumb).toBe('ready')
    expect((await reviewer.mediaFile(image.id, 'thumb'))?.path.startsWith(zipPath)).toBe(false)
    expect(video.derived.poster).toBe('ready')
  })

  it('plays an HEVC original through an H.264 proxy made in the workspace, never in the package', async () => {
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    const hevc = items.find((i) => i.originalName.includes('00124'))!
    expect(hevc.meta).toMatchObject({ videoCodec: 'hevc' })
    expect(hevc.derived.proxy).toBe('ready')
    const proxy = (await reviewer.mediaFile(hevc.id, 'proxy'))!
    expect(proxy.mime).toBe('video/mp4')
    expect(proxy.path.startsWith(zipPath)).toBe(false)
    expect(ffprobeJson(proxy.path).streams.find((s) => s.codec_type === 'video')?.codec_name).toBe('h264')
    // an H.264 original needs none
    const h264 = items.find((i) => i.kind === 'video' && i.id !== hevc.id)!
    expect(h264.derived.proxy).toBeUndefined()
  })

  it('shows the monitoring chart and the thermal frame read from the ZIP, as the officer saw them', async () => {
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    const monitoring = items.find((i) => i.kind === 'monitoring') as EvidenceItem
    const mv = await call<MonitoringView>(reviewer, 'monitoring:get', { itemId: monitoring.id })
    expect(mv.points.length).toBeGreaterThan(0)
    expect(mv.points).toEqual(officerViews.monitoring?.points)
    expect(mv.series).toEqual(officerViews.monitoring?.series)

    const thermal = items.find((i) => i.kind === 'thermal') as EvidenceItem
    const frame = await call<ThermalFrameInfo>(reviewer, 'thermal:frame', { itemId: thermal.id })
    expect(frame.stats?.maxC).toBeGreaterThan(frame.stats?.minC ?? Infinity)
    expect(frame.warnings.map((w) => w.code)).not.toContain('thermal-frame-unavailable')
    expect(frame.stats).toEqual(officerViews.thermal?.stats)
    expect([frame.width, frame.height]).toEqual([officerViews.thermal?.width, officerViews.thermal?.height])
    // Held in memory, so bounded: a larger original is refused by name instead of read.
    const ws = reviewer.currentReview()
    const refused = await readOriginal(ws!.file!, monitoring, monitoring.size - 1).then(
      () => null,
      (err: unknown) => err as EvidenceError,
    )
    expect(refused?.code).toBe('not-supported')
    expect(refused?.message).toContain(monitoring.originalName)
    expect((await readOriginal(ws!.file!, monitoring)).equals(originals[monitoring.originalName])).toBe(true)

    // The frame file the viewer fetches was made in the workspace, from the ZIP's bytes.
    const f32 = await reviewer.mediaFile(thermal.id, 'thermal')
    expect(f32?.path.startsWith(zipPath)).toBe(false)
    expect(statSync(f32!.path).size).toBe(frame.width * frame.height * 4)
  })

  it("shows the package's own transfer documents and copies them out, never into the package", async () => {
    const current = await call<{ documents: PackageDocument[] }>(reviewer, 'review:current')
    // what the exporting case produced: its violation cites no transfer ground, so no letters
    expect(current.documents.map((d) => d.kind)).toEqual([
      'investigation-report',
      'evidence-list',
      'extraction-record',
      'electronic-data-list',
    ])
    expect(current.documents.every((d) => TRANSFER_DOCUMENT_KINDS.includes(d.kind))).toBe(true)
    const bag = await openBag(zipPath)
    try {
      for (const d of current.documents) {
        const { html } = await call<{ html: string }>(reviewer, 'review:document', { path: d.html })
        expect(Buffer.from(html, 'utf8').equals(await bag.readFile(d.html, 1 << 24))).toBe(true)
      }
    } finally {
      await bag.close()
    }
    const letter = current.documents[0]
    const copy = join(tmp.dir, 'copies', 'letter.html')
    mkdirSync(join(tmp.dir, 'copies'))
    const saved = await call<{ path: string }>(reviewer, 'review:saveDocument', {
      path: letter.html,
      target: copy,
    })
    expect(readFileSync(saved.path, 'utf8')).toContain(sampleCaseFields().number)
    // never over a file that is there, unless the reviewer confirmed it (overwrite)
    writeFileSync(copy, 'the reviewer’s own notes')
    const again = await reviewer.dispatch('review:saveDocument', { path: letter.html, target: copy })
    expect(again.ok ? null : again.error.code).toBe('target-exists')
    expect(readFileSync(copy, 'utf8')).toBe('the reviewer’s own notes')
    await call(reviewer, 'review:saveDocument', { path: letter.html, target: copy, overwrite: true })
    expect(readFileSync(copy, 'utf8')).toContain(sampleCaseFields().number)

    // Only the documents case.json lists, and never into the package or a path inside it.
    const other = await reviewer.dispatch('review:document', { path: 'data/case.json' })
    expect(other.ok ? null : other.error.code).toBe('not-found')
    const inside = await reviewer.dispatch('review:saveDocument', { path: letter.html, target: zipPath })
    expect(inside.ok ? null : inside.error.code).toBe('read-only')
  })

  it('refuses every change with read-only, naming the reason', async () => {
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    for (const [channel, input] of [
      ['case:update', { fields: { title: '改' } }],
      [
        'annotation:add',
        { itemId: items[0].id, type: 'region', anchor: { x: 0, y: 0, w: 1, h: 1 }, note: 'x' },
      ],
      ['import:start', { paths: ['/tmp'] }],
      ['case:check', {}],
      ['export:start', { target: join(tmp.dir, 'again.zip') }],
    ] as const) {
      const r = await reviewer.dispatch(channel, input)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('read-only')
        expect(r.error.message).toContain('under review')
      }
    }
  })

  it('keeps notes in the app data folder and exports a self-contained report', async () => {
    const violations = await call<Violation[]>(reviewer, 'violation:list')
    await call<ReviewNote>(reviewer, 'review:addNote', { target: {}, text: '证据包完整，签名有效。' })
    await call<ReviewNote>(reviewer, 'review:addNote', {
      target: { violationId: violations[0].id },
      text: '旁路软管照片清晰',
    })
    const notes = await call<ReviewNote[]>(reviewer, 'review:notes')
    expect(notes.map((n) => n.text)).toEqual(['证据包完整，签名有效。', '旁路软管照片清晰'])
    expect(notes[0].author).toEqual(OFFICER_B)
    const reviewsDir = join(tmp.dir, 'reviewer-data', 'reviews')
    const bag = await openBag(zipPath)
    const tagManifest = await bag.readFile('tagmanifest-sha256.txt', 1 << 20)
    await bag.close()
    const key = createHash('sha256').update(tagManifest).digest('hex')
    expect(readdirSync(reviewsDir)).toEqual([`${key}.json`])

    const out = join(tmp.dir, 'report.html')
    const { path } = await call<{ path: string }>(reviewer, 'review:exportReport', { target: out })
    const html = readFileSync(path, 'utf8')
    expect(html).toContain('验证通过')
    expect(html).toContain('旁路软管照片清晰')
    expect(html).toContain('违法事实 V1')
    expect(html).toContain(OFFICER_A.name)
    expect(html).toContain('未经本机确认')
    expect(html).not.toMatch(/https?:\/\//)
    // In English when the reviewer works in English: the same facts, no Chinese labels.
    const en = await call<{ path: string }>(reviewer, 'review:exportReport', {
      target: join(tmp.dir, 'report-en.html'),
      language: 'en',
    })
    const enHtml = readFileSync(en.path, 'utf8')
    expect(enHtml).toContain('<html lang="en">')
    expect(enHtml).toContain('Verified')
    expect(enHtml).toContain('Violation V1')
    expect(enHtml).toContain('not confirmed on this machine')
    expect(enHtml).not.toContain('验证通过')
    expect(enHtml).not.toContain('审查意见')

    // Reopening the same package finds the same notes.
    await call(reviewer, 'review:close')
    expect(await call(reviewer, 'review:current')).toBeNull()
    await openReview(zipPath)
    expect((await call<ReviewNote[]>(reviewer, 'review:notes')).map((n) => n.text)).toHaveLength(2)
  }, 120_000)

  it('removes the temporary workspace on close', async () => {
    const info = await call<CaseInfo>(reviewer, 'case:current')
    expect(existsSync(info.dir)).toBe(true)
    await call(reviewer, 'review:close')
    expect(existsSync(info.dir)).toBe(false)
    expect(await call(reviewer, 'case:current')).toBeNull()
  })
})

describe('reviewer mode on a tampered bag folder', () => {
  it('shows the verdict red with the file named, serves originals in place, and never writes the bag', async () => {
    const copy = join(tmp.dir, 'tampered')
    cpSync(folderPath, copy, { recursive: true })
    const evidenceDir = join(copy, 'data', 'evidence')
    const video = readdirSync(evidenceDir).find((n) => n.toLowerCase().endsWith('.mp4')) as string
    const target = join(evidenceDir, video)
    chmodSync(target, 0o644)
    const bytes = readFileSync(target)
    bytes[bytes.length >> 1] ^= 0xff
    writeFileSync(target, bytes)
    const before = snapshot(copy)

    const verdict = await openReview(copy)
    expect(verdict.valid).toBe(false)
    const problem = verdict.problems.find((p) => p.code === 'hash-mismatch')
    expect(problem?.path).toBe(`data/evidence/${video}`)

    const info = await call<CaseInfo>(reviewer, 'case:current')
    expect(info.review?.valid).toBe(false)
    expect(info.integrity?.ok).toBe(false)
    const { items } = await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})
    const item = items.find((i) => i.kind === 'video') as EvidenceItem
    expect((await reviewer.mediaFile(item.id, 'original'))?.path).toBe(target)
    const monitoring = items.find((i) => i.kind === 'monitoring') as EvidenceItem
    const mv = await call<{ series: unknown[] }>(reviewer, 'monitoring:get', { itemId: monitoring.id })
    expect(mv.series.length).toBeGreaterThan(0)
    await call(reviewer, 'review:close')
    expect(snapshot(copy)).toBe(before)
  }, 120_000)
})
