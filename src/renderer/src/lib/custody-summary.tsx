import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { CustodyEvent } from '../../../shared/types'
import { interpolateNodes, UserValue } from './interpolate-nodes'

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
    default:
      return <UserValue>{JSON.stringify(d)}</UserValue>
  }
}
