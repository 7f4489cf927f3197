import { EvidenceError } from '../errors'
import { importPaths } from '../evidence/import'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'import:start' | 'job:cancel' | 'job:list'

/** Imports run as jobs with per-file results; any job can be cancelled and listed again. */
export function importHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'import:start': ({ paths }) => {
      const file = ctx.openCase()
      const actor = ctx.actor()
      return ctx.startJob('import', async (job) => {
        try {
          await importPaths(file, paths, {
            actor,
            clock: ctx.clock,
            signal: job.signal,
            // the profile and the signing keys are never evidence, whatever is chosen or linked
            forbiddenRoots: [ctx.appData.dir],
            onProgress: (p) => job.progress(p),
            onResult: (r) => job.item(r),
          })
          return null
        } finally {
          ctx.caseChanged()
          // videos this browser engine cannot play get their playback copies after the import
          ctx.startProxies()
        }
      })
    },
    'job:cancel': ({ taskId }) => {
      if (!ctx.cancelJob(taskId)) throw new EvidenceError('not-found', `No task ${taskId} is running.`)
      return null
    },
    'job:list': ({ taskId }) => ctx.listJobs().filter((j) => taskId === undefined || j.taskId === taskId),
  }
}
