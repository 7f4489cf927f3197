import { EvidenceError, toApiError } from '../errors'
import { importPaths } from '../evidence/import'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'import:start' | 'task:cancel' | 'task:list'

/** Imports run in the background with per-file results; any long task can be cancelled. */
export function importHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'import:start': ({ paths }) => startImport(ctx, paths),
    'task:cancel': ({ taskId }) => {
      if (!ctx.cancelTask(taskId)) throw new EvidenceError('not-found', `No task ${taskId} is running.`)
      return null
    },
    'task:list': () => ctx.imports.list(),
  }
}

function startImport(ctx: HandlerContext, paths: string[]): { taskId: string } {
  const file = ctx.openCase()
  const actor = ctx.actor()
  const tasks = ctx.imports
  const { taskId, signal } = tasks.start()
  const caseId = file.info().id
  const run = importPaths(file, paths, {
    actor,
    clock: ctx.clock,
    signal,
    // the profile and the signing keys are never evidence, whatever is chosen or linked
    forbiddenRoots: [ctx.appData.dir],
    onProgress: (p) => tasks.progress(taskId, p),
    onResult: (r) => tasks.result(taskId, r),
  })
    .then((summary) => tasks.finish(taskId, summary.cancelled ? 'cancelled' : 'done'))
    .catch((err) => {
      tasks.result(taskId, {
        path: paths.join(', '),
        status: 'rejected',
        id: null,
        number: null,
        sha256: null,
        kind: null,
        size: 0,
        warnings: [],
        error: toApiError(err),
      })
      tasks.finish(taskId, 'failed')
    })
    .finally(() => {
      ctx.emit('case:changed', { caseId })
      ctx.startProxies()
    })
  ctx.track(run)
  return { taskId }
}
