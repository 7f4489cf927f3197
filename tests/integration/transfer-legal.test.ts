/**
 * Issue 14 end to end on real cases: the law in force on the day of the act, 从旧兼从轻 as a custody
 * event, criminal vs detention transfers, the case facts a letter needs with their checks, and the
 * electronic-data record whose hashes equal the stored objects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CaseFile } from '../../src/core/case/case-file'
import { objectPath } from '../../src/core/case/layout'
import { iterateCustodyEvents } from '../../src/core/custody/custody-log'
import {
  buildTransferDocument,
  buildTransferDocuments,
  printTransferDocuments,
} from '../../src/core/documents'
import { importPaths } from '../../src/core/evidence/import'
import {
  addAttachment,
  addSeizedItem,
  editBatch,
  listBatches,
  readTransferFields,
  saveTransferFields,
  transferInfo,
} from '../../src/core/transfer'
import { linkEvidence, listLegalBasis, recordLawChoice, saveViolation } from '../../src/core/violations'
import { createChromiumPdfPrinter, findChromium } from '../../src/cli/chromium-pdf'
import { inForceOn } from '../../src/shared/legal-time'
import type { BatchInput } from '../../src/shared/api'
import type { TransferDocument } from '../../src/shared/violation-types'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'
import { completeTransferFacts, ID_WANG } from '../support/transfer-fixture'

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let clock: () => Date
let itemIds: string[]

beforeEach(async () => {
  tmp = tempDir()
  clock = fixedClock()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const media = join(tmp.dir, 'media')
  mkdirSync(media, { recursive: true })
  const { results } = await importPaths(
    file,
    [makeBodycamMp4(media), await makeDroneJpeg(media), makeCemsCsv(media)],
    {
      actor: OFFICER_A,
      clock,
    },
  )
  itemIds = results.map((r) => r.id!)
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const events = (action: string) => [...iterateCustodyEvents(file.db)].filter((e) => e.action === action)
const doc = (docs: TransferDocument[], kind: TransferDocument['kind']) => docs.find((d) => d.kind === kind)

/** An SO2 bypass violation (act at 02:00 in the case zone on `day`) citing `basis`, linked to the body-cam video. */
function bypass(day: string, basis: string[]) {
  const v = saveViolation(
    file,
    {
      title: '通过旁路软管逃避监管排放大气污染物',
      facts: '当事人在1号排放口旁设置旁路软管，未经自动监测设备直接排放含二氧化硫废气。',
      occurredFrom: `${day}T02:00:00+08:00`,
      occurredTo: `${day}T04:00:00+08:00`,
      place: '1号排放口',
      basis,
      status: 'confirmed',
    },
    OFFICER_A,
    clock,
  )
  linkEvidence(
    file,
    { violationId: v.id, itemId: itemIds[0], note: '拍到旁路软管正在排放' },
    OFFICER_A,
    clock,
  )
  return v
}

