import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { CustodyEvent } from '../../../shared/types'
import { interpolateNodes, UserValue } from './interpolate-nodes'
import { summariseViolationEvent } from '../components/violations/violation-custody-summary'

const FIELD_LABELS: Record<string, string> = {
  number: 'caseForm.number',
  title: 'caseForm.caseTitle',
  cause: 'caseForm.cause',
  unit: 'caseForm.unit',
  subject: 'custody.subjectField',
  officers: 'custody.officersField',
}

/** One value from an event's details, short enough for a table cell. */
function describeValue(value: unknown, t: TFunction, listSep: string): ReactNode {
  if (value === null || value === undefined || value === '') return t('custody.emptyValue')
  let text: string
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    text = String(value)
  else if (Array.isArray(value)) {
    // officers: names are what a reader recognises; the certificate numbers are in the full record
    text = value
      .map((v) =>
        v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : JSON.stringify(v),
      )
      .join(listSep)
  } else if (typeof value === 'object' && ('creditCode' in value || 'name' in value)) {
    const o = value as Record<string, unknown>
    text = [o.name, o.creditCode].filter((x) => typeof x === 'string' && x !== '').join(' ')
  } else text = JSON.stringify(value)
  return text ? <UserValue>{text}</UserValue> : t('custody.emptyValue')
}

/** The first 16 hex digits of a key fingerprint, in groups of four, as people compare them. */
function shortFingerprint(value: unknown): string {
  if (typeof value !== 'string') return ''
  return (value.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ')
}

/** The translated action name; an action this version does not know keeps its code rather than being hidden. */
export function actionLabel(action: string, t: TFunction): string {
  return t(`custody.actions.${action}`, { defaultValue: action })
}

/** A one-line, translated summary of what an event recorded; the full details stay available beside it. */
export function summariseEvent(e: CustodyEvent, t: TFunction, language: string): ReactNode {
  const d = e.details
  const listSep = language === 'en' ? ', ' : '、'
  const template = (key: string) => t(key, { skipInterpolation: true })
  switch (e.action) {
    case 'case-created':
      return interpolateNodes(template('custody.createdSummary'), {
        number: describeValue(d.number, t, listSep),
      })
    case 'case-edited': {
      const field = typeof d.field === 'string' ? d.field : ''
      return interpolateNodes(template('custody.editedSummary'), {
        field: FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field,
        from: describeValue(d.from, t, listSep),
        to: describeValue(d.to, t, listSep),
      })
    }
    case 'integrity-checked':
      return d.ok
        ? t('custody.checkedOk', { objects: d.objectsChecked ?? 0, events: d.custodyEvents ?? 0 })
        : t('custody.checkedBad', { bad: Array.isArray(d.objectsBad) ? d.objectsBad.length : 0 })
    case 'imported':
      return interpolateNodes(template('custody.importedSummary'), {
        number: describeValue(d.number, t, listSep),
        path: describeValue(d.path, t, listSep),
      })
    case 'duplicate-seen':
      return interpolateNodes(template('custody.duplicateSummary'), {
        number: describeValue(d.sameAs, t, listSep),
        path: describeValue(d.path, t, listSep),
      })
    case 'exported': {
      const signer = (d.signer ?? {}) as { name?: unknown; fingerprint?: unknown }
      return interpolateNodes(template('custody.exportedSummary'), {
        target: describeValue(d.target, t, listSep),
        files: String(d.files ?? ''),
        signer: describeValue(signer.name, t, listSep),
        fingerprint: shortFingerprint(signer.fingerprint),
      })
    }
    case 'export-failed':
      return interpolateNodes(template('custody.exportFailedSummary'), {
        target: describeValue(d.target, t, listSep),
        reason: describeValue(d.reason, t, listSep),
      })
    case 'export-cancelled':
      return interpolateNodes(template('custody.exportCancelledSummary'), {
        target: describeValue(d.target, t, listSep),
      })
    case 'document-edited':
      return interpolateNodes(template('custody.documentEditedSummary'), {
        label: describeValue(d.label, t, listSep),
        from: describeValue(d.from, t, listSep),
        to: describeValue(d.to, t, listSep),
      })
    case 'document-printed':
      return interpolateNodes(template('custody.documentPrintedSummary'), {
        fileName: describeValue(d.fileName, t, listSep),
        bytes: String(d.bytes ?? ''),
      })
    case 'recording-paired': {
      const numberOf = (v: unknown) => (v && typeof v === 'object' ? (v as { number?: unknown }).number : v)
      return interpolateNodes(template('custody.pairedSummary'), {
        recording: describeValue(numberOf(d.recording), t, listSep),
        transcript: describeValue(numberOf(d.transcript), t, listSep),
      })
    }
    case 'recording-unpaired':
      return interpolateNodes(template('custody.unpairedSummary'), {
        recording: describeValue(d.recording, t, listSep),
        transcript: describeValue(d.transcript, t, listSep),
        reason: describeValue(d.reason, t, listSep),
      })
    case 'key-created':
      return t('custody.keyCreatedSummary', { fingerprint: shortFingerprint(d.fingerprint) })
    default:
      return summariseViolationEvent(e, t, listSep) ?? <UserValue>{JSON.stringify(d)}</UserValue>
  }
}
