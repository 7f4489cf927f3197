import { dayInZone } from '../../shared/legal-time'
import {
  addAttachment,
  addSeizedItem,
  editBatch,
  removeAttachment,
  removeSeizedItem,
  saveTransferFields,
  transferInfo,
} from '../transfer'
import { recordLawChoice } from '../violations'
import { requireViolation as requireViolationById } from '../violations/violation-store'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'transfer:info'
  | 'transfer:saveFields'
  | 'transfer:addAttachment'
  | 'transfer:removeAttachment'
  | 'transfer:addSeizedItem'
  | 'transfer:removeSeizedItem'
  | 'transfer:editBatch'
  | 'violation:lawChoice'

/** What a transfer needs beyond violations (issue 14). Each change is a custody event and tells open views to refetch. */
export function transferHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  const info = () => transferInfo(ctx.openCase())
  const changed = (change: () => unknown) => {
    change()
    ctx.caseChanged()
    return info()
  }
  return {
    'transfer:info': info,
    'transfer:saveFields': (input) =>
      changed(() => {
        const file = ctx.openCase()
        saveTransferFields(file, input, dayInZone(ctx.clock(), file.info().timezone), ctx.actor(), ctx.clock)
      }),
    'transfer:addAttachment': (input) =>
      changed(() => addAttachment(ctx.openCase(), input, ctx.actor(), ctx.clock)),
    'transfer:removeAttachment': ({ id, reason }) =>
      changed(() => removeAttachment(ctx.openCase(), id, reason, ctx.actor(), ctx.clock)),
    'transfer:addSeizedItem': (input) =>
      changed(() => addSeizedItem(ctx.openCase(), input, ctx.actor(), ctx.clock)),
    'transfer:removeSeizedItem': ({ id, reason }) =>
      changed(() => removeSeizedItem(ctx.openCase(), id, reason, ctx.actor(), ctx.clock)),
    'transfer:editBatch': (input) => changed(() => editBatch(ctx.openCase(), input, ctx.actor(), ctx.clock)),
    'violation:lawChoice': (input) => {
      const file = ctx.openCase()
      recordLawChoice(file, input, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return requireViolationById(file.db, input.violationId)
    },
  }
}
