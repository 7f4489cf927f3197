import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { Backend } from '../../src/core/api/backend'
import { CaseFile } from '../../src/core/case/case-file'
import { importPaths } from '../../src/core/evidence/import'
import { addAnnotation, withdrawAnnotation } from '../../src/core/annotations/annotation-store'
import { indexedText } from '../../src/core/annotations/anchor-bounds'
import { iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { EvidenceError } from '../../src/core/errors'
import {
  addLocalLegalBasis,
  builtinCatalogue,
  caseLegalBasis,
  evidenceMatrix,
  getViolation,
  linkEvidence,
  listLegalBasis,
  listViolations,
  saveViolation,
  unlinkEvidence,
  withdrawViolation,
} from '../../src/core/violations'
import type { ViolationInput } from '../../src/shared/api'
import type { EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeTranscriptGb18030 } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let clock: () => Date
let photo: EvidenceItem
let transcript: EvidenceItem
let spare: EvidenceItem

beforeEach(async () => {
  tmp = tempDir()
  clock = fixedClock()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const src = join(tmp.dir, 'src')
  mkdirSync(src)
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .jpeg()
    .toFile(join(src, '排污口.jpg'))
  await sharp({ create: { width: 32, height: 32, channels: 3, background: '#204060' } })
    .png()
    .toFile(join(src, '厂区.png'))
  makeTranscriptGb18030(src)
  const { results } = await importPaths(file, [src], { actor: OFFICER_A, clock })
  const byName = (n: string) => results.find((r) => r.path.endsWith(n))!
  const { getItem } = await import('../../src/core/evidence/item-repository')
  photo = getItem(file.db, byName('排污口.jpg').id!)!
  spare = getItem(file.db, byName('厂区.png').id!)!
  transcript = getItem(file.db, byName('询问笔录-赵六.txt').id!)!
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const draft = (over: Partial<ViolationInput> = {}): ViolationInput => ({
  title: '通过不正常运行大气污染防治设施逃避监管排放大气污染物',
  facts: '2021年5月24日2时至4时，脱硫塔循环泵停运期间继续生产排放。',
  occurredFrom: '2021-05-24T02:00:00+08:00',
  occurredTo: '2021-05-24T04:00:00+08:00',
  place: '某化工有限公司1号锅炉排口',
  basis: ['air-20-2', 'air-99-3'],
  status: 'draft',
  ...over,
})

const events = () => [...iterateCustodyEvents(file.db)]
const lastEvent = () => events().at(-1)!

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(EvidenceError)
    expect((err as EvidenceError).code).toBe(code)
    expect((err as EvidenceError).message).toMatch(message)
    return
  }
  throw new Error(`expected an EvidenceError ${code}`)
}

describe('violations', () => {
  it('are created with a number, the case subject, UTC times and a custody event; the cited basis is copied into the case', () => {
    expect(caseLegalBasis(file.db)).toEqual([])
    const v = saveViolation(file, draft(), OFFICER_B, clock)
    expect(v).toMatchObject({
      number: 'V1',
      status: 'draft',
      basis: ['air-20-2', 'air-99-3'],
      occurredFrom: '2021-05-23T18:00:00.000Z',
      occurredTo: '2021-05-23T20:00:00.000Z',
      subject: sampleCaseFields().subject,
      createdBy: OFFICER_B,
      withdrawnAt: null,
      links: [],
    })
    expect(caseLegalBasis(file.db).map((e) => [e.id, e.origin, e.catalogueVersion])).toEqual([
      ['air-20-2', 'builtin', builtinCatalogue().version],
      ['air-99-3', 'builtin', builtinCatalogue().version],
    ])
    expect(lastEvent()).toMatchObject({
      action: 'violation-created',
      actor: OFFICER_B,
      details: { violationId: v.id, number: 'V1', basis: ['air-20-2', 'air-99-3'], status: 'draft' },
    })
    expect(getViolation(file.db, 'v1')).toEqual(v)
    expect(getViolation(file.db, v.id)).toEqual(v)
    expect(getViolation(file.db, 'V9')).toBeNull()
    const second = saveViolation(
      file,
      draft({ title: '超标排放', basis: ['air-18', 'air-99-2'] }),
      OFFICER_A,
      clock,
    )
    expect(second.number).toBe('V2')
    expect(listViolations(file.db).map((x) => x.number)).toEqual(['V1', 'V2'])
  })

  it('records each edit with only the changed fields, and nothing for an edit that changes nothing', () => {
    const v = saveViolation(file, draft(), OFFICER_A, clock)
    const before = events().length
    expect(saveViolation(file, { ...draft(), id: v.id }, OFFICER_A, clock)).toEqual(v)
    expect(events().length).toBe(before)
    const edited = saveViolation(
      file,
      { ...draft(), id: 'V1', status: 'confirmed', basis: ['air-20-2', 'air-99-3', 'env-42-4'] },
      OFFICER_B,
      clock,
    )
    expect(edited.status).toBe('confirmed')
    expect(edited.basis).toEqual(['air-20-2', 'air-99-3', 'env-42-4'])
    const e = lastEvent()
    expect(e.action).toBe('violation-edited')
    expect(e.details).toMatchObject({
      violationId: v.id,
      changes: {
        status: { from: 'draft', to: 'confirmed' },
        basis: { from: ['air-20-2', 'air-99-3'], to: ['air-20-2', 'air-99-3', 'env-42-4'] },
      },
      basisCopied: [{ id: 'env-42-4' }],
    })
    expect(Object.keys(e.details.changes as object).sort()).toEqual(['basis', 'status'])
    // survives reopening, and the chain still verifies
    const dir = file.dir
    file.close()
    file = CaseFile.open(dir)
    expect(getViolation(file.db, v.id)).toEqual(edited)
    expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
  })

  it('keep the legal basis as the case holds it, even when the built-in catalogue has moved on', () => {
    saveViolation(file, draft(), OFFICER_A, clock)
    // Simulate a case made with an older catalogue release whose wording differed.
    const old = { ...caseLegalBasis(file.db)[0], text: '（旧版目录中的条文）', catalogueVersion: '2025.1' }
    file.db
      .prepare('UPDATE legal_basis SET entry_json = ?, catalogue_version = ? WHERE id = ?')
      .run(JSON.stringify(old), '2025.1', 'air-20-2')
    const listed = listLegalBasis(file.db)
    expect(listed.find((e) => e.id === 'air-20-2')).toMatchObject({
      text: '（旧版目录中的条文）',
      catalogueVersion: '2025.1',
    })
    // the rest of the built-in catalogue is still offered, once each
    expect(listed.map((e) => e.id).sort()).toEqual(
      builtinCatalogue()
        .entries.map((e) => e.id)
        .sort(),
    )
  })

  it('refuse unknown, duplicated and reversed input with messages naming the problem', () => {
    expectError(
      () => saveViolation(file, draft({ basis: ['water-999'] }), OFFICER_A, clock),
      'invalid-input',
      /water-999/,
    )
    expectError(
      () => saveViolation(file, draft({ basis: ['air-20-2', 'air-20-2'] }), OFFICER_A, clock),
      'invalid-input',
      /air-20-2.*twice/,
    )
    expectError(
      () =>
        saveViolation(
          file,
          draft({ occurredFrom: '2021-05-24T05:00:00+08:00', occurredTo: '2021-05-24T04:00:00+08:00' }),
          OFFICER_A,
          clock,
        ),
      'invalid-input',
      /ends .* before it begins/,
    )
    expectError(() => saveViolation(file, { ...draft(), id: 'V7' }, OFFICER_A, clock), 'not-found', /V7/)
    expect(listViolations(file.db)).toEqual([])
    expect(caseLegalBasis(file.db)).toEqual([])
  })

  it('cannot be marked transferred without a legal basis that grounds a transfer to the police', () => {
    expectError(
      () => saveViolation(file, draft({ basis: [], status: 'transferred' }), OFFICER_A, clock),
      'refused',
      /transferred.*no legal basis/,
    )
    const v = saveViolation(file, draft({ basis: ['water-39', 'water-83-3'] }), OFFICER_A, clock)
    expectError(
      () =>
        saveViolation(
          file,
          { ...draft({ basis: ['water-39', 'water-83-3'] }), id: v.id, status: 'transferred' },
          OFFICER_A,
          clock,
        ),
      'refused',
      /water-39, water-83-3/,
    )
    expect(getViolation(file.db, v.id)!.status).toBe('draft')
    const transferred = saveViolation(
      file,
      { ...draft({ basis: ['water-39', 'water-83-3', 'env-63-3'] }), id: v.id, status: 'transferred' },
      OFFICER_A,
      clock,
    )
    expect(transferred.status).toBe('transferred')
  })

  it('are withdrawn with a reason, kept on record, and can no longer be edited or linked', () => {
    const v = saveViolation(file, draft(), OFFICER_A, clock)
    const w = withdrawViolation(file, 'V1', '经复核不构成违法', OFFICER_B, clock)
    expect(w.withdrawnReason).toBe('经复核不构成违法')
    expect(lastEvent()).toMatchObject({
      action: 'violation-withdrawn',
      details: { violationId: v.id, reason: '经复核不构成违法' },
    })
    expect(listViolations(file.db)).toEqual([])
    expect(listViolations(file.db, { includeWithdrawn: true }).map((x) => x.id)).toEqual([v.id])
    expectError(
      () => saveViolation(file, { ...draft(), id: v.id, title: '改' }, OFFICER_A, clock),
      'refused',
      /withdrawn/,
    )
    expectError(
      () => linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '' }, OFFICER_A, clock),
      'refused',
      /withdrawn/,
    )
  })
})

