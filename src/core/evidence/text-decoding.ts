/**
 * The officer's choice of another decoding for a text original the detector was not sure of
 * (issue 12): Big5 bytes also read cleanly as GBK, Latin-1 as Windows-1252. The original bytes
 * never change; the choice decides how they are read into the indexed text that is searched,
 * shown and quoted, and it is a custody event naming both decodings and the officer's reason.
 */
import type { EvidenceItem, Officer } from '../../shared/types'
import type { ChoosableTextEncoding, TextDecodingPreview } from '../../shared/text-encodings'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { MAX_TEXT_BYTES } from './extract/extract-result'
import { getItem, rewriteItemText, storedMeta } from './item-repository'
import { kindModule } from './kinds/registry'
import type { RedecodedText } from './kinds/kind-module'
import { readOriginal } from './original-bytes'

/** How much of the text a preview shows: enough to recognise the language, small enough to send. */
const PREVIEW_CHARS = 2000

/** The item's text read in `encoding`, or an error naming the item when it is not such text. */
async function readAs(
  file: CaseFile,
  itemId: string,
  encoding: string,
): Promise<{ item: EvidenceItem; read: RedecodedText }> {
  const item = getItem(file.db, itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${itemId} in this case.`)
  const redecode = kindModule(item.kind).redecode
  const notText = new EvidenceError(
    'not-supported',
    `${item.number} (${item.originalName}) is not plain text whose decoding can be chosen.`,
  )
  if (!redecode || item.size > MAX_TEXT_BYTES) throw notText
  const read = redecode(await readOriginal(file, item, MAX_TEXT_BYTES), item.mime, encoding)
  if (!read) throw notText
  return { item, read }
}

function undecodable(text: string): number {
  let n = 0
  for (const ch of text) if (ch === '\uFFFD') n++
  return n
}

/** The opening of an item's text in another decoding, for the officer to compare before choosing. */
export async function previewTextDecoding(
  file: CaseFile,
  itemId: string,
  encoding: ChoosableTextEncoding,
): Promise<TextDecodingPreview> {
  const { read } = await readAs(file, itemId, encoding)
  return {
    encoding,
    text: read.text.slice(0, PREVIEW_CHARS),
    truncated: read.text.length > PREVIEW_CHARS,
    undecodable: undecodable(read.text),
  }
}

/**
 * Reads the item's text in `encoding` from now on: its indexed text, search entry and text facts
 * (turns, header) follow; the detector's decoding stays on record in the custody event. Refused
 * while quotes cite the text as decoded now, since their character offsets would point elsewhere.
 */
export async function setTextDecoding(
  file: CaseFile,
  itemId: string,
  encoding: ChoosableTextEncoding,
  reason: string,
  actor: Officer,
  clock: Clock,
): Promise<EvidenceItem> {
  const { item, read } = await readAs(file, itemId, encoding)
  const previous = typeof item.meta.encoding === 'string' ? item.meta.encoding : null
  if (previous === encoding)
    throw new EvidenceError('invalid-input', `${item.number} is already read as ${encoding}.`)
  const { quotes } = file.db
    .prepare(
      "SELECT COUNT(*) AS quotes FROM annotations WHERE item_id = ? AND type = 'quote' AND withdrawn_at IS NULL",
    )
    .get(item.id) as { quotes: number }
  if (quotes > 0)
    throw new EvidenceError(
      'refused',
      `${item.number} has ${quotes} quote(s) cited by their position in the text as it reads now; withdraw them before choosing another decoding.`,
    )
  const lost = undecodable(read.text)
  // the old reading's BOM flag does not carry over: the new reading says whether it has one
  const { bom: _oldBom, ...kept } = storedMeta(item)
  const meta = { ...kept, ...read.meta, encodingChosen: true }
  file.record(
    actor,
    clock(),
    {
      action: 'text-decoding-set',
      itemId: item.id,
      details: { number: item.number, from: previous, to: encoding, undecodable: lost, reason },
    },
    () => rewriteItemText(file.db, item, meta, read.text),
  )
  return getItem(file.db, item.id) as EvidenceItem
}
