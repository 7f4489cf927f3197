import type { Channel } from '../../shared/api'
import { EvidenceError } from '../errors'
import type { Handler, HandlerContext } from './backend'

type Channels = 'documents:list' | 'documents:edit' | 'documents:pdf'

/** Transfer documents (issue 6). */
export function documentHandlers(ctx: HandlerContext): { [C in Channels]: Handler<C> } {
  void ctx
  const notYet = (c: Channel) => () => {
    throw new EvidenceError('not-supported', `${c} is not built yet.`)
  }
  return {
    'documents:list': notYet('documents:list'),
    'documents:edit': notYet('documents:edit'),
    'documents:pdf': notYet('documents:pdf'),
  }
}
