import { addAnnotation, listAnnotations, withdrawAnnotation } from '../annotations/annotation-store'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'annotation:list' | 'annotation:add' | 'annotation:withdraw'

/** Citations on an item (regions, time ranges, quotes, data ranges): each added or withdrawn one is a custody event. */
export function annotationHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'annotation:list': ({ itemId, includeWithdrawn }) =>
      listAnnotations(ctx.openCase().db, { itemId, includeWithdrawn }),
    'annotation:add': (a) => addAnnotation(ctx.openCase(), a, ctx.actor(), ctx.clock),
    'annotation:withdraw': ({ id, reason }) =>
      withdrawAnnotation(ctx.openCase(), id, reason, ctx.actor(), ctx.clock),
  }
}
