import { annotationHandlers } from './annotation-handlers'
import { caseHandlers } from './case-handlers'
import { clockHandlers } from './clock-handlers'
import { documentHandlers } from './document-handlers'
import { evidenceHandlers } from './evidence-handlers'
import { exportHandlers } from './export-handlers'
import { fsHandlers } from './fs-handlers'
import type { HandlerContext, Handlers } from './handler-context'
import { importHandlers } from './import-handlers'
import { mediaViewHandlers } from './media-view-handlers'
import { pairHandlers } from './pair-handlers'
import { profileHandlers } from './profile-handlers'
import { reviewHandlers } from './review-handlers'
import { thermalHandlers } from './thermal-handlers'
import { transferHandlers } from './transfer-handlers'
import { violationHandlers } from './violation-handlers'

/**
 * Every feature's handlers merged into the one table behind both transports. The type makes a
 * channel without a handler a compile error; `merge` makes two features claiming the same
 * channel a start-up error instead of one silently replacing the other.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  return merge(
    profileHandlers(ctx),
    caseHandlers(ctx),
    clockHandlers(ctx),
    fsHandlers(ctx),
    importHandlers(ctx),
    evidenceHandlers(ctx),
    mediaViewHandlers(ctx),
    annotationHandlers(ctx),
    thermalHandlers(ctx),
    pairHandlers(ctx),
    violationHandlers(ctx),
    documentHandlers(ctx),
    transferHandlers(ctx),
    exportHandlers(ctx),
    reviewHandlers(ctx),
  )
}

type Merged<G extends readonly object[]> = G extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & Merged<R>
  : unknown

function merge<const G extends readonly object[]>(...groups: G): Merged<G> {
  const table: Record<string, unknown> = {}
  for (const group of groups)
    for (const [channel, handler] of Object.entries(group)) {
      if (Object.hasOwn(table, channel)) throw new Error(`Two handler groups claim the channel ${channel}.`)
      table[channel] = handler
    }
  return table as Merged<G>
}