describe('the law in force on the day of the act', () => {
  it('cites 大气污染防治法 第二十条第二款 / 第九十九条 for an act on 2021-05-24 and the 法典 for the same case on 2026-09-01, and the PDF text shows it', async () => {
    const offered = (day: string) => listLegalBasis(file.db).filter((e) => inForceOn(e, day))
    const on2021 = offered('2021-05-24').map((e) => e.id)
    expect(on2021).toEqual(expect.arrayContaining(['air-20-2', 'air-99-3']))
    expect(on2021.some((id) => id.startsWith('code-'))).toBe(false)
    const on2026 = offered('2026-09-01').map((e) => e.id)
    expect(on2026).toEqual(expect.arrayContaining(['code-164', 'code-1108']))
    expect(on2026).not.toContain('air-20-2')

    const old = bypass('2021-05-24', ['air-20-2', 'air-99-3'])
    const newer = bypass('2026-09-01', ['code-164', 'code-1108'])
    completeTransferFacts(file, OFFICER_A, clock, '2026-12-03')
    const now = new Date('2026-12-03T02:00:00Z')

    const reportFor = (id: string) =>
      doc(buildTransferDocuments(file, { now, signer: null, violationIds: [id] }), 'investigation-report')!
    const oldReport = reportFor(old.id)
    expect(oldReport.html).toContain('《中华人民共和国大气污染防治法》</td><td>第二十条第二款')
    expect(oldReport.html).toContain('第九十九条第（三）项')
    expect(oldReport.html).not.toContain('生态环境法典》</td>')
    // decided after the 法典 took effect: a draft until the officer records 从旧兼从轻
    expect(oldReport.problems.map((p) => p.code)).toContain('law-choice-missing')
    recordLawChoice(
      file,
      { violationId: old.id, chosen: 'old', reason: '新规定不较轻', decidedOn: '2026-12-03' },
      OFFICER_A,
      clock,
    )
    expect(reportFor(old.id).html).not.toContain('生态环境法典')
    const newReport = reportFor(newer.id)
    expect(newReport.html).toContain('《中华人民共和国生态环境法典》</td><td>第一百六十四条')
    expect(newReport.html).toContain('第一千一百零八条')
    expect(newReport.html).not.toContain('大气污染防治法')
    // the 法典 texts were not found: nothing is quoted and the document says so
    expect(newReport.html).toContain('条文未能与公布文本逐字核对')
    expect(newReport.problems.map((p) => p.code)).toContain('unverified-text')
    // a basis not in force on the day of the act is named
    const wrong = bypass('2021-05-24', ['code-164'])
    expect(reportFor(wrong.id).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'basis-not-in-force',
          message: expect.stringContaining('第一百六十四条'),
        }),
      ]),
    )

    if (!findChromium()) return
    const printer = createChromiumPdfPrinter()!
    try {
      for (const [id, law, not] of [
        [old.id, '大气污染防治法第二十条第二款', '生态环境法典'],
        [newer.id, '生态环境法典第一百六十四条', '大气污染防治法'],
      ] as const) {
        const printed = await printTransferDocuments(file, { now, signer: null, violationIds: [id] }, printer)
        const pdf = printed.find((x) => x.doc.kind === 'investigation-report')!.pdf
        const path = join(tmp.dir, `${id}.pdf`)
        writeFileSync(path, pdf)
        const flat = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, '')
        expect(flat.replace(/[《》]/g, '')).toContain(law)
        expect(flat).not.toContain(not)
      }
    } finally {
      await printer.close()
    }
  }, 120_000)

  it('records the 从旧兼从轻 choice with its reason as a custody event; choosing the new law cites the counterparts', () => {
    const v = bypass('2021-05-24', ['air-20-2', 'air-99-3'])
    const decidedOn = '2026-12-03'
    expect(() =>
      recordLawChoice(
        file,
        { violationId: v.id, chosen: 'old', reason: 'x', decidedOn: '2026-06-01' },
        OFFICER_A,
        clock,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'refused',
        message: expect.stringContaining('needs no choice of law'),
      }),
    )
    const choice = recordLawChoice(
      file,
      {
        violationId: v.id,
        chosen: 'old',
        reason: '新旧规定罚款幅度相同，新规定并不较轻，适用行为时的规定。',
        decidedOn,
      },
      OFFICER_B,
      clock,
    )
    expect(choice).toMatchObject({
      chosen: 'old',
      oldIds: ['air-20-2', 'air-99-3'],
      newIds: ['code-164', 'code-1108'],
      recordedBy: OFFICER_B,
    })
    expect(events('law-choice-recorded').at(-1)).toMatchObject({
      actor: OFFICER_B,
      details: {
        number: v.number,
        chosen: 'old',
        reason: expect.stringContaining('新规定并不较轻'),
        old: ['air-20-2', 'air-99-3'],
      },
    })
    const now = new Date('2026-12-03T02:00:00Z')
    const report = doc(buildTransferDocuments(file, { now, signer: null }), 'investigation-report')!
    expect(report.problems.map((p) => p.code)).not.toContain('law-choice-missing')
    expect(report.html).toContain('从旧兼从轻')
    expect(report.html).toContain('适用违法行为发生时的规定')

    recordLawChoice(
      file,
      { violationId: v.id, chosen: 'new', reason: '新规定处罚较轻。', decidedOn },
      OFFICER_A,
      clock,
    )
    const after = events('law-choice-recorded').at(-1)!
    expect(after.details).toMatchObject({
      basisBefore: ['air-20-2', 'air-99-3'],
      basisAfter: ['code-164', 'code-1108'],
    })
    const again = doc(buildTransferDocuments(file, { now, signer: null }), 'investigation-report')!
    expect(again.html).toContain('第一千一百零八条')
    expect(again.problems.map((p) => p.code)).not.toContain('basis-not-in-force')
  })
})

