import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CaseFile } from '../../src/core/case/case-file'
import { objectPath } from '../../src/core/case/layout'
import { importPaths } from '../../src/core/evidence/import'
import { addAnnotation } from '../../src/core/annotations/annotation-store'
import { linkEvidence, saveViolation } from '../../src/core/violations'
import { iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import {
  buildTransferDocuments,
  editDocumentField,
  pdfPageCount,
  printDocumentPdf,
  printTransferDocuments,
} from '../../src/core/documents'
import type { PdfPrinter } from '../../src/core/documents/pdf-printer'
import { createChromiumPdfPrinter, findChromium } from '../../src/cli/chromium-pdf'
import { reusingPrinter } from '../../src/core/documents/pdf-reuse'
import type { TransferDocument } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { completeTransferFacts } from '../support/transfer-fixture'

const SIGNER = { name: OFFICER_A.name, fingerprint: 'ab'.repeat(32) }
const NOW = new Date('2026-06-02T02:00:00Z')

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let clock: () => Date
let violationId: string
let itemIds: string[]

beforeEach(async () => {
  tmp = tempDir()
  clock = fixedClock()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const media = join(tmp.dir, 'media')
  execFileSync('mkdir', ['-p', media])
  const sources = [makeBodycamMp4(media), await makeDroneJpeg(media), makeCemsCsv(media)]
  const { results } = await importPaths(file, sources, { actor: OFFICER_A, clock })
  itemIds = results.map((r) => r.id!)
  const v = saveViolation(
    file,
    {
      title: '通过旁路软管逃避监管排放大气污染物',
      facts: '2021年5月24日凌晨，当事人在1号排放口旁设置旁路软管，未经自动监测设备直接排放废气。',
      occurredFrom: '2021-05-23T20:00:00Z',
      occurredTo: '2021-05-23T22:00:00Z',
      place: '1号排放口',
      basis: ['env-42-4', 'crim-338'],
      status: 'confirmed',
    },
    OFFICER_A,
    clock,
  )
  violationId = v.id
  const quote = addAnnotation(
    file,
    { itemId: itemIds[0], type: 'time-range', anchor: { start: 0.5, end: 1.5 }, note: '旁路软管' },
    OFFICER_A,
    clock,
  )
  linkEvidence(
    file,
    { violationId, itemId: itemIds[0], annotationId: quote.id, note: '拍到旁路软管正在排放' },
    OFFICER_A,
    clock,
  )
  linkEvidence(file, { violationId, itemId: itemIds[1], note: '航拍显示排放口位置' }, OFFICER_B, clock)
  completeTransferFacts(file, OFFICER_A, clock)
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

function doc(docs: TransferDocument[], kind: TransferDocument['kind']): TransferDocument {
  return docs.find((d) => d.kind === kind)!
}

describe('transfer documents', () => {
  it('are the documents a criminal transfer needs, in order, self-contained, with the case, the enterprise and the basis', () => {
    const docs = buildTransferDocuments(file, { now: NOW, signer: SIGNER })
    // no detention ground, nothing physical seized: no detention letter, no list of seized items
    expect(docs.map((d) => d.fileName)).toEqual([
      '01_移送案件审批表',
      '02_涉嫌犯罪案件移送书',
      '03_回执',
      '04_涉嫌犯罪案件情况的调查报告',
      '05_证据清单',
      '06_电子数据提取笔录',
      '07_电子数据清单',
    ])
    for (const d of docs) {
      expect(d.problems).toEqual([])
      expect(d.html).not.toMatch(/<script|<link|src=|url\(|@import/i)
      expect(d.html).toContain('counter(pages)')
    }
    const letter = doc(docs, 'transfer-letter').html
    expect(letter).toContain('宁环罚〔2026〕12号')
    expect(letter).toContain('某化工有限公司')
    // the criminal letter names the crime and cites 刑法, never the administrative prohibition
    expect(letter).toContain('涉嫌罪名：污染环境罪')
    expect(letter).toContain('《中华人民共和国刑法》第三百三十八条')
    expect(letter).not.toContain('第四十二条第四款')
    expect(letter).toContain('2026年6月2日') // the document date in the case's zone
    expect(letter).toContain('2021年5月24日4时至2021年5月24日6时') // the act in prose, in the case's zone
    expect(letter).toContain('320102199003071239')
    expect(letter).toContain('你局')
    // the outgoing letter carries the seal only; signatures are on the internal approval form
    expect(letter).not.toContain('（签名）')
    expect(letter.match(/联系电话/g)).toHaveLength(1)
    expect(doc(docs, 'approval-form').html).toMatch(/承办人意见[\s\S]*签名[\s\S]*审核人意见[\s\S]*负责人意见/)
    const report = doc(docs, 'investigation-report').html
    expect(report).toContain('91350100M000100Y43')
    expect(report).toContain('王五')
    expect(report).toContain('拍到旁路软管正在排放')
    expect(report).toContain('片段 00:00:00.500–00:00:01.500')
    const evidence = doc(docs, 'evidence-list').html
    expect(evidence).toContain('航拍显示排放口位置')
    // capture time in the case's zone with its source
    expect(evidence).toContain('2021-05-24 04:03:12 +08:00（取自视频容器元数据）')
  })

  it("prints each original's SHA-256 in the electronic data list, equal to the stored object's hash, and the signer's fingerprint", () => {
    const list = doc(buildTransferDocuments(file, { now: NOW, signer: SIGNER }), 'electronic-data-list').html
    for (const id of itemIds) {
      const row = file.db.prepare('SELECT sha256, size FROM items WHERE id = ?').get(id) as {
        sha256: string
        size: number
      }
      const onDisk = createHash('sha256')
        .update(readFileSync(objectPath(file.dir, row.sha256)))
        .digest('hex')
      expect(list).toContain(`<td class="hash">${onDisk}</td>`)
      expect(list).toContain(`<td class="right">${row.size}</td>`)
    }
    expect(list).toContain('abab abab abab abab')
    expect(list).toContain('执法记录仪 DSJ-A8-00123 内置存储卡')
    // what the software can prove, and nothing more
    expect(list).toContain('自导入本系统起完整性校验值未发生变化')
    expect(list).not.toContain('原始文件未作任何修改')
    // never a path of this machine
    expect(list).not.toContain(tmp.dir)
  })

  it('keeps officer edits as custody events that survive reopening, and refuses unknown fields and unprintable text', () => {
    editDocumentField(file, 'transfer-letter', 'addressee', '南京市公安局江北新区分局', OFFICER_B, clock)
    editDocumentField(file, 'transfer-letter', 'docNumber', '宁环移〔2026〕3号', OFFICER_B, clock)
    const last = [...iterateCustodyEvents(file.db)].at(-1)!
    expect(last).toMatchObject({
      action: 'document-edited',
      actor: OFFICER_B,
      details: { kind: 'transfer-letter', key: 'docNumber', to: '宁环移〔2026〕3号' },
    })
    expect(() => editDocumentField(file, 'transfer-letter', 'nonsense', 'x', OFFICER_B, clock)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    )
    expect(() =>
      editDocumentField(file, 'investigation-report', 'conclusion', '结论\u0007', OFFICER_B, clock),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: expect.stringMatching(/conclusion.*U\+0007/),
      }),
    )
    expect(() =>
      editDocumentField(file, 'evidence-list', 'remarks', '私用\uE000区', OFFICER_B, clock),
    ).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ path: 'remarks', code: 'unprintable-text' })],
      }),
    )
    const events = [...iterateCustodyEvents(file.db)].filter((e) => e.action === 'document-edited')
    expect(events).toHaveLength(2)

    const dir = file.dir
    file.close()
    file = CaseFile.open(dir)
    expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    const letter = doc(buildTransferDocuments(file, { now: NOW, signer: null }), 'transfer-letter')
    expect(letter.html).toContain('南京市公安局江北新区分局：')
    expect(letter.html).toContain('宁环移〔2026〕3号')
    expect(letter.fields.find((f) => f.key === 'addressee')).toMatchObject({
      value: '南京市公安局江北新区分局',
      editedBy: OFFICER_B,
    })
    // an empty edit gives the field back to the generated text
    editDocumentField(file, 'transfer-letter', 'addressee', '', OFFICER_A, clock)
    const again = doc(buildTransferDocuments(file, { now: NOW, signer: null }), 'transfer-letter')
    expect(again.fields.find((f) => f.key === 'addressee')).toMatchObject({ value: '', editedBy: null })
  })

  it('marks the documents as drafts when a violation has no legal basis, and names case text that cannot be printed', () => {
    saveViolation(
      file,
      {
        title: '未批先建',
        facts: '',
        occurredFrom: null,
        occurredTo: null,
        place: '',
        basis: [],
        status: 'draft',
      },
      OFFICER_A,
      clock,
    )
    file.update({ title: '某化工有限公司案\u0001' }, OFFICER_A, clock)
    const docs = buildTransferDocuments(file, { now: NOW, signer: null })
    const report = doc(docs, 'investigation-report')
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'no-legal-basis', message: expect.stringContaining('V2') }),
        expect.objectContaining({ code: 'no-evidence' }),
      ]),
    )
    expect(report.html).toContain('草稿')
    expect(doc(docs, 'approval-form').problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unprintable-text', field: '案件名称' })]),
    )
  })

  it('refuses a printer that returns something other than a PDF', async () => {
    const fake: PdfPrinter = { print: async () => Buffer.from('<html>'), close: async () => undefined }
    const d = buildTransferDocuments(file, { now: NOW, signer: null })[0]
    await expect(printDocumentPdf(fake, d)).rejects.toMatchObject({ code: 'internal' })
  })
})

