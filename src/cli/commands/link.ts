import type { Citation } from '../../shared/citations'
import type { Annotation, EvidenceItem, Officer } from '../../shared/types'
import type { ViolationLink } from '../../shared/violation-types'
import { addAnnotation } from '../../core/annotations/annotation-store'
import { indexedText } from '../../core/annotations/anchor-bounds'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { getViolation, linkEvidence } from '../../core/violations'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'

const USAGE =
  'evidesk link <case-dir> <violation-id|V1> <evidence-id|E001> [--start <sec> --end <sec> | --quote <text> | --region x,y,w,h] [--note <what it proves>] [--actor "<name>:<cert-no>"] [--json]'

/**
 * `evidesk link`: links an item to a violation. With --start/--end, --quote or --region it first
 * cites that part of the item (a time-range, quote or region annotation) and links the citation;
 * both happen in one transaction, so a refused link leaves no stray citation behind. Whether the
 * citation fits the item (kind, duration, size, text) is core's check in addAnnotation, the same
 * for every way a citation arrives; this command only turns its flags into an anchor.
 */
export async function linkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      start: { type: 'string' },
      end: { type: 'string' },
      quote: { type: 'string' },
      region: { type: 'string' },
      note: { type: 'string' },
      actor: { type: 'string' },
    },
    USAGE,
  )
  if (positionals.length !== 3) throw new UsageError(messages().caseViolationItem(USAGE))
  const [caseDir, violationId, itemRef] = positionals
  checkOneCitation(values, USAGE)
  const note = (values.note as string | undefined)?.trim() ?? ''
  const actor = actorFrom(values.actor as string | undefined)

  const file = CaseFile.open(caseDir)
  try {
    const item = getItem(file.db, itemRef)
    if (!item)
      throw new EvidenceError('not-found', `No evidence item ${itemRef} in this case; nothing was linked.`)
    // Check the violation before making a citation for it.
    if (!getViolation(file.db, violationId))
      throw new EvidenceError('not-found', `No violation ${violationId} in this case; nothing was linked.`)
    const citation = citationFromOptions(file, item, values)
    const link = file.db.transaction((): ViolationLink => {
      const annotation = citation ? cite(file, item, citation, note, actor) : null
      return linkEvidence(
        file,
        { violationId, itemId: item.id, annotationId: annotation?.id, note },
        actor,
        () => new Date(),
      )
    })()
    if (values.json) printJson(link)
    say(
      messages().linked(
        link.itemNumber,
        link.annotationType
          ? messages().citationWords(link.annotationType, link.anchor, file.info().timezone)
          : null,
        getViolation(file.db, link.violationId)!.number,
        note,
      ),
    )
    return EXIT_OK
  } finally {
    file.close()
  }
}

export type { Citation }

export interface CitationOptions {
  start?: string
  end?: string
  quote?: string
  region?: string
}

/** Refuses two kinds of citation at once, and a time range with one end. */
export function checkOneCitation(values: CitationOptions, usage: string): void {
  const timed = values.start !== undefined || values.end !== undefined
  const kinds = [timed, values.quote !== undefined, values.region !== undefined].filter(Boolean).length
  if (kinds > 1) throw new UsageError(messages().oneCitation(usage))
  if (timed && (values.start === undefined || values.end === undefined))
    throw new UsageError(messages().startEndTogether(usage))
}

/** The citation that --start/--end, --quote or --region describe on the item; null for none. */
export function citationFromOptions(
  file: CaseFile,
  item: EvidenceItem,
  values: CitationOptions,
): Citation | null {
  if (values.start !== undefined && values.end !== undefined) return timeRange(values.start, values.end)
  if (values.quote !== undefined) return quote(file, item, values.quote)
  if (values.region !== undefined) return region(values.region)
  return null
}

function cite(file: CaseFile, item: EvidenceItem, c: Citation, note: string, actor: Officer): Annotation {
  return addAnnotation(file, { itemId: item.id, ...c, note }, actor, () => new Date())
}

function seconds(text: string, flag: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(messages().notSeconds(flag, text))
  return n
}

function timeRange(startText: string, endText: string): Citation {
  const start = seconds(startText, '--start')
  const end = seconds(endText, '--end')
  if (end <= start) throw new UsageError(messages().endBeforeStart(start, end))
  return { type: 'time-range', anchor: { start, end } }
}

/** The quote as it stands in the item's normalised text (NFC, \n line ends), by character offsets. */
function quote(file: CaseFile, item: EvidenceItem, text: string): Citation {
  const wanted = text.replace(/\r\n?/g, '\n').normalize('NFC')
  if (wanted.trim() === '') throw new UsageError(messages().emptyQuote)
  const body = indexedText(file.db, item.id)
  // An item without text gets core's refusal, which names it.
  const start = body === null ? 0 : body.indexOf(wanted)
  if (start < 0)
    throw new EvidenceError(
      'not-found',
      `"${wanted}" does not occur in the text of ${item.number} (${item.originalName}); copy the words exactly as they stand. Nothing was linked.`,
    )
  if (body !== null && body.indexOf(wanted, start + 1) >= 0)
    say(messages().quoteRepeated(wanted, item.number, start))
  return { type: 'quote', anchor: { start, end: start + wanted.length, text: wanted } }
}

/** x,y,w,h in whole displayed pixels. */
function region(text: string): Citation {
  const parts = text.split(',').map((p) => p.trim())
  const nums = parts.map(Number)
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isInteger(n) || n < 0))
    throw new UsageError(messages().badRegion(text))
  const [x, y, w, h] = nums
  if (w === 0 || h === 0) throw new UsageError(messages().emptyRegion)
  return { type: 'region', anchor: { x, y, w, h } }
}
