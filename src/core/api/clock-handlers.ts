import { caseDevices, clockOffsets, removeClockOffset, setClockOffset } from '../clock/clock-offsets'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'clock:list' | 'clock:set' | 'clock:remove'

/** Device clock offsets: listed, set or changed, removed; each change a custody event. */
export function clockHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'clock:list': () => {
      const db = ctx.openCase().db
      return { offsets: clockOffsets(db), devices: caseDevices(db) }
    },
    'clock:set': (input) => {
      const offset = setClockOffset(ctx.openCase(), input, ctx.actor(), ctx.clock)
      // every view showing a time of this device refetches
      ctx.caseChanged()
      return offset
    },
    'clock:remove': (input) => {
      removeClockOffset(ctx.openCase(), input, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return null
    },
  }
}