describe('criminal and detention transfers', () => {
  it('a detention-only case produces the detention letter and refuses the criminal one, naming the provision', () => {
    bypass('2021-05-24', ['env-42-4', 'env-63-3'])
    completeTransferFacts(file, OFFICER_A, clock)
    const ctx = { now: new Date('2026-06-02T02:00:00Z'), signer: null }
    const kinds = buildTransferDocuments(file, ctx).map((d) => d.kind)
    expect(kinds).toContain('detention-letter')
    expect(kinds).not.toContain('transfer-letter')
    expect(() => buildTransferDocument(file, ctx, 'transfer-letter')).toThrow(
      expect.objectContaining({
        code: 'refused',
        message: expect.stringContaining('《中华人民共和国环境保护法》第六十三条第（三）项'),
      }),
    )
    const letter = buildTransferDocument(file, ctx, 'detention-letter')
    expect(letter.title).toBe('涉嫌环境违法适用行政拘留处罚案件移送书')
    expect(letter.html).toContain('公治〔2014〕853号')
    expect(letter.html).toContain('《中华人民共和国环境保护法》第六十三条第（三）项')
    expect(letter.html).toContain(ID_WANG)
    // a detention transfer follows a penalty decision: without one registered it is a draft
    expect(letter.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'attachments' })]),
    )
    addAttachment(
      file,
      {
        kind: 'penalty-decision',
        title: '行政处罚决定书',
        reference: '宁环罚字〔2026〕88号',
        copies: 1,
        pages: 4,
      },
      OFFICER_A,
      clock,
    )
    const ready = buildTransferDocument(file, ctx, 'detention-letter')
    expect(ready.problems).toEqual([])
    expect(ready.html).toContain('宁环罚字〔2026〕88号')
    // the report is not titled as a crime report
    expect(doc(buildTransferDocuments(file, ctx), 'investigation-report')!.title).toBe('案件调查报告')
  })

  it('a mixed case produces both letters, each citing only its own grounds, and a receipt page for each', async () => {
    bypass('2021-05-24', ['env-63-3'])
    const crime = bypass('2021-05-24', ['crim-338', 'judicial-2016-1-7'])
    completeTransferFacts(file, OFFICER_A, clock)
    // 法释〔2016〕29号 gave way to 〔2023〕7号 between the act and the decision: the officer decides
    recordLawChoice(
      file,
      {
        violationId: crime.id,
        chosen: 'old',
        reason: '行为时的解释对犯罪嫌疑人并不更不利。',
        decidedOn: '2026-06-02',
      },
      OFFICER_A,
      clock,
    )
    addAttachment(
      file,
      {
        kind: 'penalty-decision',
        title: '行政处罚决定书',
        reference: '宁环罚字〔2026〕88号',
        copies: 1,
        pages: 4,
      },
      OFFICER_A,
      clock,
    )
    addSeizedItem(
      file,
      {
        name: '旁路软管',
        spec: '黑色橡胶软管，长约6米',
        quantity: 1,
        unit: '根',
        storagePlace: '证物室',
        decisionNumber: '宁环封字〔2021〕3号',
      },
      OFFICER_A,
      clock,
    )
    const ctx = { now: new Date('2026-06-02T02:00:00Z'), signer: null }
    const docs = buildTransferDocuments(file, ctx)
    const criminal = doc(docs, 'transfer-letter')!.html
    const detention = doc(docs, 'detention-letter')!.html
    expect(criminal).toContain(
      '《中华人民共和国刑法》第三百三十八条，《最高人民法院 最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释》（法释〔2016〕29号）第一条第（七）项',
    )
    expect(criminal).not.toContain('第六十三条')
    expect(detention).toContain('第六十三条第（三）项')
    expect(detention).not.toContain('第三百三十八条')
    const receipt = doc(docs, 'receipt')!.html
    expect(receipt.match(/<h1>回　执<\/h1>/g)).toHaveLength(2)
    expect(receipt).toContain('《涉嫌犯罪案件移送书》')
    expect(receipt).toContain('《涉嫌环境违法适用行政拘留处罚案件移送书》')
    expect(docs.filter((d) => d.problems.length > 0).map((d) => [d.kind, d.problems])).toEqual([])

    // every document of a full transfer printed with real fonts; EVIDESK_PDF_OUT keeps them for a person to look at
    if (!findChromium()) return
    const printer = createChromiumPdfPrinter()!
    try {
      for (const { doc: d, pdf } of await printTransferDocuments(file, ctx, printer)) {
        const path = join(process.env.EVIDESK_PDF_OUT ?? tmp.dir, `${d.fileName}.pdf`)
        writeFileSync(path, pdf)
        expect(execFileSync('pdffonts', [path], { encoding: 'utf8' }), d.fileName).not.toMatch(/Type 3/)
      }
    } finally {
      await printer.close()
    }
  }, 120_000)
})

