import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './app-paths'

/**
 * Where the Electron-ABI build of better-sqlite3 lives. `npm run prepare:electron` writes it to
 * native/electron/ so the Node build in node_modules (used by the CLI and the tests) stays intact;
 * a package carries it in its resources folder.
 */
export function nativeBindingPath(isPackaged: boolean): string {
  return isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(PROJECT_ROOT, 'native', 'electron', 'better_sqlite3.node')
}

/** The binding to pass to the backend, or a problem to show: without it no case can be opened. */
export function resolveNativeBinding(isPackaged: boolean): { path: string; problem: string | null } {
  const path = nativeBindingPath(isPackaged)
  if (existsSync(path)) return { path, problem: null }
  return {
    path,
    problem: isPackaged
      ? `The SQLite module for this app is missing (${path}). Reinstall Evidence Desk.`
      : `The SQLite module built for Electron is missing (${path}). Run "npm run prepare:electron" once, then start the app again.`,
  }
}
