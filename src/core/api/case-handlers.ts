import { itemFacts, type ItemFacts } from '../../shared/custody-words'
import { getItem } from '../evidence/item-repository'
import { isJobRunning } from '../../shared/jobs'
import { EvidenceError } from '../errors'
import { CaseFile } from '../case/case-file'
import { checkCase } from '../case/integrity'
import { chainWitnesses } from '../signing/checkpoint-signer'
import { countCustodyEvents, listCustodyEvents } from '../custody/custody-log'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'case:create'
  | 'case:open'
  | 'case:current'
  | 'case:close'
  | 'case:update'
  | 'case:set-timezone'
  | 'case:check'
  | 'custody:list'

/** The case file: create, open, edit, close, the integrity check and the custody log. */
export function caseHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  const nativeBinding = ctx.opts.nativeBinding
  return {
    'case:create': ({ dir, fields }) =>
      ctx.setCase(CaseFile.create(dir, fields, ctx.actor(), ctx.clock, { nativeBinding })),
    'case:open': ({ dir }) => ctx.setCase(CaseFile.open(dir, { nativeBinding })),
    'case:current': () => {
      const file = ctx.currentCase()
      if (!file) return null
      const review = ctx.currentReview()
      return {
        ...file.info(),
        ...(review ? { review: { path: review.packagePath, valid: review.verdict.valid } } : {}),
      }
    },
    'case:close': async () => {
      await ctx.closeCase()
      return null
    },
    'case:update': ({ fields }) => ctx.openCase().update(fields, ctx.actor(), ctx.clock),
    'case:set-timezone': ({ timezone, reason }) => {
      const info = ctx.openCase().setTimeZone(timezone, reason, ctx.actor(), ctx.clock)
      // the start screen shows this case's times in its zone
      ctx.appData.updateRecent(info.dir, { timezone: info.timezone })
      return info
    },
    'case:check': ({ removeOrphans }) => {
      // an import under way has copies it has not recorded yet: they are not orphans
      if (removeOrphans && ctx.listJobs().some((j) => j.kind === 'import' && isJobRunning(j)))
        throw new EvidenceError(
          'refused',
          'An import is still running; remove the unrecorded copies once it has finished.',
        )
      const actor = ctx.actor()
      return checkCase(ctx.openCase(), actor, ctx.clock, {
        removeOrphans,
        // held against the heads and keys outside the case; the new head is kept there too, signed
        ...chainWitnesses(ctx.appData.dir, ctx.officerKeys, actor),
      })
    },
    'custody:list': ({ offset, limit }) => {
      const db = ctx.openCase().db
      const events = listCustodyEvents(db, offset, limit)
      const items: Record<string, ItemFacts> = {}
      for (const id of new Set(events.flatMap((e) => (e.itemId ? [e.itemId] : [])))) {
        const item = getItem(db, id)
        if (item?.id === id) items[id] = itemFacts(item)
      }
      return { total: countCustodyEvents(db), events, items }
    },
  }
}
