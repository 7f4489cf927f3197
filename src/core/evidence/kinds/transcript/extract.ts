/**
 * Interview records (询问笔录 / 讯问笔录) as plain text (UTF-8, UTF-16 or GB18030) or .docx:
 * normalised text for the search index, the 问/答 turns with character offsets (so a link can
 * anchor a quote), and the header fields officers fill in above the first question.
 */
import { readFile } from 'node:fs/promises'
import { decodeText, normaliseText, type DecodedText, type TextEncoding } from '../../extract/text-decode'
import { DocxTooLarge, checkDocxInflation } from './docx-limits'
import { emptyFacts, reason, type ExtractFacts, type TranscriptTurn } from '../../extract/extract-result'

export type { TranscriptTurn }

export interface ParsedTranscript {
  turns: TranscriptTurn[]
  /** header fields before the first question, keys as written without inner spaces: 时间, 地点, 询问人 … */
  header: Record<string, string>
  title: string | null
}

const SP = '[ \\t\\u3000]'
// 问：/问:/问 ：/【问】/[答] … at the start of a line (after indentation).
const MARKER = new RegExp(
  `^${SP}*(?:[【\\[〔（(]${SP}*(问|答)${SP}*[】\\]〕）)]${SP}*[:：]?|(问|答)${SP}*[:：])${SP}*`,
)

/** Header keys, longest first so 被询问人 wins over 询问人 at the same place. */
const HEADER_KEYS = [
  '被询问人姓名',
  '被询问单位',
  '与案件关系',
  '身份证号码',
  '执法证件号',
  '户籍地址',
  '文化程度',
  '联系电话',
  '工作单位',
  '询问时间',
  '讯问时间',
  '调查时间',
  '询问地点',
  '讯问地点',
  '调查地点',
  '出生日期',
  '身份证号',
  '证件号码',
  '执法证号',
  '被询问人',
  '被讯问人',
  '被调查人',
  '现住址',
  '询问人',
  '讯问人',
  '调查人',
  '记录人',
  '在场人',
  '翻译人',
  '时间',
  '地点',
  '姓名',
  '性别',
  '年龄',
  '民族',
  '单位',
  '职务',
  '职业',
  '电话',
  '住址',
  '案由',
].sort((a, b) => b.length - a.length)

/** Keys that only an interview record has; two of them make a text a transcript. */
const STRONG_KEYS = new Set([
  '询问人',
  '讯问人',
  '被询问人',
  '被讯问人',
  '被调查人',
  '记录人',
  '询问时间',
  '询问地点',
  '讯问时间',
  '被询问人姓名',
])

const KEY_RE = new RegExp(
  `(?<=^|[\\s\\u3000，,；;。])(${HEADER_KEYS.map((k) => [...k].join(`${SP}*`)).join('|')})${SP}*[:：]`,
  'g',
)
const TITLE_RE = /(询问|讯问|调查询问|调查|询查)笔录/

interface Line {
  start: number
  end: number
  text: string
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    lines.push({ start, end, text: text.slice(start, end) })
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}

/** Header fields in one line: "询问人：张三  记录人：李四" gives two. */
function headerFields(line: string, into: Record<string, string>): void {
  const hits = [...line.matchAll(KEY_RE)]
  hits.forEach((h, i) => {
    const key = h[1].replace(/[ \t\u3000]/g, '')
    const from = (h.index ?? 0) + h[0].length
    const to = i + 1 < hits.length ? (hits[i + 1].index ?? line.length) : line.length
    const value = line.slice(from, to).replace(/^[\s\u3000_＿]+|[\s\u3000_＿，,；;]+$/g, '')
    if (value && !(key in into)) into[key] = value
  })
}

/**
 * Turns, header fields and title of a normalised transcript text (see normaliseText). Offsets
 * index that text. Text that is not a transcript gives no turns; never throws.
 */
export function parseTranscript(text: string): ParsedTranscript {
  const lines = splitLines(text)
  const turns: TranscriptTurn[] = []
  const header: Record<string, string> = {}
  let title: string | null = null
  let cur: TranscriptTurn | null = null
  // the part being extended by continuation lines: its start offset and where its text ends
  let open: { which: 'q' | 'a'; start: number; end: number } | null = null

  const close = (): void => {
    if (cur && open) {
      const body = text.slice(open.start, open.end).trimEnd()
      if (open.which === 'q') cur.q = body
      else cur.a = body
    }
    open = null
  }

  for (const line of lines) {
    const m = MARKER.exec(line.text)
    if (m) {
      const which = (m[1] ?? m[2]) === '问' ? 'q' : 'a'
      const contentStart = line.start + m[0].length
      if (which === 'a' && cur && cur.aStart !== null && open) {
        // a second 答 line straight after an answer continues that answer
        open.end = line.end
        continue
      }
      close()
      if (which === 'q' || !cur) {
        // a question opens a turn; so does an answer with no question before it
        cur = { q: '', a: '', qStart: null, aStart: null }
        turns.push(cur)
      }
      if (which === 'q') cur.qStart = contentStart
      else cur.aStart = contentStart
      open = { which, start: contentStart, end: line.end }
      continue
    }
    if (open) {
      open.end = line.end
      continue
    }
    if (turns.length === 0) {
      if (title === null && TITLE_RE.test(line.text)) title = line.text.trim()
      headerFields(line.text, header)
    }
  }
  close()
  return { turns, header, title }
}

