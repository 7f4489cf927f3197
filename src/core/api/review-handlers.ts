import type { Channel } from '../../shared/api'
import { EvidenceError } from '../errors'
import type { Handler, HandlerContext } from './backend'

type Channels =
  | 'review:open'
  | 'review:current'
  | 'review:close'
  | 'review:notes'
  | 'review:addNote'
  | 'review:exportReport'

/** Reviewer mode (issue 7). */
export function reviewHandlers(ctx: HandlerContext): { [C in Channels]: Handler<C> } {
  void ctx
  const notYet = (c: Channel) => () => {
    throw new EvidenceError('not-supported', `${c} is not built yet.`)
  }
  return {
    'review:open': notYet('review:open'),
    'review:current': notYet('review:current'),
    'review:close': notYet('review:close'),
    'review:notes': notYet('review:notes'),
    'review:addNote': notYet('review:addNote'),
    'review:exportReport': notYet('review:exportReport'),
  }
}
