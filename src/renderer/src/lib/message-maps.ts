/**
 * Codes that arrive from the backend, mapped to the words that explain them. Each table is typed
 * with MessageKey, so a key the bundles lack does not compile; where the code's type is a union
 * in shared, the table is a Record over it and a new code does not compile until it has words.
 */
import type { TFunction } from 'i18next'
import type { FieldErrorCode } from '../../../shared/error-words'
import type { ErrorCode } from '../../../shared/errors'
import type { WarningCode } from '../../../shared/warning-words'
import type { EvidenceItem } from '../../../shared/types'
import type { MessageKey } from '../i18n/keys'

/** What happened and what to do, per API error code. */
export const ERROR_TEXT: Record<ErrorCode, { title: MessageKey; action: MessageKey }> = {
  'invalid-input': { title: 'errors.invalid-input.title', action: 'errors.invalid-input.action' },
  'not-found': { title: 'errors.not-found.title', action: 'errors.not-found.action' },
  'case-exists': { title: 'errors.case-exists.title', action: 'errors.case-exists.action' },
  'case-missing': { title: 'errors.case-missing.title', action: 'errors.case-missing.action' },
  'case-locked': { title: 'errors.case-locked.title', action: 'errors.case-locked.action' },
  'case-corrupt': { title: 'errors.case-corrupt.title', action: 'errors.case-corrupt.action' },
  'case-too-new': { title: 'errors.case-too-new.title', action: 'errors.case-too-new.action' },
  'no-case-open': { title: 'errors.no-case-open.title', action: 'errors.no-case-open.action' },
  'no-profile': { title: 'errors.no-profile.title', action: 'errors.no-profile.action' },
  'not-supported': { title: 'errors.not-supported.title', action: 'errors.not-supported.action' },
  'io-error': { title: 'errors.io-error.title', action: 'errors.io-error.action' },
  cancelled: { title: 'errors.cancelled.title', action: 'errors.cancelled.action' },
  'read-only': { title: 'errors.read-only.title', action: 'errors.read-only.action' },
  refused: { title: 'errors.refused.title', action: 'errors.refused.action' },
  'path-not-chosen': { title: 'errors.path-not-chosen.title', action: 'errors.path-not-chosen.action' },
  'target-exists': { title: 'errors.target-exists.title', action: 'errors.target-exists.action' },
  'connection-lost': { title: 'errors.connection-lost.title', action: 'errors.connection-lost.action' },
  internal: { title: 'errors.internal.title', action: 'errors.internal.action' },
}

/** An error code from the wire in words; a code this version does not know reads as an internal error. */
export function errorText(code: string): { title: MessageKey; action: MessageKey } {
  return Object.hasOwn(ERROR_TEXT, code) ? ERROR_TEXT[code as ErrorCode] : ERROR_TEXT.internal
}

/** Field error codes (FieldError.code), from the shared list the schemas and core produce. */
const FIELD_ERROR_TEXT: Record<FieldErrorCode, MessageKey> = {
  required: 'fieldErrors.required',
  'too-long': 'fieldErrors.too-long',
  'credit-code-length': 'fieldErrors.credit-code-length',
  'credit-code-charset': 'fieldErrors.credit-code-charset',
  'credit-code-check-digit': 'fieldErrors.credit-code-check-digit',
  'officers-min-two': 'fieldErrors.officers-min-two',
  'officer-duplicate': 'fieldErrors.officer-duplicate',
  'timezone-unknown': 'fieldErrors.timezone-unknown',
  'cert-no-digits': 'fieldErrors.cert-no-digits',
  'legal-basis-duplicate': 'fieldErrors.legal-basis-duplicate',
  'legal-basis-unknown': 'fieldErrors.legal-basis-unknown',
  'range-reversed': 'fieldErrors.range-reversed',
  'legal-id-format': 'fieldErrors.legal-id-format',
  'legal-id-taken': 'fieldErrors.legal-id-taken',
  'resident-id-length': 'fieldErrors.resident-id-length',
  'resident-id-charset': 'fieldErrors.resident-id-charset',
  'resident-id-birth-date': 'fieldErrors.resident-id-birth-date',
  'resident-id-check-digit': 'fieldErrors.resident-id-check-digit',
  'date-in-future': 'fieldErrors.date-in-future',
  'date-format': 'fieldErrors.date-format',
  'time-format': 'fieldErrors.time-format',
  'key-unit-source-required': 'fieldErrors.key-unit-source-required',
  'pages-min': 'fieldErrors.pages-min',
  'copies-min': 'fieldErrors.copies-min',
  'quantity-positive': 'fieldErrors.quantity-positive',
  'item-unknown': 'fieldErrors.item-unknown',
  'extraction-after-import': 'fieldErrors.extraction-after-import',
  'not-seized-reason-required': 'fieldErrors.not-seized-reason-required',
  'two-extractors': 'fieldErrors.two-extractors',
  invalid: 'fieldErrors.invalid',
}

