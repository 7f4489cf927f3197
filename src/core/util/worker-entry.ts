import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Where a worker thread's code is, for a module at `here` (its import.meta.url):
 * - running from the TypeScript sources (tsx, vitest, Playwright), the `.ts` entry beside it,
 *   started through a small boot script that registers tsx first (Node 20 passes no --import to
 *   a worker);
 * - running from a bundle, the file the bundlers emit under `bundledName` (see
 *   electron.vite.config.ts and scripts/build-cli.mjs), beside or above the chunk holding `here`.
 */
export function workerEntry(here: string, sourceName: string, bundledName: string): URL {
  if (/\.ts$/.test(new URL(here).pathname)) {
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'))
    // tsx's own ES-module API (its package exports it as tsx/esm/api under "import")
    const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href
    const entry = new URL(`./${sourceName}`, here).href
    const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)})`
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`)
  }
  for (const rel of [`./${bundledName}`, `../${bundledName}`]) {
    const url = new URL(rel, here)
    if (existsSync(fileURLToPath(url))) return url
  }
  throw new Error(`this build lacks ${bundledName}, a worker thread's code`)
}
