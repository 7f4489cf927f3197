import { EvidenceError } from '../errors'
import {
  addLocalLegalBasis,
  evidenceMatrix,
  getViolation,
  linkEvidence,
  listLegalBasis,
  listViolations,
  saveViolation,
  unlinkEvidence,
  withdrawViolation,
} from '../violations'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'legal:list'
  | 'legal:addLocal'
  | 'violation:list'
  | 'violation:get'
  | 'violation:save'
  | 'violation:withdraw'
  | 'violation:link'
  | 'violation:unlink'
  | 'violation:matrix'

/** Violations, links and the legal-basis catalogue (issue 6). Every change tells open views to refetch. */
export function violationHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  const changed = <T>(value: T): T => {
    ctx.caseChanged()
    return value
  }
  return {
    'legal:list': () => listLegalBasis(ctx.openCase().db),
    'legal:addLocal': (input) => changed(addLocalLegalBasis(ctx.openCase(), input, ctx.actor(), ctx.clock)),
    'violation:list': () => listViolations(ctx.openCase().db),
    'violation:get': ({ id }) => {
      const v = getViolation(ctx.openCase().db, id)
      if (!v) throw new EvidenceError('not-found', `No violation ${id} in this case.`)
      return v
    },
    'violation:save': (input) => changed(saveViolation(ctx.openCase(), input, ctx.actor(), ctx.clock)),
    'violation:withdraw': ({ id, reason }) =>
      changed(withdrawViolation(ctx.openCase(), id, reason, ctx.actor(), ctx.clock)),
    'violation:link': (req) => changed(linkEvidence(ctx.openCase(), req, ctx.actor(), ctx.clock)),
    'violation:unlink': ({ linkId, reason }) =>
      changed(unlinkEvidence(ctx.openCase(), linkId, reason, ctx.actor(), ctx.clock)),
    'violation:matrix': () => evidenceMatrix(ctx.openCase().db),
  }
}
