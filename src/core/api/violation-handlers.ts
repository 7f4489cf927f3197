import type { Channel } from '../../shared/api'
import { EvidenceError } from '../errors'
import type { Handler, HandlerContext } from './backend'

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

/** Violations, links and the legal-basis catalogue (issue 6). */
export function violationHandlers(ctx: HandlerContext): { [C in Channels]: Handler<C> } {
  void ctx
  const notYet = (c: Channel) => () => {
    throw new EvidenceError('not-supported', `${c} is not built yet.`)
  }
  return {
    'legal:list': notYet('legal:list'),
    'legal:addLocal': notYet('legal:addLocal'),
    'violation:list': notYet('violation:list'),
    'violation:get': notYet('violation:get'),
    'violation:save': notYet('violation:save'),
    'violation:withdraw': notYet('violation:withdraw'),
    'violation:link': notYet('violation:link'),
    'violation:unlink': notYet('violation:unlink'),
    'violation:matrix': notYet('violation:matrix'),
  }
}
