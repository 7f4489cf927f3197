import type { ReactNode } from 'react'
import { template, type MessageKey } from '../../i18n/keys'
import type { CustodySummarise } from '../../lib/custody-summary'
import { interpolateNodes, UserValue } from '../../lib/interpolate-nodes'

/** The violation fields a `violation-edited` event names, and their labels. */
const FIELDS = {
  title: 'violations:fields.title',
  facts: 'violations:fields.facts',
  occurredFrom: 'violations:fields.occurredFrom',
  occurredTo: 'violations:fields.occurredTo',
  place: 'violations:fields.place',
  subject: 'violations:fields.subject',
  basis: 'violations:fields.basis',
  status: 'violations:fields.status',
} as const satisfies Record<string, MessageKey>
type Field = keyof typeof FIELDS

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const user = (v: unknown): ReactNode => <UserValue>{text(v)}</UserValue>

type ViolationAction =
  | 'violation-created'
  | 'violation-edited'
  | 'violation-withdrawn'
  | 'evidence-linked'
  | 'evidence-unlinked'
  | 'legal-basis-added'

/**
 * The custody log's one-line summaries of the violation events (created, edited, withdrawn,
 * evidence linked or unlinked, local legal basis added), merged into the log's table of summaries.
 */
export const VIOLATION_SUMMARIES: Record<ViolationAction, CustodySummarise> = {
  'violation-created': (d, t) =>
    interpolateNodes(template(t, 'violations:custody.created'), {
      number: user(d.number),
      title: user(d.title),
    }),
  'violation-edited': (d, t, listSep) => {
    const changes = d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : []
    const fields = changes.map((f) => (Object.hasOwn(FIELDS, f) ? t(FIELDS[f as Field]) : f)).join(listSep)
    return interpolateNodes(template(t, 'violations:custody.edited'), { number: user(d.number), fields })
  },
  'violation-withdrawn': (d, t) =>
    interpolateNodes(template(t, 'violations:custody.withdrawn'), {
      number: user(d.number),
      reason: user(d.reason),
    }),
  'evidence-linked': (d, t) =>
    interpolateNodes(template(t, 'violations:custody.linked'), {
      item: user(d.number),
      violation: user(d.violationNumber),
      note: user(d.note),
    }),
  'evidence-unlinked': (d, t) =>
    interpolateNodes(template(t, 'violations:custody.unlinked'), {
      item: user(d.number),
      violation: user(d.violationNumber),
      reason: user(d.reason),
    }),
  'legal-basis-added': (d, t) => {
    const entry = (d.entry ?? {}) as Record<string, unknown>
    return interpolateNodes(template(t, 'violations:custody.basisAdded'), {
      law: user(entry.law),
      article: user(entry.article),
    })
  },
}
