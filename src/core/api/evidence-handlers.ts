import { findItem, itemDetail, recordViewed } from '../evidence/item-detail'
import { importingOfficers, queryItems } from '../evidence/item-repository'
import { searchCase } from '../evidence/search'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'evidence:list' | 'evidence:get' | 'evidence:officers' | 'evidence:open' | 'search:query'

/** The library: list and filter items, one item with its sources and custody, search. */
export function evidenceHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'evidence:list': (query) => queryItems(ctx.openCase().db, query),
    'evidence:get': ({ id }) => {
      const db = ctx.openCase().db
      return itemDetail(db, findItem(db, id))
    },
    'evidence:officers': () => importingOfficers(ctx.openCase().db),
    // the same as evidence:get, and the first opening in a session is recorded as "viewed"
    'evidence:open': ({ id }) => {
      const file = ctx.openCase()
      const item = findItem(file.db, id)
      if (!file.readOnly && !ctx.viewed.has(item.id)) {
        recordViewed(file, item, ctx.actor(), ctx.clock)
        ctx.viewed.add(item.id)
      }
      return itemDetail(file.db, item)
    },
    'search:query': ({ text, limit }) => searchCase(ctx.openCase().db, text, limit),
  }
}
