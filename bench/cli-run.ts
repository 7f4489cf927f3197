import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const REPO = join(import.meta.dirname ?? __dirname, '..')

/** The installed command: what `npm install` puts on the PATH as `evidesk` (the bundle in dist/cli). */
export const INSTALLED_CLI = join(REPO, 'bin', 'evidesk.js')

/** Throws unless the bundle the installed command runs has been built. */
export function assertCliBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js')))
    throw new Error('dist/cli/main.js is missing: run "npm run build:cli" first')
}

/** Wall-clock ms of one run of the installed command, start-up included; throws with its stderr when it fails. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now()
  // the per-file listing of a 20,000-file import runs to megabytes: room for it (spawnSync's default is 1 MiB)
  const r = spawnSync(process.execPath, [INSTALLED_CLI, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`evidesk ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}