describe('local legal basis', () => {
  const local = {
    id: 'js-air-12',
    law: '《江苏省大气污染防治条例》',
    lawEn: 'Jiangsu Provincial Regulation on Air Pollution Prevention',
    article: '第十二条',
    text: '（地方条文）',
    act: '地方规定的违法行为',
    actEn: 'A locally defined offence',
    role: 'prohibition' as const,
    pairsWith: ['air-99-3'],
    transferKind: 'none' as const,
  }

  it('is added with the local- prefix and a custody event, can be cited, and its id cannot be reused', () => {
    const e = addLocalLegalBasis(file, local, OFFICER_A, clock)
    expect(e).toMatchObject({ id: 'local-js-air-12', origin: 'local', catalogueVersion: 'local' })
    expect(lastEvent()).toMatchObject({
      action: 'legal-basis-added',
      details: { entry: { id: 'local-js-air-12' } },
    })
    expect(listLegalBasis(file.db).at(-1)).toEqual(e)
    const v = saveViolation(file, draft({ basis: ['local-js-air-12', 'air-99-3'] }), OFFICER_A, clock)
    expect(v.basis).toEqual(['local-js-air-12', 'air-99-3'])
    expectError(
      () => addLocalLegalBasis(file, local, OFFICER_A, clock),
      'invalid-input',
      /local-js-air-12.*already in use/,
    )
    expectError(
      () => addLocalLegalBasis(file, { ...local, id: 'local-js-air-12' }, OFFICER_A, clock),
      'invalid-input',
      /already in use/,
    )
  })

  it('refuses a pair with an entry nobody knows', () => {
    expectError(
      () => addLocalLegalBasis(file, { ...local, pairsWith: ['air-404'] }, OFFICER_A, clock),
      'invalid-input',
      /air-404/,
    )
    expect(caseLegalBasis(file.db)).toEqual([])
  })
})

