/**
 * The officer's choice of another text decoding (issue 12): a short Big5 note that the detector,
 * with so few characters, reads as GB18030 and marks uncertain. The officer compares the readings,
 * chooses Big5 with a reason; the text, search and quotes follow, the custody log says who changed
 * what and why, the original bytes never change, and a reviewer of the exported package reads the
 * same text the quotes point into. Then the same through `evidesk decoding`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { Backend } from '../../src/core/api/backend'
import { objectPath } from '../../src/core/case/layout'
import type { JobProgress } from '../../src/shared/jobs'
import type { PackageVerdict } from '../../src/shared/package-types'
import type { TextDecodingPreview } from '../../src/shared/text-encodings'
import type {
  Annotation,
  CustodyEvent,
  EvidenceItem,
  ItemDetail,
  SearchHit,
  TranscriptView,
} from '../../src/shared/types'
import type { Result } from '../../src/shared/errors'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { evidesk } from '../support/cli'
import { tempDir } from '../support/temp'

const NOTE = '台灣環保署稽查紀錄'

let tmp: ReturnType<typeof tempDir>
let officer: Backend
let caseDir: string
let note: EvidenceItem

async function call<T>(b: Backend, channel: string, input: unknown = {}): Promise<T> {
  const r = await b.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

async function finished(b: Backend, taskId: string): Promise<JobProgress> {
  await b.idle()
  return (await call<JobProgress[]>(b, 'job:list')).find((j) => j.taskId === taskId) as JobProgress
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  tmp = tempDir('evidesk-decoding-')
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeFileSync(join(card, '稽查紀錄.txt'), iconv.encode(NOTE, 'big5'))
  officer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'officer-data'), version: 'test' })
  await call(officer, 'profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  caseDir = join(tmp.dir, 'case')
  await call(officer, 'case:create', { dir: caseDir, fields: sampleCaseFields() })
  await call(officer, 'import:start', { paths: [card] })
  await officer.idle()
  note = (await call<{ items: EvidenceItem[] }>(officer, 'evidence:list', {})).items[0]
}, 60_000)

afterAll(async () => {
  await officer?.dispose()
  tmp?.cleanup()
})

describe('choosing another text decoding', () => {
  it('starts from the detector reading the few Big5 bytes as GB18030, unsure, with Big5 offered', async () => {
    expect(note.kind).toBe('document')
    expect(note.meta.encoding).toBe('gb18030')
    expect(note.warnings.map((w) => w.code)).toContain('text-encoding-guessed')
    const view = await call<TranscriptView>(officer, 'transcript:get', { itemId: note.id })
    expect(view.text).not.toBe(NOTE)
    const candidates = (note.meta as { encodingCandidates: Array<{ encoding: string }> }).encodingCandidates
    expect(candidates.map((c) => c.encoding)).toContain('big5')
  })

  it('previews a reading without changing anything', async () => {
    const before = (await call<{ total: number }>(officer, 'custody:list', { offset: 0, limit: 1 })).total
    const p = await call<TextDecodingPreview>(officer, 'text:preview', { itemId: note.id, encoding: 'big5' })
    expect(p).toMatchObject({ encoding: 'big5', text: NOTE, truncated: false, undecodable: 0 })
    const shiftJis = await call<TextDecodingPreview>(officer, 'text:preview', {
      itemId: note.id,
      encoding: 'utf-8',
    })
    expect(shiftJis.undecodable).toBeGreaterThan(0) // Big5 bytes are not UTF-8: said, not hidden
    expect((await call<{ total: number }>(officer, 'custody:list', { offset: 0, limit: 1 })).total).toBe(
      before,
    )
  })

  it('needs a reason and a known decoding', async () => {
    const noReason = await officer.dispatch('text:setDecoding', {
      itemId: note.id,
      encoding: 'big5',
      reason: '',
    })
    expect(noReason.ok).toBe(false)
    const unknown = await officer.dispatch('text:setDecoding', {
      itemId: note.id,
      encoding: 'ebcdic',
      reason: 'x',
    })
    expect(unknown.ok).toBe(false)
    expect((await call<ItemDetail>(officer, 'evidence:get', { id: note.id })).item.meta.encoding).toBe(
      'gb18030',
    )
  })

  it('reads the text as Big5 from then on: text, search, custody event; the original unchanged', async () => {
    const item = await call<EvidenceItem>(officer, 'text:setDecoding', {
      itemId: note.id,
      encoding: 'big5',
      reason: '台湾地区来函，繁体中文',
    })
    expect(item.meta).toMatchObject({ encoding: 'big5', encodingChosen: true })
    const view = await call<TranscriptView>(officer, 'transcript:get', { itemId: note.id })
    expect(view.text).toBe(NOTE)
    const { hits } = await call<{ hits: SearchHit[] }>(officer, 'search:query', { text: '環保署' })
    expect(hits.map((h) => h.item.id)).toContain(note.id)

    const { events } = await call<{ events: CustodyEvent[] }>(officer, 'custody:list', {
      offset: 0,
      limit: 500,
    })
    const event = events.find((e) => e.action === 'text-decoding-set')
    expect(event?.itemId).toBe(note.id)
    expect(event?.details).toMatchObject({ from: 'gb18030', to: 'big5', reason: '台湾地区来函，繁体中文' })
    expect(event?.actor.certNo).toBe(OFFICER_A.certNo)

    const stored = readFileSync(objectPath(caseDir, note.sha256))
    expect(sha256(stored)).toBe(note.sha256)
    expect(stored.equals(iconv.encode(NOTE, 'big5'))).toBe(true)
  })

  it('is refused while a quote points into the text as it reads now', async () => {
    const start = NOTE.indexOf('環保署')
    await call<Annotation>(officer, 'annotation:add', {
      itemId: note.id,
      type: 'quote',
      anchor: { start, end: start + 3, text: '環保署' },
      note: '来函单位',
    })
    const r = (await officer.dispatch('text:setDecoding', {
      itemId: note.id,
      encoding: 'gb18030',
      reason: '试试',
    })) as Result<unknown>
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('refused')
      expect(r.error.message).toContain(note.number)
    }
    expect((await call<TranscriptView>(officer, 'transcript:get', { itemId: note.id })).text).toBe(NOTE)
  })

  it("a reviewer of the package reads the officer's chosen text, so the quote still fits, and cannot change it", async () => {
    const zip = join(tmp.dir, 'package.zip')
    const exported = await finished(
      officer,
      (await call<{ taskId: string }>(officer, 'export:start', { target: zip })).taskId,
    )
    expect(exported.state, JSON.stringify(exported.error)).toBe('done')
    await call(officer, 'case:close')

    const reviewer = new Backend({
      mode: 'browser',
      dataDir: join(tmp.dir, 'reviewer-data'),
      version: 'test',
    })
    try {
      await call(reviewer, 'profile:save', { ...OFFICER_B, unit: '南京市公安局' })
      const opened = await finished(
        reviewer,
        (await call<{ taskId: string }>(reviewer, 'review:open', { path: zip })).taskId,
      )
      expect(opened.state, JSON.stringify(opened.error)).toBe('done')
      expect((opened.result as PackageVerdict).valid).toBe(true)
      const [item] = (await call<{ items: EvidenceItem[] }>(reviewer, 'evidence:list', {})).items
      expect((await call<TranscriptView>(reviewer, 'transcript:get', { itemId: item.id })).text).toBe(NOTE)
      const quotes = await call<Annotation[]>(reviewer, 'annotation:list', { itemId: item.id })
      expect(quotes.map((q) => q.anchor)).toContainEqual(expect.objectContaining({ text: '環保署' }))
      const write = await reviewer.dispatch('text:setDecoding', {
        itemId: item.id,
        encoding: 'gb18030',
        reason: 'x',
      })
      expect(write.ok).toBe(false)
      if (!write.ok) expect(write.error.code).toBe('read-only')
    } finally {
      await reviewer.dispose()
    }
  }, 120_000)

  it('`evidesk decoding` shows the reading and refuses a change while the quote stands', () => {
    const env = { EVIDESK_DATA_DIR: join(tmp.dir, 'officer-data') }
    const show = evidesk(['decoding', caseDir, note.number, '--json'], env)
    expect(show.code, show.stderr).toBe(0)
    expect(JSON.parse(show.stdout)).toMatchObject({
      number: note.number,
      encoding: 'big5',
      chosenByOfficer: true,
    })
    const words = evidesk(['decoding', caseDir, note.number], env)
    expect(words.stderr).toContain(`${note.number} is read as BIG5 (chosen by an officer`)
    const noReason = evidesk(['decoding', caseDir, note.number, '--as', 'gb18030'], env)
    expect(noReason.code).toBe(2)
    const refused = evidesk(['decoding', caseDir, note.number, '--as', 'gb18030', '--reason', '试试'], env)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('withdraw them')
    const custody = evidesk(['custody', caseDir], env)
    expect(custody.stderr).toMatch(/Text decoding changed .*read as BIG5 \(was GB18030\)/)
  })
})
