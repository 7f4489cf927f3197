import type { Channel } from '../../shared/api'
import { EvidenceError } from '../errors'
import type { Handler, HandlerContext } from './backend'

type Channels = 'key:get' | 'trust:list' | 'trust:add' | 'trust:remove' | 'export:preflight' | 'export:start'

/** Signing keys, trusted keys and export (issue 7). */
export function exportHandlers(ctx: HandlerContext): { [C in Channels]: Handler<C> } {
  void ctx
  const notYet = (c: Channel) => () => {
    throw new EvidenceError('not-supported', `${c} is not built yet.`)
  }
  return {
    'key:get': notYet('key:get'),
    'trust:list': notYet('trust:list'),
    'trust:add': notYet('trust:add'),
    'trust:remove': notYet('trust:remove'),
    'export:preflight': notYet('export:preflight'),
    'export:start': notYet('export:start'),
  }
}