/** True when a text reads like an interview record: 问/答 turns, a 笔录 title or interview header fields. */
export function looksLikeTranscript(text: string): boolean {
  const lines = text.split('\n', 2000)
  let q = 0
  let a = 0
  for (const l of lines) {
    const m = MARKER.exec(l)
    if (!m) continue
    if ((m[1] ?? m[2]) === '问') q++
    else a++
  }
  if (q >= 1 && a >= 1) return true
  if (lines.slice(0, 10).some((l) => TITLE_RE.test(l) && l.trim().length <= 30)) return true
  const header: Record<string, string> = {}
  for (const l of lines.slice(0, 60)) headerFields(l, header)
  return Object.keys(header).filter((k) => STRONG_KEYS.has(k)).length >= 2
}

/**
 * Plain text of a .docx (paragraphs separated by blank lines, as mammoth gives them), once it is
 * known not to inflate past the caps (docx-limits.ts): mammoth inflates whole parts in memory.
 */
export async function docxText(source: string | Buffer): Promise<string> {
  await checkDocxInflation(source)
  // loaded on first use: mammoth and its zip reader cost every command's start-up ~0.1 s otherwise
  const { default: mammoth } = await import('mammoth')
  const res = await mammoth.extractRawText(typeof source === 'string' ? { path: source } : { buffer: source })
  return res.value
}

/**
 * A transcript file (.txt in any detected encoding, or .docx when `isDocx`) → normalised text,
 * turns and header. Unreadable content gives warnings (`metadata-unreadable`), not an exception;
 * only a file that cannot be opened rejects.
 */
export async function extractTranscript(
  path: string,
  /** `bytes`: a plain text's content when the caller already holds it (kind-module `wholeFile`) */
  opts: { isDocx: boolean; fileName?: string; bytes?: Buffer | null },
): Promise<ExtractFacts & { text: string; turns: TranscriptTurn[] }> {
  const facts = emptyFacts()
  let raw = ''
  let encoding: TextEncoding | null = null
  if (opts.isDocx) {
    try {
      raw = await docxText(path)
      encoding = 'utf-8'
    } catch (e) {
      facts.warnings.push({
        code: 'metadata-unreadable',
        message:
          e instanceof DocxTooLarge
            ? `${opts.fileName ?? 'The Word document'}: its text was not read because ${e.message}; the original is kept as it is.`
            : `The Word document could not be read as text (${reason(e)}); the original is kept as it is.`,
      })
    }
  } else {
    const dec = decodeText(opts.bytes ?? (await readFile(path)))
    if (dec) {
      if (dec.certain === false) {
        const candidates = dec.candidates ?? []
        facts.warnings.push({
          code: 'text-encoding-guessed',
          message: `The text names no encoding and more than one reading is possible; it is shown decoded as ${dec.encoding}${candidates.length > 0 ? ` (candidates: ${candidates.map((c) => `${c.encoding} ${c.confidence}%`).join(', ')})` : ''}. The officer can choose another decoding; the original bytes are unchanged.`,
        })
      }
      const read = transcriptOfText(dec, 'text')
      return { ...facts, meta: read.meta, text: read.text, turns: read.turns }
    }
    facts.warnings.push({
      code: 'metadata-unreadable',
      message:
        'The text encoding could not be recognised (not UTF-8, UTF-16, GB18030, Big5 or another known encoding); no text was indexed.',
    })
  }
  const read = transcriptOfText({ text: raw, encoding, bom: false }, opts.isDocx ? 'docx' : 'text')
  return { ...facts, meta: read.meta, text: read.text, turns: read.turns }
}

/**
 * A transcript's facts from its text in one decoding: the normalised text as indexed (quotes count
 * in it), its 问/答 turns and header. The same whether the detector chose the decoding at import
 * or the officer chose another later.
 */
export function transcriptOfText(
  dec: Pick<DecodedText, 'text' | 'bom' | 'candidates'> & { encoding: TextEncoding | null },
  format: 'text' | 'docx',
): { text: string; turns: TranscriptTurn[]; meta: Record<string, unknown> } {
  const text = normaliseText(dec.text)
  const parsed = parseTranscript(text)
  const candidates = dec.candidates && dec.candidates.length > 0 ? dec.candidates : null
  return {
    text,
    turns: parsed.turns,
    meta: {
      format,
      encoding: dec.encoding,
      ...(dec.bom ? { bom: true } : {}),
      ...(candidates ? { encodingCandidates: candidates } : {}),
      turns: parsed.turns.length,
      header: parsed.header,
      ...(parsed.title ? { title: parsed.title } : {}),
      characters: text.length,
    },
  }
}