/** A field error in words; the wire carries a plain string, and a code not listed reads as `invalid`. */
export function fieldErrorText(code: string, t: TFunction): string {
  return t(
    Object.hasOwn(FIELD_ERROR_TEXT, code) ? FIELD_ERROR_TEXT[code as FieldErrorCode] : 'fieldErrors.invalid',
  )
}

/** Item warnings in words, by the codes core writes. */
const WARNING_TEXT: Record<WarningCode, MessageKey> = {
  truncated: 'warnings.truncated',
  'extension-mismatch': 'warnings.extension-mismatch',
  'metadata-unreadable': 'warnings.metadata-unreadable',
  'offset-assumed': 'warnings.offset-assumed',
  'clock-mismatch': 'warnings.clock-mismatch',
  'time-from-filesystem': 'warnings.time-from-filesystem',
  'thumbnail-failed': 'warnings.thumbnail-failed',
  'changed-during-import': 'warnings.changed-during-import',
  empty: 'warnings.empty',
  'rows-skipped': 'warnings.rows-skipped',
  'thermal-segment-missing': 'warnings.thermal-segment-missing',
  'thermal-truncated': 'warnings.thermal-truncated',
  'thermal-size-mismatch': 'warnings.thermal-size-mismatch',
  'name-not-utf8': 'warnings.name-not-utf8',
  'time-from-gps': 'warnings.time-from-gps',
  'text-encoding-guessed': 'warnings.text-encoding-guessed',
  'preview-size': 'warnings.preview-size',
  'monitoring-measured-only': 'warnings.monitoring-measured-only',
  'monitoring-dry-only': 'warnings.monitoring-dry-only',
  'monitoring-values-flagged': 'warnings.monitoring-values-flagged',
  'monitoring-values-unreadable': 'warnings.monitoring-values-unreadable',
  'monitoring-no-table': 'warnings.monitoring-no-table',
  'monitoring-workbook-refused': 'warnings.monitoring-workbook-refused',
  'monitoring-sheets-skipped': 'warnings.monitoring-sheets-skipped',
  'monitoring-capped': 'warnings.monitoring-capped',
  'hj212-bad-packets': 'warnings.hj212-bad-packets',
  'hj212-site-time': 'warnings.hj212-site-time',
  'hj212-split-incomplete': 'warnings.hj212-split-incomplete',
  'monitoring-zone-assumed': 'warnings.monitoring-zone-assumed',
  'monitoring-period-repeated': 'warnings.monitoring-period-repeated',
  'monitoring-unit-converted': 'warnings.monitoring-unit-converted',
  'monitoring-unit-refused': 'warnings.monitoring-unit-refused',
  'monitoring-encoding-changed': 'warnings.monitoring-encoding-changed',
}

/** The words for a warning code; null for a code this version has no words for. */
export function warningKey(code: string): MessageKey | null {
  return Object.hasOwn(WARNING_TEXT, code) ? WARNING_TEXT[code as WarningCode] : null
}

/** Where a capture time came from, in the details panel, the library and the timeline. */
export const TIME_SOURCE_TEXT: Record<NonNullable<EvidenceItem['capturedAtSource']>, MessageKey> = {
  exif: 'timeSource.exif',
  container: 'timeSource.container',
  filename: 'timeSource.filename',
  filesystem: 'timeSource.filesystem',
  header: 'timeSource.header',
  data: 'timeSource.data',
  derived: 'timeSource.derived',
}

/** The same, phrased as "EXIF time" for the media viewers' "04:03:13 +08:00 (container time)". */
export const MEDIA_TIME_SOURCE_TEXT: Record<NonNullable<EvidenceItem['capturedAtSource']>, MessageKey> = {
  exif: 'mediaViewer:timeSource.exif',
  container: 'mediaViewer:timeSource.container',
  filename: 'mediaViewer:timeSource.filename',
  filesystem: 'mediaViewer:timeSource.filesystem',
  header: 'mediaViewer:timeSource.header',
  data: 'mediaViewer:timeSource.data',
  derived: 'mediaViewer:timeSource.derived',
}

/**
 * Where the item's capture time came from, in words; for a still or clip "derived from E001 at
 * 04:03:13.8" (the frame's wall time on the source's clock, tenths shown). Empty when unknown.
 */
export function timeSourceText(
  t: TFunction,
  item: Pick<EvidenceItem, 'capturedAt' | 'capturedAtSource' | 'derivedFrom'>,
  form: 'plain' | 'media' = 'plain',
): string {
  const source = item.capturedAtSource
  if (!source) return ''
  const key = (form === 'media' ? MEDIA_TIME_SOURCE_TEXT : TIME_SOURCE_TEXT)[source]
  if (source !== 'derived') return t(key)
  const m = /T(\d{2}:\d{2}:\d{2})(?:\.(\d))?/.exec(item.capturedAt ?? '')
  return t(key, {
    number: item.derivedFrom?.sourceNumber ?? '?',
    at: m ? `${m[1]}${m[2] ? `.${m[2]}` : ''}` : '?',
  })
}