describe('links between violations and evidence', () => {
  let v: Violation
  beforeEach(() => {
    v = saveViolation(file, draft(), OFFICER_A, clock)
  })

  it('link a whole item or a citation, with the anchor kept and an evidence-linked event on the item', () => {
    const whole = linkEvidence(
      file,
      { violationId: 'V1', itemId: photo.number, note: '排污口现场照片' },
      OFFICER_B,
      clock,
    )
    expect(whole).toMatchObject({
      violationId: v.id,
      itemId: photo.id,
      itemNumber: photo.number,
      annotationId: null,
      anchor: null,
      note: '排污口现场照片',
      createdBy: OFFICER_B,
      removedAt: null,
      problem: null,
    })
    // a quote must be the transcript's words at its offsets (checked in addAnnotation)
    const words = '循环泵故障停运'
    const at = indexedText(file.db, transcript.id)!.indexOf(words)
    expect(at).toBeGreaterThan(0)
    const quote = addAnnotation(
      file,
      { itemId: transcript.id, type: 'quote', anchor: { start: at, end: at + words.length, text: words } },
      OFFICER_A,
      clock,
    )
    const cited = linkEvidence(
      file,
      { violationId: v.id, itemId: transcript.id, annotationId: quote.id, note: '当事人承认设施停运' },
      OFFICER_A,
      clock,
    )
    expect(cited).toMatchObject({
      annotationType: 'quote',
      anchor: quote.anchor,
      itemNumber: transcript.number,
    })
    expect(lastEvent()).toMatchObject({
      action: 'evidence-linked',
      itemId: transcript.id,
      details: { linkId: cited.id, violationId: v.id, annotationId: quote.id, note: '当事人承认设施停运' },
    })
    expect(getViolation(file.db, v.id)!.links.map((l) => l.id)).toEqual([whole.id, cited.id])
    expectError(
      () => linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '再次' }, OFFICER_A, clock),
      'refused',
      /already linked to V1/,
    )
  })

  it('refuse a missing violation, item or citation, a citation of another item and a withdrawn citation', () => {
    expectError(
      () => linkEvidence(file, { violationId: 'V5', itemId: photo.id, note: '' }, OFFICER_A, clock),
      'not-found',
      /V5/,
    )
    expectError(
      () => linkEvidence(file, { violationId: v.id, itemId: 'E099', note: '' }, OFFICER_A, clock),
      'not-found',
      /E099/,
    )
    expectError(
      () =>
        linkEvidence(
          file,
          { violationId: v.id, itemId: photo.id, annotationId: 'nope', note: '' },
          OFFICER_A,
          clock,
        ),
      'not-found',
      /citation nope/,
    )
    const region = addAnnotation(
      file,
      { itemId: photo.id, type: 'region', anchor: { x: 1, y: 1, w: 5, h: 5 } },
      OFFICER_A,
      clock,
    )
    expectError(
      () =>
        linkEvidence(
          file,
          { violationId: v.id, itemId: spare.id, annotationId: region.id, note: '' },
          OFFICER_A,
          clock,
        ),
      'invalid-input',
      /another evidence item/,
    )
    withdrawAnnotation(file, region.id, '框选有误', OFFICER_A, clock)
    expectError(
      () =>
        linkEvidence(
          file,
          { violationId: v.id, itemId: photo.id, annotationId: region.id, note: '' },
          OFFICER_A,
          clock,
        ),
      'refused',
      /withdrawn/,
    )
    expect(getViolation(file.db, v.id)!.links).toEqual([])
  })

  it('mark a link whose citation was withdrawn later, and the matrix counts it as a gap', () => {
    const region = addAnnotation(
      file,
      { itemId: photo.id, type: 'region', anchor: { x: 1, y: 1, w: 5, h: 5 } },
      OFFICER_A,
      clock,
    )
    linkEvidence(
      file,
      { violationId: v.id, itemId: photo.id, annotationId: region.id, note: '黑烟' },
      OFFICER_A,
      clock,
    )
    expect(evidenceMatrix(file.db).violationsWithoutEvidence).toEqual([])
    withdrawAnnotation(file, region.id, '框选有误', OFFICER_B, clock)
    const [link] = getViolation(file.db, v.id)!.links
    expect(link.problem).toBe('citation-withdrawn')
    expect(listViolations(file.db)[0].links[0].problem).toBe('citation-withdrawn')
    const m = evidenceMatrix(file.db)
    expect(m.violationsWithoutEvidence).toEqual([v.id])
    expect(m.cells).toEqual([])
  })

  it('unlink with a reason: the link stays on record, removed, and leaves the matrix', () => {
    const link = linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '' }, OFFICER_A, clock)
    const removed = unlinkEvidence(file, link.id, '与本违法行为无关', OFFICER_B, clock)
    expect(removed).toMatchObject({ id: link.id, removedReason: '与本违法行为无关' })
    expect(removed.removedAt).not.toBeNull()
    expect(lastEvent()).toMatchObject({
      action: 'evidence-unlinked',
      itemId: photo.id,
      details: { linkId: link.id, reason: '与本违法行为无关' },
    })
    expect(getViolation(file.db, v.id)!.links).toEqual([removed])
    expect(evidenceMatrix(file.db).violationsWithoutEvidence).toEqual([v.id])
    expectError(
      () => unlinkEvidence(file, 'no-such-link', 'x', OFFICER_A, clock),
      'not-found',
      /no-such-link/,
    )
    // linking it again is allowed once the earlier link was removed
    expect(
      linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '重新关联' }, OFFICER_A, clock)
        .removedAt,
    ).toBeNull()
  })

  it('the matrix shows violations without evidence and evidence that proves nothing', () => {
    const v2 = saveViolation(
      file,
      draft({ title: '超标排放', basis: ['air-18', 'air-99-2'] }),
      OFFICER_A,
      clock,
    )
    const quote = addAnnotation(
      file,
      { itemId: transcript.id, type: 'quote', anchor: { start: 0, end: 4, text: '询问笔录' } },
      OFFICER_A,
      clock,
    )
    linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '照片' }, OFFICER_A, clock)
    linkEvidence(file, { violationId: v.id, itemId: transcript.id, note: '笔录' }, OFFICER_A, clock)
    linkEvidence(
      file,
      { violationId: v.id, itemId: transcript.id, annotationId: quote.id, note: '原话' },
      OFFICER_A,
      clock,
    )
    const v3 = saveViolation(file, draft({ title: '将撤回' }), OFFICER_A, clock)
    linkEvidence(file, { violationId: v3.id, itemId: spare.id, note: '' }, OFFICER_A, clock)
    withdrawViolation(file, v3.id, '重复立项', OFFICER_A, clock)
    const m = evidenceMatrix(file.db)
    expect(m.violations.map((x) => x.number)).toEqual(['V1', 'V2'])
    expect(m.items.map((i) => i.number)).toEqual(['E001', 'E002', 'E003'])
    expect(m.cells).toEqual(
      expect.arrayContaining([
        { violationId: v.id, itemId: photo.id, links: 1, citations: 0 },
        { violationId: v.id, itemId: transcript.id, links: 2, citations: 1 },
      ]),
    )
    expect(m.cells).toHaveLength(2)
    expect(m.violationsWithoutEvidence).toEqual([v2.id])
    // the withdrawn violation's link proves nothing any more
    expect(m.itemsProvingNothing).toEqual([spare.id])
    expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
  })
})

