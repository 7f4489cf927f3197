import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { custodyActionLabel, isCustodyAction, type CustodyAction } from '../../../shared/custody-labels'
import type { CustodyEvent } from '../../../shared/types'
import { asLanguage } from '../i18n'
import { template, type MessageKey } from '../i18n/keys'
import { interpolateNodes, UserValue } from './interpolate-nodes'
import { VIOLATION_SUMMARIES } from '../components/violations/violation-custody-summary'

/** The case fields a `case-edited` event names, and their form labels. */
const FIELD_LABELS = {
  number: 'caseForm.number',
  title: 'caseForm.caseTitle',
  cause: 'caseForm.cause',
  unit: 'caseForm.unit',
  subject: 'custody.subjectField',
  officers: 'custody.officersField',
} as const satisfies Record<string, MessageKey>

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

/** The action in words of the interface language (the shared bilingual labels); an unknown one keeps its code. */
export function actionLabel(action: string, language: string): string {
  return custodyActionLabel(action, asLanguage(language))
}

type Details = Record<string, unknown>
/** One action's summary: its details in a line of the interface language. */
export type CustodySummarise = (d: Details, t: TFunction, listSep: string) => ReactNode
type Summarise = CustodySummarise

/** Events whose details have no sentence yet show them as recorded (the full record is beside it). */
const asRecorded: Summarise = (d) => <UserValue>{JSON.stringify(d)}</UserValue>

/**
 * One summary per action: a Record, so an action added to CUSTODY_ACTIONS does not compile until
 * it has one here.
 */
const SUMMARIES: Record<CustodyAction, Summarise> = {
  'case-created': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.createdSummary'), { number: describeValue(d.number, t, listSep) }),
  'case-edited': (d, t, listSep) => {
    const field = typeof d.field === 'string' ? d.field : ''
    const label = Object.hasOwn(FIELD_LABELS, field)
      ? t(FIELD_LABELS[field as keyof typeof FIELD_LABELS])
      : field
    return interpolateNodes(template(t, 'custody.editedSummary'), {
      field: label,
      from: describeValue(d.from, t, listSep),
      to: describeValue(d.to, t, listSep),
    })
  },
  'integrity-checked': (d, t) =>
    d.ok
      ? t('custody.checkedOk', { objects: d.objectsChecked ?? 0, events: d.custodyEvents ?? 0 })
      : t('custody.checkedBad', { bad: Array.isArray(d.objectsBad) ? d.objectsBad.length : 0 }),
  imported: (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.importedSummary'), {
      number: describeValue(d.number, t, listSep),
      path: describeValue(d.path, t, listSep),
    }),
  'duplicate-seen': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.duplicateSummary'), {
      number: describeValue(d.sameAs, t, listSep),
      path: describeValue(d.path, t, listSep),
    }),
  viewed: asRecorded,
  'annotation-added': asRecorded,
  'annotation-withdrawn': asRecorded,
  'monitoring-limit-set': asRecorded,
  'monitoring-basis-set': asRecorded,
  'text-decoding-set': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.textDecodingSummary'), {
      number: describeValue(d.number, t, listSep),
      from: typeof d.from === 'string' ? d.from.toUpperCase() : t('custody.emptyValue'),
      to: typeof d.to === 'string' ? d.to.toUpperCase() : t('custody.emptyValue'),
      reason: describeValue(d.reason, t, listSep),
    }),
  ...VIOLATION_SUMMARIES,
  'document-edited': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.documentEditedSummary'), {
      label: describeValue(d.label, t, listSep),
      from: describeValue(d.from, t, listSep),
      to: describeValue(d.to, t, listSep),
    }),
  'document-printed': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.documentPrintedSummary'), {
      fileName: describeValue(d.fileName, t, listSep),
      bytes: String(d.bytes ?? ''),
    }),
  'key-created': (d, t) => t('custody.keyCreatedSummary', { fingerprint: shortFingerprint(d.fingerprint) }),
  'object-repaired': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.repairedSummary'), {
      number: describeValue(d.number, t, listSep),
      path: describeValue(d.path, t, listSep),
      damagedSize: String(d.damagedSize ?? ''),
    }),
  'orphans-removed': (d, t) =>
    t('custody.orphansRemovedSummary', {
      count: Array.isArray(d.objects) ? d.objects.length : 0,
      bytes: typeof d.bytes === 'number' ? d.bytes.toLocaleString() : '',
    }),
  exported: (d, t, listSep) => {
    const signer = (d.signer ?? {}) as { name?: unknown; fingerprint?: unknown }
    return interpolateNodes(template(t, 'custody.exportedSummary'), {
      target: describeValue(d.target, t, listSep),
      files: String(d.files ?? ''),
      signer: describeValue(signer.name, t, listSep),
      fingerprint: shortFingerprint(signer.fingerprint),
    })
  },
  'export-failed': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.exportFailedSummary'), {
      target: describeValue(d.target, t, listSep),
      reason: describeValue(d.reason, t, listSep),
    }),
  'export-cancelled': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.exportCancelledSummary'), {
      target: describeValue(d.target, t, listSep),
    }),
  'recording-paired': (d, t, listSep) => {
    const numberOf = (v: unknown) => (v && typeof v === 'object' ? (v as { number?: unknown }).number : v)
    return interpolateNodes(template(t, 'custody.pairedSummary'), {
      recording: describeValue(numberOf(d.recording), t, listSep),
      transcript: describeValue(numberOf(d.transcript), t, listSep),
    })
  },
  'recording-unpaired': (d, t, listSep) =>
    interpolateNodes(template(t, 'custody.unpairedSummary'), {
      recording: describeValue(d.recording, t, listSep),
      transcript: describeValue(d.transcript, t, listSep),
      reason: describeValue(d.reason, t, listSep),
    }),
  // the transfer details: no sentence yet, the details as recorded (the full record is beside them)
  'transfer-fields-edited': asRecorded,
  'attachment-added': asRecorded,
  'attachment-removed': asRecorded,
  'seized-item-added': asRecorded,
  'seized-item-removed': asRecorded,
  'extraction-batch-edited': asRecorded,
  'law-choice-recorded': asRecorded,
}

/** A one-line, translated summary of what an event recorded; the full details stay available beside it. */
export function summariseEvent(e: CustodyEvent, t: TFunction, language: string): ReactNode {
  const listSep = language === 'en' ? ', ' : '、'
  // an action from another version's package: shown as recorded rather than guessed at
  if (!isCustodyAction(e.action)) return asRecorded(e.details, t, listSep)
  return SUMMARIES[e.action](e.details, t, listSep)
}
