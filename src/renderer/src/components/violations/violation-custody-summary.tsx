import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { CustodyEvent } from '../../../../shared/types'
import { interpolateNodes, UserValue } from '../../lib/interpolate-nodes'
import './violations-i18n'

const FIELDS = [
  'title',
  'facts',
  'occurredFrom',
  'occurredTo',
  'place',
  'subject',
  'basis',
  'status',
] as const

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const user = (v: unknown): ReactNode => <UserValue>{text(v)}</UserValue>

/**
 * The custody log's one-line summary of a violation event (created, edited, withdrawn, evidence
 * linked or unlinked, local legal basis added); null for any other action.
 */
export function summariseViolationEvent(e: CustodyEvent, t: TFunction, listSep: string): ReactNode | null {
  const d = e.details
  const template = (key: string) => t(`violations.custody.${key}`, { skipInterpolation: true })
  switch (e.action) {
    case 'violation-created':
      return interpolateNodes(template('created'), { number: user(d.number), title: user(d.title) })
    case 'violation-edited': {
      const changes = d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : []
      const fields = changes
        .map((f) => ((FIELDS as readonly string[]).includes(f) ? t(`violations.fields.${f}`) : f))
        .join(listSep)
      return interpolateNodes(template('edited'), { number: user(d.number), fields })
    }
    case 'violation-withdrawn':
      return interpolateNodes(template('withdrawn'), { number: user(d.number), reason: user(d.reason) })
    case 'evidence-linked':
      return interpolateNodes(template('linked'), {
        item: user(d.number),
        violation: user(d.violationNumber),
        note: user(d.note),
      })
    case 'evidence-unlinked':
      return interpolateNodes(template('unlinked'), {
        item: user(d.number),
        violation: user(d.violationNumber),
        reason: user(d.reason),
      })
    case 'legal-basis-added': {
      const entry = (d.entry ?? {}) as Record<string, unknown>
      return interpolateNodes(template('basisAdded'), { law: user(entry.law), article: user(entry.article) })
    }
    default:
      return null
  }
}
