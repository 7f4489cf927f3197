import { systemTimeZone } from '../../shared/time-zone'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'app:info' | 'profile:get' | 'profile:save' | 'recent:list' | 'recent:forget'

/** The app itself, the officer at the desk and the recent-cases list: all kept in the app data folder. */
export function profileHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'app:info': () => ({
      version: ctx.opts.version,
      mode: ctx.opts.mode,
      dataDir: ctx.appData.dir,
      systemTimeZone: systemTimeZone(),
      nativeDialogs: Boolean(ctx.opts.dialogs),
    }),
    'profile:get': () => ctx.appData.profile(),
    'profile:save': (p) => {
      const saved = ctx.appData.saveProfile(p)
      // the officer's signing key exists from the first save on, so its fingerprint can be shared early
      ctx.officerKeys.ensure(saved, ctx.clock())
      return saved
    },
    'recent:list': () => ctx.appData.recent(),
    'recent:forget': ({ dir }) => ctx.appData.forgetRecent(dir),
  }
}