describe('transfer documents as PDF', () => {
  let printer: PdfPrinter | null = null
  beforeAll(() => {
    printer = createChromiumPdfPrinter()
  })
  afterAll(async () => {
    await printer?.close()
  })

  it.skipIf(!findChromium())(
    'print through Chromium with the Chinese text, hashes and page numbers intact',
    async () => {
      editDocumentField(file, 'transfer-letter', 'addressee', '南京市公安局江北新区分局', OFFICER_A, clock)
      const printed = await printTransferDocuments(file, { now: NOW, signer: SIGNER }, printer!)
      const sha = (
        file.db.prepare('SELECT sha256 FROM items WHERE id = ?').get(itemIds[0]) as { sha256: string }
      ).sha256
      const expected: Record<string, string[]> = {
        'approval-form': ['移送案件审批表', '承办人意见'],
        'transfer-letter': ['涉嫌犯罪案件移送书', '南京市公安局江北新区分局', '电子数据清单', '污染环境罪'],
        receipt: ['回执', '涉嫌犯罪案件移送书'],
        'investigation-report': ['涉嫌犯罪案件情况的调查报告', '91350100M000100Y43', '拍到旁路软管正在排放'],
        'evidence-list': ['证据清单', '拍到旁路软管正在排放', '视听资料、电子数据'],
        'extraction-record': ['电子数据提取笔录', '自导入本系统起完整性校验值未发生变化', '孙七'],
        'electronic-data-list': ['电子数据清单', sha],
      }
      expect(printed.map((x) => x.doc.kind)).toEqual(Object.keys(expected))
      // the letter's 附件 list counts the pages of the documents printed before it
      const reportPages = pdfPageCount(printed.find((x) => x.doc.kind === 'investigation-report')!.pdf)
      expect(reportPages).toBeGreaterThan(0)
      expect(printed.find((x) => x.doc.kind === 'transfer-letter')!.doc.html).toMatch(
        new RegExp(
          `涉嫌犯罪案件情况的调查报告</td><td class="num">1 份</td><td class="num">${reportPages} 页`,
        ),
      )
      for (const { doc: d, pdf } of printed) {
        const path = join(tmp.dir, `${d.fileName}.pdf`)
        writeFileSync(path, pdf)
        // EVIDESK_PDF_OUT keeps the PDFs for a person to look at
        if (process.env.EVIDESK_PDF_OUT)
          writeFileSync(join(process.env.EVIDESK_PDF_OUT, `${d.fileName}.pdf`), pdf)
        // -raw keeps each text run whole, so a 64-digit hash split over table lines is still found
        const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
        const flat = text.replace(/\s+/g, '')
        expect(flat, d.fileName).toContain('宁环罚〔2026〕12号')
        expect(flat, d.fileName).toContain('某化工有限公司')
        // pdftotext drops the spaces around the numbers of the bottom margin box
        expect(flat, d.fileName).toMatch(/第1页共\d+页/)
        for (const s of expected[d.kind]) expect(flat, `${d.fileName}: ${s}`).toContain(s.replace(/\s+/g, ''))
        // every font embedded as a real outline font: no Type 3 glyph procedures
        const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
        expect(fonts, `${d.fileName}\n${fonts}`).not.toMatch(/Type 3/)
        expect(fonts, d.fileName).toMatch(/CID TrueType/)
      }
    },
    120_000,
  )

  it.skipIf(!findChromium())(
    'an unchanged document is not printed again: its PDF is reused by the hash of its HTML; a changed one is printed anew',
    async () => {
      let prints = 0
      const counting: PdfPrinter = {
        print: (html, signal) => (prints++, printer!.print(html, signal)),
        close: async () => undefined,
      }
      const kept = join(file.dir, 'derived', 'printed')
      const first = await printTransferDocuments(
        file,
        { now: NOW, signer: SIGNER },
        reusingPrinter(counting, kept),
      )
      expect(prints).toBe(first.length)
      const again = reusingPrinter(counting, kept)
      const second = await printTransferDocuments(file, { now: NOW, signer: SIGNER }, again)
      expect(prints).toBe(first.length)
      expect(again.reused).toBe(first.length)
      for (const [i, { pdf }] of second.entries()) expect(pdf.equals(first[i].pdf)).toBe(true)
      // a new addressee changes the letter (and nothing else): only the letter is printed again
      editDocumentField(file, 'transfer-letter', 'addressee', '南京市公安局江北新区分局', OFFICER_A, clock)
      const third = await printTransferDocuments(
        file,
        { now: NOW, signer: SIGNER },
        reusingPrinter(counting, kept),
      )
      expect(prints).toBe(first.length + 1)
      const letter = third.find((x) => x.doc.kind === 'transfer-letter')!.pdf
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], {
        input: letter,
        encoding: 'utf8',
      })
      expect(text.replace(/\s+/g, '')).toContain('南京市公安局江北新区分局')
    },
    120_000,
  )
})
