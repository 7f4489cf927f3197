import { deriveFromVideo } from '../evidence/kinds/video/derive-item'
import { monitoringView, setMonitoringBasis, setMonitoringLimit } from '../evidence/kinds/monitoring/view'
import { transcriptView } from '../evidence/kinds/transcript/view'
import { previewTextDecoding, setTextDecoding } from '../evidence/text-decoding'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'transcript:get'
  | 'text:preview'
  | 'text:setDecoding'
  | 'monitoring:get'
  | 'monitoring:setLimit'
  | 'monitoring:setBasis'
  | 'video:derive'

/** What the text, monitoring and video viewers ask of an item beyond its record. */
export function mediaViewHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'transcript:get': ({ itemId }) => transcriptView(ctx.openCase().db, itemId),
    'text:preview': ({ itemId, encoding }) => previewTextDecoding(ctx.openCase(), itemId, encoding),
    'text:setDecoding': async ({ itemId, encoding, reason }) => {
      const item = await setTextDecoding(ctx.openCase(), itemId, encoding, reason, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return item
    },
    'monitoring:get': ({ itemId }) => monitoringView(ctx.openCase(), itemId),
    'monitoring:setLimit': ({ itemId, pollutant, limit, reason }) =>
      setMonitoringLimit(ctx.openCase(), itemId, pollutant, limit, reason, ctx.actor(), ctx.clock),
    'monitoring:setBasis': ({ itemId, pollutant, basis, reason }) =>
      setMonitoringBasis(ctx.openCase(), itemId, pollutant, basis, reason, ctx.actor(), ctx.clock),
    'video:derive': async (req) => {
      const result = await deriveFromVideo(ctx.openCase(), req, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return result
    },
  }
}
