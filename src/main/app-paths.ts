import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** out/main, where this bundle runs from; the preload and the renderer are built beside it. */
const HERE = dirname(fileURLToPath(import.meta.url))

export const PRELOAD_PATH = join(HERE, '../preload/index.cjs')
/** The one document the window may show (outside `electron-vite dev`). */
export const RENDERER_INDEX = join(HERE, '../renderer/index.html')
/** Root of the unpackaged project (two levels above out/main). */
export const PROJECT_ROOT = join(HERE, '../..')

/** `electron-vite dev` serves the renderer over http and says where in this variable. */
export function devServerUrl(isPackaged: boolean): string | null {
  const url = process.env.ELECTRON_RENDERER_URL
  return !isPackaged && url ? url : null
}
