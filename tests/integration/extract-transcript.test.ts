import { statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { extractFile, type ExtractResult } from '../../src/core/evidence/extract/index'
import { parseTranscript } from '../../src/core/evidence/kinds/transcript/extract'
import {
  makeTranscriptDocx,
  makeTranscriptGb18030,
  makeTranscriptUtf16,
  TRANSCRIPT_TEXT,
} from '../support/media'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-transcript-')
afterAll(cleanup)

const extract = (path: string) =>
  extractFile(path, {
    caseTimeZone: 'Asia/Shanghai',
    fileName: basename(path),
    sourceMtimeMs: statSync(path).mtimeMs,
  })

const EXPECTED_HEADER = {
  时间: '2021年5月24日9时30分至10时15分',
  地点: '某某化工有限公司会议室',
  询问人: '张三、李四',
  记录人: '王五',
  被询问人: '赵六',
  性别: '男',
}

/** Every turn's q and a sit at their offsets in the returned text. */
function expectOffsetsHold(r: ExtractResult): void {
  for (const t of r.turns!) {
    if (t.qStart !== null) expect(r.text!.slice(t.qStart, t.qStart + t.q.length)).toBe(t.q)
    if (t.aStart !== null) expect(r.text!.slice(t.aStart, t.aStart + t.a.length)).toBe(t.a)
  }
}

describe('询问笔录 as text', () => {
  it.each([
    ['GB18030', () => makeTranscriptGb18030(dir), 'gb18030'],
    ['UTF-16LE with BOM', () => makeTranscriptUtf16(dir, { fileName: 'le.txt' }), 'utf-16le'],
    [
      'UTF-16BE without BOM',
      () => makeTranscriptUtf16(dir, { fileName: 'be.txt', bom: false, bigEndian: true }),
      'utf-16be',
    ],
  ])('%s: encoding, NFC/LF text, header, turns with offsets', async (_name, make, encoding) => {
    const r = await extract(make())
    expect(r.kind).toBe('transcript')
    expect(r.mime).toBe('text/plain')
    expect(r.meta.encoding).toBe(encoding)
    expect(r.text).toBe(TRANSCRIPT_TEXT.replace(/\r\n/g, '\n'))
    expect(r.meta.turns).toBe(3)
    expect(r.meta.header).toEqual(EXPECTED_HEADER)
    expect(r.turns!.map((t) => [t.q, t.a])).toEqual([
      ['我们是某某市生态环境局的执法人员，现依法向你了解情况，你是否清楚？', '清楚。'],
      ['你公司的脱硫设施5月24日凌晨是否正常运行？', '2点左右脱硫塔循环泵故障停运，\n到4点才修好。'],
      ['以上笔录是否属实？', '属实。'],
    ])
    expectOffsetsHold(r)
    expect(r.warnings).toEqual([])
  })
})

describe('询问笔录 as .docx (mammoth)', () => {
  it('reads the same header and turns', async () => {
    const r = await extract(await makeTranscriptDocx(dir))
    expect(r.kind).toBe('transcript')
    expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(r.meta.turns).toBe(3)
    expect(r.meta.header).toEqual(EXPECTED_HEADER)
    expect(r.turns![1].q).toBe('你公司的脱硫设施5月24日凌晨是否正常运行？')
    expect(r.turns![1].a).toMatch(/^2点左右脱硫塔循环泵故障停运，\n+到4点才修好。$/)
    expect(r.text).toContain('以上笔录是否属实')
    expectOffsetsHold(r)
  })

  it('a Word file that is not an interview record is a document, still indexed', async () => {
    const r = await extract(await makeTranscriptDocx(dir, 'memo.docx', ['会议纪要', '今天讨论了预算。']))
    expect(r.kind).toBe('document')
    expect(r.text).toContain('今天讨论了预算')
  })
})

describe('turn parsing variants', () => {
  it('half-width colons, bracket markers, indentation, answers without a question', () => {
    const text = [
      '　　问:你叫什么名字?',
      '答 ：赵六',
      '【问】住在哪里？',
      '【答】某某村',
      '多行补充',
      '答：补充回答',
      '问：最后一个问题',
    ].join('\n')
    const p = parseTranscript(text)
    expect(p.turns.map((t) => [t.q, t.a])).toEqual([
      ['你叫什么名字?', '赵六'],
      ['住在哪里？', '某某村\n多行补充\n答：补充回答'],
      ['最后一个问题', ''],
    ])
    expect(p.turns[2].aStart).toBeNull()
    const orphan = parseTranscript('答：没有问题的回答')
    expect(orphan.turns).toEqual([{ q: '', a: '没有问题的回答', qStart: null, aStart: 2 }])
  })

  it('NFC normalisation and CRLF/CR line ends', async () => {
    const path = join(dir, 'nfd.txt')
    // "é" as e + combining acute (NFD), CR-only line ends
    writeFileSync(path, '询问笔录\r问：cafe\u0301？\r答：是。\r')
    const r = await extract(path)
    expect(r.text).toBe('询问笔录\n问：café？\n答：是。\n')
    expect(r.turns![0].q).toBe('café？')
  })
})
