/** Documents: PDF, office files, HTML and any text that is neither an interview record nor CEMS data. */
import { emptyFacts, MAX_TEXT_BYTES } from '../../extract/extract-result'
import { decodeTextAs, normaliseText } from '../../extract/text-decode'
import { quoteFits } from '../../../annotations/anchor-bounds'
import { wholeFile, type CoreKindModule, type Sniffed } from '../kind-module'
import { extractTranscript } from '../transcript/extract'

const DOCUMENT_MIMES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/x-ole-storage',
  'application/rtf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
])

/** Plain text that is XML or JSON says so. */
function textFormat(s: Sniffed): string {
  const start = (s.text ?? '').trimStart().slice(0, 200)
  if (start.startsWith('<?xml')) return 'application/xml'
  if (/^[{[]/.test(start)) {
    try {
      JSON.parse(s.text ?? '')
      return 'application/json'
    } catch {
      // not JSON after all; plain text
    }
  }
  return 'text/plain'
}

export const documentModule: CoreKindModule<'document'> = {
  kind: 'document',
  detectionRank: 60,
  claims: (s) => {
    if (s.mime === 'text/plain') return { mime: textFormat(s) }
    return (
      DOCUMENT_MIMES.has(s.mime) ||
      s.mime.startsWith('application/vnd.oasis.opendocument.') ||
      s.mime.startsWith('text/')
    )
  },
  citations: { quote: quoteFits },
  async extract(ctx) {
    if (!ctx.mime.startsWith('text/') || ctx.size > MAX_TEXT_BYTES) return emptyFacts()
    // Plain text documents are indexed for search like transcripts, without turns.
    const t = await extractTranscript(ctx.path, { isDocx: false, bytes: wholeFile(ctx) })
    const { encoding, encodingCandidates } = t.meta
    const meta = encodingCandidates ? { encoding, encodingCandidates } : { encoding }
    return { ...emptyFacts(), warnings: t.warnings, meta, text: t.text }
  },
  indexText: async (bytes, mime, encoding) =>
    mime.startsWith('text/') ? normaliseText(decodeTextAs(bytes, encoding)?.text ?? '') : '',
  redecode(bytes, mime, encoding) {
    if (!mime.startsWith('text/')) return null
    const dec = decodeTextAs(bytes, encoding)
    if (!dec) return null
    const candidates =
      dec.candidates && dec.candidates.length > 0 ? { encodingCandidates: dec.candidates } : {}
    return { text: normaliseText(dec.text), meta: { encoding: dec.encoding, ...candidates } }
  },
}
