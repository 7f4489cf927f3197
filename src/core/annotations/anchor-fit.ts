/**
 * Whether a citation fits its item: the anchor has its type's shape, the type is one the item's
 * kind allows, and the anchor lies inside the item, by the kind module's own check (a time range
 * inside the duration, a region inside the image, a quote whose words are the text at its offsets,
 * a data range inside the series, a measurement inside the thermal frame). Every new annotation
 * passes here before its custody event is written, whichever way it came (UI, CLI, browser mode).
 */
import { citationSchema, type AnnotationType, type Citation } from '../../shared/citations'
import { KIND_DEFINITIONS } from '../../shared/kinds'
import type { EvidenceItem } from '../../shared/types'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { kindModule } from '../evidence/kinds/registry'
import type { CitationCheck } from '../evidence/kinds/kind-module'
import { fieldErrors } from '../api/zod-errors'
import { itemLabel } from './anchor-bounds'

const TYPE_NAMES: Record<AnnotationType, string> = {
  'time-range': 'time range',
  region: 'region',
  quote: 'quote',
  'data-range': 'data range',
  measurement: 'measurement',
}

function refuse(message: string, code: string): never {
  throw new EvidenceError('invalid-input', `${message} Nothing was cited.`, {
    fields: [{ path: 'anchor', code, message }],
  })
}

/** "a video or audio item" for time ranges, from the kind definitions. */
function kindsAllowing(type: AnnotationType): string {
  const kinds = (Object.keys(KIND_DEFINITIONS) as Array<keyof typeof KIND_DEFINITIONS>).filter((k) =>
    (KIND_DEFINITIONS[k].anchors as readonly string[]).includes(type),
  )
  return `a ${kinds.join(' or ')} item`
}

/**
 * The citation, typed, when its anchor fits the schema of its type, the type is one the item's
 * kind allows, and the anchor lies inside the item. Throws EvidenceError 'invalid-input' naming
 * the item and the problem otherwise (field code `anchor-type-not-supported` or
 * `anchor-outside-item`).
 */
export function checkCitation(db: ReadableDB, item: EvidenceItem, type: string, anchor: unknown): Citation {
  const parsed = citationSchema.safeParse({ type, anchor })
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error)
    throw new EvidenceError(
      'invalid-input',
      `The citation on ${itemLabel(item)} is not well formed (${fields.map((f) => f.message).join('; ')}); nothing was cited.`,
      { fields },
    )
  }
  const citation = parsed.data as Citation
  const allowed = (KIND_DEFINITIONS[item.kind].anchors as readonly AnnotationType[]).includes(citation.type)
  const check = (kindModule(item.kind).citations as Partial<Record<AnnotationType, CitationCheck>>)[
    citation.type
  ]
  if (!allowed || !check)
    refuse(
      `${itemLabel(item)} is a ${item.kind} item; a ${TYPE_NAMES[citation.type]} needs ${kindsAllowing(citation.type)}.`,
      'anchor-type-not-supported',
    )
  const problem = check(item, citation.anchor, db)
  if (problem) refuse(problem, 'anchor-outside-item')
  return citation
}
