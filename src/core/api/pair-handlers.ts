import type { Handler, HandlerContext } from './handler-context'
import { listPairs, pairRecording, unpairRecording } from '../evidence/recording-pairs'

/** Recordings paired with their written records: listed, made and ended, each change a custody event. */
export function pairHandlers(ctx: HandlerContext): {
  'pair:list': Handler<'pair:list'>
  'pair:add': Handler<'pair:add'>
  'pair:remove': Handler<'pair:remove'>
} {
  return {
    'pair:list': ({ itemId }) => listPairs(ctx.openCase().db, itemId),
    'pair:add': (req) => {
      const pair = pairRecording(ctx.openCase(), req, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return pair
    },
    'pair:remove': ({ pairId, reason }) => {
      unpairRecording(ctx.openCase(), pairId, reason, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return null
    },
  }
}