describe('the case facts a transfer needs', () => {
  it('are saved as one custody event per edit, with field errors for a bad ID number, a 立案日期 after today and 0 pages', () => {
    const good = {
      filedOn: '2026-05-25',
      permitNumber: 'P-1',
      keyUnit: 'no' as const,
      keyUnitSource: '',
      suspects: [],
    }
    saveTransferFields(file, good, '2026-06-02', OFFICER_A, clock)
    expect(events('transfer-fields-edited')).toHaveLength(1)
    saveTransferFields(file, good, '2026-06-02', OFFICER_A, clock) // nothing changed: no event
    expect(events('transfer-fields-edited')).toHaveLength(1)
    saveTransferFields(file, { ...good, permitNumber: 'P-2' }, '2026-06-02', OFFICER_B, clock)
    expect(events('transfer-fields-edited').at(-1)).toMatchObject({
      actor: OFFICER_B,
      details: { changes: { permitNumber: { from: 'P-1', to: 'P-2' } } },
    })

    const badId = {
      ...good,
      suspects: [{ name: '王五', idNumber: '320102199003071230', role: 'manager' as const, position: '' }],
    }
    expect(() => saveTransferFields(file, badId, '2026-06-02', OFFICER_A, clock)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        fields: [expect.objectContaining({ path: 'suspects.0.idNumber', code: 'resident-id-check-digit' })],
      }),
    )
    expect(() =>
      saveTransferFields(file, { ...good, filedOn: '2026-06-03' }, '2026-06-02', OFFICER_A, clock),
    ).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ path: 'filedOn', code: 'date-in-future' })],
      }),
    )
    expect(() =>
      addAttachment(
        file,
        { kind: 'test-report', title: '监测报告', reference: '', copies: 1, pages: 0 },
        OFFICER_A,
        clock,
      ),
    ).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'pages', code: 'pages-min' })] }),
    )
    // nothing of the refused input was written
    expect(readTransferFields(file.db).permitNumber).toBe('P-2')
    expect(transferInfo(file).attachments).toEqual([])
    expect(events('transfer-fields-edited')).toHaveLength(2)
  })

  it('counts attachments in 份/页, a scan linked to its item or paper, and lists only seized physical things', () => {
    bypass('2021-05-24', ['crim-338', 'judicial-2016-1-7'])
    completeTransferFacts(file, OFFICER_A, clock)
    addAttachment(
      file,
      {
        kind: 'test-report',
        title: '监测报告',
        reference: '宁环监字〔2021〕5号',
        itemId: 'E002',
        copies: 1,
        pages: 6,
      },
      OFFICER_A,
      clock,
    )
    addAttachment(
      file,
      { kind: 'interview-record', title: '询问笔录（赵六）', reference: '', copies: 2, pages: 3 },
      OFFICER_A,
      clock,
    )
    addSeizedItem(
      file,
      {
        name: '旁路软管',
        spec: '黑色橡胶软管，长约6米，内径5厘米',
        quantity: 1,
        unit: '根',
        storagePlace: '南京市生态环境局证物室',
        decisionNumber: '宁环封字〔2021〕3号',
      },
      OFFICER_A,
      clock,
    )
    expect(() =>
      addSeizedItem(
        file,
        { name: 'x', spec: '', quantity: 0, unit: '个', storagePlace: 'y', decisionNumber: 'z' },
        OFFICER_A,
        clock,
      ),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'quantity' })] }))
    const docs = buildTransferDocuments(file, { now: new Date('2026-06-02T02:00:00Z'), signer: null })
    const letter = doc(docs, 'transfer-letter')!.html
    expect(letter).toContain(
      '检验报告、监测报告或者鉴定意见：监测报告（宁环监字〔2021〕5号）</td><td class="num">1 份</td><td class="num">6 页</td><td>扫描件见电子数据 E002',
    )
    expect(letter).toContain(
      '询问笔录（经签名的纸质原件）：询问笔录（赵六）</td><td class="num">2 份</td><td class="num">6 页</td><td>纸质',
    )
    const seized = doc(docs, 'seized-items-list')!.html
    expect(seized).toContain('旁路软管')
    expect(seized).toContain('宁环封字〔2021〕3号')
    expect(seized).toContain('南京市生态环境局证物室')
    // electronic files are not 涉案物品
    expect(seized).not.toContain('.MP4')
    expect(events('attachment-added')).toHaveLength(2)
    expect(events('seized-item-added')).toHaveLength(1)
  })
})

