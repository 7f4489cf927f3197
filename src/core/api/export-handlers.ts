import { exportBlockers, exportCase, refusalMessage } from '../package/export'
import { TrustedKeys } from '../signing/trusted-keys'
import { EvidenceError } from '../errors'
import { ChainAnchors } from '../custody/anchors'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'key:get' | 'trust:list' | 'trust:add' | 'trust:remove' | 'export:preflight' | 'export:start'

/** Signing keys, trusted keys and export (issue 7). */
export function exportHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  const trusted = (): TrustedKeys => new TrustedKeys(ctx.appData.dir)
  return {
    'key:get': () => ctx.officerKeys.ensure(ctx.actor(), ctx.clock()).info,
    'trust:list': () => trusted().list(),
    'trust:add': ({ publicKeyPem, name }) => trusted().add(publicKeyPem, name, ctx.clock()),
    'trust:remove': ({ fingerprint }) => trusted().remove(fingerprint),
    'export:preflight': ({ violationIds }) => exportBlockers(ctx.openCase(), violationIds),
    'export:start': ({ target, violationIds, recordSourcePaths }) => {
      const file = ctx.openCase()
      const actor = ctx.actor()
      if (file.readOnly)
        throw new EvidenceError(
          'read-only',
          'This case is open read-only (a package under review); it cannot be exported.',
        )
      // Refuse at once what the cheap checks already show, instead of starting a job that fails.
      const blockers = exportBlockers(file, violationIds)
      if (blockers.length > 0) throw new EvidenceError('refused', refusalMessage(blockers))
      return ctx.startJob('export', async (job) => {
        try {
          return await exportCase(file, target, {
            actor,
            keys: ctx.officerKeys,
            anchors: new ChainAnchors(ctx.appData.dir),
            clock: ctx.clock,
            generator: `Evidence Desk ${ctx.opts.version}`,
            violationIds,
            recordSourcePaths,
            pdf: ctx.opts.pdf ?? null,
            signal: job.signal,
            onProgress: (p) => job.progress(p),
          })
        } finally {
          ctx.caseChanged()
        }
      })
    },
  }
}
