import type { TFunction } from 'i18next'
import type { TransferDocumentField, TransferDocumentKind } from '../../../../shared/violation-types'
import type { MessageKey } from '../../i18n/keys'

const KIND_TEXT: Record<TransferDocumentKind, MessageKey> = {
  'approval-form': 'transfer:kinds.approval-form',
  'detention-letter': 'transfer:kinds.detention-letter',
  receipt: 'transfer:kinds.receipt',
  'extraction-record': 'transfer:kinds.extraction-record',
  'transfer-letter': 'transfer:kinds.transfer-letter',
  'investigation-report': 'transfer:kinds.investigation-report',
  'seized-items-list': 'transfer:kinds.seized-items-list',
  'evidence-list': 'transfer:kinds.evidence-list',
  'electronic-data-list': 'transfer:kinds.electronic-data-list',
}

/**
 * A document's name in the interface language. `printedTitle` (the document's own zh-CN title)
 * stands in for a kind this version does not know, as a package from another version may hold.
 */
export function documentTitle(kind: TransferDocumentKind, t: TFunction, printedTitle: string = kind): string {
  return Object.hasOwn(KIND_TEXT, kind) ? t(KIND_TEXT[kind]) : printedTitle
}

/** The editable parts the documents have; a part this version does not name keeps its printed label. */
const FIELD_TEXT = {
  docNumber: 'transfer:fields.docNumber',
  addressee: 'transfer:fields.addressee',
  suspectedCrime: 'transfer:fields.suspectedCrime',
  body: 'transfer:fields.body',
  contact: 'transfer:fields.contact',
  remarks: 'transfer:fields.remarks',
  caseSource: 'transfer:fields.caseSource',
  investigation: 'transfer:fields.investigation',
  facts: 'transfer:fields.facts',
  conclusion: 'transfer:fields.conclusion',
  extractionMethod: 'transfer:fields.extractionMethod',
} as const satisfies Record<string, MessageKey>

export function fieldLabel(f: TransferDocumentField, t: TFunction): string {
  return Object.hasOwn(FIELD_TEXT, f.key) ? t(FIELD_TEXT[f.key as keyof typeof FIELD_TEXT]) : f.label
}

/** Why the backend refused a field's text; an unknown code reads as unprintable text, the usual cause. */
const FIELD_ERROR_TEXT = {
  'unprintable-text': 'transfer:fieldErrors.unprintable-text',
  'single-line': 'transfer:fieldErrors.single-line',
  'unknown-field': 'transfer:fieldErrors.unknown-field',
  'too-long': 'transfer:fieldErrors.too-long',
} as const satisfies Record<string, MessageKey>

export function fieldErrorText(code: string, t: TFunction): string {
  return t(
    Object.hasOwn(FIELD_ERROR_TEXT, code)
      ? FIELD_ERROR_TEXT[code as keyof typeof FIELD_ERROR_TEXT]
      : 'transfer:fieldErrors.unprintable-text',
  )
}
