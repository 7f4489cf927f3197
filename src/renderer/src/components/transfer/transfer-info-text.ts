/** The transfer details' codes and fields in words: each table is exhaustive over its type. */
import type { SeizedItemInput } from '../../../../shared/api'
import type { AttachmentKind, KeyUnitStatus, SuspectRole } from '../../../../shared/transfer-types'
import type { MessageKey } from '../../i18n/keys'

/** The case facts form's fields (the names its errors come back under). */
export const CASE_FIELD_TEXT = {
  filedOn: 'transfer:info.fields.filedOn',
  permitNumber: 'transfer:info.fields.permitNumber',
  keyUnit: 'transfer:info.fields.keyUnit',
  keyUnitSource: 'transfer:info.fields.keyUnitSource',
  suspects: 'transfer:info.fields.suspects',
} as const satisfies Record<string, MessageKey>

export const KEY_UNIT_TEXT: Record<KeyUnitStatus, MessageKey> = {
  yes: 'transfer:info.keyUnit.yes',
  no: 'transfer:info.keyUnit.no',
  unknown: 'transfer:info.keyUnit.unknown',
}

export const SUSPECT_ROLE_TEXT: Record<SuspectRole, MessageKey> = {
  suspect: 'transfer:info.roles.suspect',
  manager: 'transfer:info.roles.manager',
  direct: 'transfer:info.roles.direct',
}

export const ATTACHMENT_KIND_TEXT: Record<AttachmentKind, MessageKey> = {
  'test-report': 'transfer:info.attachmentKinds.test-report',
  'inspection-record': 'transfer:info.attachmentKinds.inspection-record',
  'interview-record': 'transfer:info.attachmentKinds.interview-record',
  'sampling-record': 'transfer:info.attachmentKinds.sampling-record',
  'seizure-decision': 'transfer:info.attachmentKinds.seizure-decision',
  'penalty-decision': 'transfer:info.attachmentKinds.penalty-decision',
  other: 'transfer:info.attachmentKinds.other',
}

export const SEIZED_FIELD_TEXT: Record<keyof SeizedItemInput, MessageKey> = {
  name: 'transfer:info.seized.name',
  spec: 'transfer:info.seized.spec',
  quantity: 'transfer:info.seized.quantity',
  unit: 'transfer:info.seized.unit',
  storagePlace: 'transfer:info.seized.storagePlace',
  decisionNumber: 'transfer:info.seized.decisionNumber',
}

/** One import batch's extraction facts. */
export const BATCH_FIELD_TEXT = {
  extractedAt: 'transfer:info.batch.extractedAt',
  place: 'transfer:info.batch.place',
  medium: 'transfer:info.batch.medium',
  mediumSeized: 'transfer:info.batch.mediumSeized',
  notSeizedReason: 'transfer:info.batch.notSeizedReason',
  holder: 'transfer:info.batch.holder',
  witness: 'transfer:info.batch.witness',
  extractor1: 'transfer:info.batch.extractor1',
  extractor2: 'transfer:info.batch.extractor2',
} as const satisfies Record<string, MessageKey>

/** A field a document still lacks, by its last path segment; another keeps its own name. */
export const MISSING_FIELD_TEXT = {
  filedOn: 'transfer:missingFields.filedOn',
  suspects: 'transfer:missingFields.suspects',
  attachments: 'transfer:missingFields.attachments',
  place: 'transfer:missingFields.place',
  medium: 'transfer:missingFields.medium',
  witness: 'transfer:missingFields.witness',
  extractors: 'transfer:missingFields.extractors',
} as const satisfies Record<string, MessageKey>
