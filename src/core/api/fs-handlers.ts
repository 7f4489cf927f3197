import { listDirectory } from './fs-listing'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels = 'fs:list' | 'dialog:pickDirectory' | 'dialog:pickImportSources'

/** Choosing folders and files: the in-app file browser (browser mode) and the shell's OS dialogs (Electron). */
export function fsHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'fs:list': ({ dir }) => listDirectory(dir),
    'dialog:pickDirectory': ({ purpose }) => ctx.opts.dialogs?.pickDirectory(purpose) ?? null,
    'dialog:pickImportSources': () => ctx.opts.dialogs?.pickImportSources() ?? [],
  }
}
