/**
 * Interview records (询问笔录): text (UTF-8/16, GB18030) or .docx that reads like 问/答; its text is
 * indexed and quoted by character offsets. A Word file that does not read like one settles as a
 * document.
 */
import { MAX_TEXT_BYTES, tooBigToParse } from '../../extract/extract-result'
import { DOCX_MIME } from '../../extract/office-formats'
import { decodeTextAs, normaliseText } from '../../extract/text-decode'
import { quoteFits } from '../../../annotations/anchor-bounds'
import { wholeFile, type CoreKindModule } from '../kind-module'
import { withInterviewTime } from './interview-time'
import { docxText, extractTranscript, looksLikeTranscript, transcriptOfText } from './extract'

export const transcriptModule: CoreKindModule<'transcript'> = {
  kind: 'transcript',
  detectionRank: 40,
  claims: (s) =>
    s.mime === DOCX_MIME || (s.mime === 'text/plain' && s.text !== null && looksLikeTranscript(s.text)),
  citations: { quote: quoteFits },
  extract: async (ctx) =>
    ctx.size > MAX_TEXT_BYTES
      ? tooBigToParse(ctx.size)
      : withInterviewTime(
          await extractTranscript(ctx.path, {
            isDocx: ctx.mime !== 'text/plain',
            fileName: ctx.fileName,
            bytes: wholeFile(ctx),
          }),
          ctx.caseTimeZone,
        ),
  settle: (facts, ctx) =>
    ctx.mime === DOCX_MIME && typeof facts.text === 'string' && !looksLikeTranscript(facts.text)
      ? 'document'
      : 'transcript',
  indexText: async (bytes, mime, encoding) =>
    mime === 'text/plain'
      ? normaliseText(decodeTextAs(bytes, encoding)?.text ?? '')
      : normaliseText(await docxText(bytes)),
  redecode(bytes, mime, encoding) {
    if (mime !== 'text/plain') return null
    const dec = decodeTextAs(bytes, encoding)
    if (!dec) return null
    const read = transcriptOfText(dec, 'text')
    // Q/A turns with their offsets into the text, as the import stores them (quotes are checked against them)
    return { text: read.text, meta: { ...read.meta, dialogue: read.turns } }
  },
}
