import type { HandlerContext, HandlerGroup } from './handler-context'
import { thermalFrame } from '../evidence/kinds/thermal/frame'
import { measureThermal } from '../evidence/kinds/thermal/measure'

/** Thermal viewer channels: the frame of a thermal item, and measurements saved as annotations. */
export function thermalHandlers(ctx: HandlerContext): HandlerGroup<'thermal:frame' | 'thermal:measure'> {
  return {
    'thermal:frame': ({ itemId }) => thermalFrame(ctx.openCase(), itemId),
    'thermal:measure': ({ itemId, shape, overrides, note }) => {
      const file = ctx.openCase()
      // Asked first: a measurement is recorded in the custody log under the officer's name.
      const actor = ctx.actor()
      return measureThermal(file, { itemId, shape, overrides, note }, actor, ctx.clock)
    },
  }
}
