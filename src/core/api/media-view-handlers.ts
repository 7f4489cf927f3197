import { compareMonitoring } from '../monitoring-compare/compare-items'
import { deriveFromVideo } from '../evidence/kinds/video/derive-item'
import { monitoringView, setMonitoringBasis, setMonitoringLimit } from '../evidence/kinds/monitoring/view'
import { seriesInForce } from '../evidence/kinds/monitoring/series-in-force'
import { transcriptView } from '../evidence/kinds/transcript/view'
import { previewTextDecoding, setTextDecoding } from '../evidence/text-decoding'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'transcript:get'
  | 'text:preview'
  | 'text:setDecoding'
  | 'monitoring:get'
  | 'monitoring:seriesInForce'
  | 'monitoring:setLimit'
  | 'monitoring:setBasis'
  | 'monitoring:compare'
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
    'monitoring:seriesInForce': ({ itemId }) => seriesInForce(ctx.openCase(), itemId),
    // a new custody event: the case's counts change, and so do the exceedances others show
    'monitoring:setLimit': async ({ itemId, pollutant, limit, reason }) => {
      const view = await setMonitoringLimit(
        ctx.openCase(),
        itemId,
        pollutant,
        limit,
        reason,
        ctx.actor(),
        ctx.clock,
      )
      ctx.caseChanged()
      return view
    },
    'monitoring:setBasis': async ({ itemId, pollutant, basis, reason }) => {
      const view = await setMonitoringBasis(
        ctx.openCase(),
        itemId,
        pollutant,
        basis,
        reason,
        ctx.actor(),
        ctx.clock,
      )
      ctx.caseChanged()
      return view
    },
    'monitoring:compare': async (req) => {
      const result = await compareMonitoring(ctx.openCase(), req, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return result
    },
    'video:derive': async (req) => {
      const result = await deriveFromVideo(ctx.openCase(), req, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return result
    },
  }
}