describe('a case opened read-only', () => {
  it('refuses every change with read-only', () => {
    const v = saveViolation(file, draft(), OFFICER_A, clock)
    const dir = file.dir
    file.close()
    file = CaseFile.open(dir, { readOnly: true })
    expect(listViolations(file.db).map((x) => x.id)).toEqual([v.id])
    expectError(() => saveViolation(file, draft(), OFFICER_A, clock), 'read-only', /read-only/)
    expectError(() => withdrawViolation(file, v.id, 'x', OFFICER_A, clock), 'read-only', /read-only/)
    expectError(
      () => linkEvidence(file, { violationId: v.id, itemId: photo.id, note: '' }, OFFICER_A, clock),
      'read-only',
      /read-only/,
    )
  })
})

describe('the violation channels', () => {
  it('work end to end through the backend, with field errors for an unknown basis', async () => {
    file.close()
    const backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test', clock })
    try {
      await backend.dispatch('profile:save', { ...OFFICER_B, unit: '南京市生态环境局' })
      expect((await backend.dispatch('case:open', { dir: join(tmp.dir, 'case') })).ok).toBe(true)
      const legal = await backend.dispatch('legal:list', {})
      expect(legal.ok && (legal.value as Array<{ id: string }>).length).toBe(
        builtinCatalogue().entries.length,
      )
      const bad = await backend.dispatch('violation:save', draft({ basis: ['nope'] }))
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: [{ path: 'basis.0', code: 'legal-basis-unknown' }] },
      })
      const saved = await backend.dispatch('violation:save', draft())
      expect(saved.ok).toBe(true)
      const id = (saved as { value: Violation }).value.id
      const link = await backend.dispatch('violation:link', { violationId: id, itemId: 'E001', note: '照片' })
      expect(link).toMatchObject({ ok: true, value: { itemNumber: 'E001', createdBy: OFFICER_B } })
      const matrix = await backend.dispatch('violation:matrix', {})
      expect(matrix).toMatchObject({ ok: true, value: { violationsWithoutEvidence: [] } })
      const got = await backend.dispatch('violation:get', { id: 'V1' })
      expect(got).toMatchObject({ ok: true, value: { id, links: [{ note: '照片' }] } })
      const missing = await backend.dispatch('violation:get', { id: 'V2' })
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    } finally {
      await backend.dispose()
      file = CaseFile.open(join(tmp.dir, 'case'), { readOnly: true })
    }
  })
})