describe('electronic data: the 提取笔录 and the 清单', () => {
  it('carry every field, per import batch, with hashes equal to the stored objects, claiming only what the software proves', () => {
    const v = bypass('2021-05-24', ['crim-338', 'judicial-2016-1-7'])
    linkEvidence(
      file,
      { violationId: v.id, itemId: itemIds[2], note: '二氧化硫折算浓度超标' },
      OFFICER_A,
      clock,
    )
    const [batch] = listBatches(file.db, file.info())
    expect(batch.items).toEqual(['E001', 'E002', 'E003'])
    expect(batch.extractors).toEqual([OFFICER_A.name, OFFICER_B.name])
    const now = new Date('2026-06-02T02:00:00Z')
    const before = buildTransferDocuments(file, { now, signer: null })
    // until place, medium and witness are recorded the record is a draft naming each
    expect(doc(before, 'extraction-record')!.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        `batch.${batch.key}.place`,
        `batch.${batch.key}.medium`,
        `batch.${batch.key}.witness`,
      ]),
    )
    completeTransferFacts(file, OFFICER_A, clock)
    expect(events('extraction-batch-edited').at(-1)).toMatchObject({
      details: { batch: batch.key, changes: { place: { to: '某化工有限公司中控室' } } },
    })
    const docs = buildTransferDocuments(file, { now, signer: null })
    const record = doc(docs, 'extraction-record')!
    expect(record.problems).toEqual([])
    for (const field of [
      '案由',
      '提取对象',
      '提取内容',
      '提取时间',
      '提取地点',
      '原始存储介质',
      '提取方法',
      '提取过程',
      '提取人：张三',
      '提取人：李四',
      '见证人：孙七',
      '持有人：张三',
    ])
      expect(record.html, field).toContain(field)
    expect(record.html).toContain('未扣押，原因：执法记录仪为执法装备')
    expect(record.html).toContain('导入本系统的时间；未记录现场提取时间')
    expect(record.html).toContain('自导入本系统起完整性校验值未发生变化')
    expect(record.html).not.toContain('原始文件未作任何修改')
    const list = doc(docs, 'electronic-data-list')!.html
    for (const field of ['类别', '文件格式', '完整性校验值（SHA-256）', '原始存储介质', '提取时间'])
      expect(list, field).toContain(field)
    for (const id of itemIds) {
      const row = file.db.prepare('SELECT sha256 FROM items WHERE id = ?').get(id) as { sha256: string }
      const stored = createHash('sha256')
        .update(readFileSync(objectPath(file.dir, row.sha256)))
        .digest('hex')
      expect(list).toContain(`<td class="hash">${stored}</td>`)
    }
    // what cannot be true is refused next to its field, and nothing is written
    const edits = events('extraction-batch-edited').length
    const base = {
      key: batch.key,
      extractedAt: null,
      place: 'p',
      medium: 'm',
      mediumSeized: false,
      notSeizedReason: 'r',
      holder: '',
      witness: 'w',
      extractors: ['张三', '李四'],
    }
    const refused: Array<[BatchInput, string]> = [
      [{ ...base, extractedAt: '2026-05-25T00:00:00+08:00' }, 'extractedAt'], // after the import (2026-05-24)
      [{ ...base, notSeizedReason: '' }, 'notSeizedReason'],
      [{ ...base, extractors: ['张三', '张三'] }, 'extractors'],
    ]
    for (const [input, path] of refused)
      expect(() => editBatch(file, input, OFFICER_A, clock), path).toThrow(
        expect.objectContaining({ code: 'invalid-input', fields: [expect.objectContaining({ path })] }),
      )
    expect(events('extraction-batch-edited')).toHaveLength(edits)
    // the scene time, once recorded, is what both documents print
    editBatch(file, { ...base, extractedAt: '2026-05-24T08:30:00+08:00' }, OFFICER_A, clock)
    const timed = buildTransferDocuments(file, { now, signer: null })
    expect(doc(timed, 'extraction-record')!.html).toContain(
      '2026年5月24日8时30分（现场提取时间，由提取人记录）',
    )
    expect(doc(timed, 'electronic-data-list')!.html).toContain('2026-05-24 08:30:00 +08:00')
    const evidence = doc(docs, 'evidence-list')!.html
    expect(evidence).toContain('监测平台：')
    expect(evidence).toContain('依照《中华人民共和国刑事诉讼法》第五十条列明')
    expect(evidence).not.toContain(tmp.dir)
  })
})
