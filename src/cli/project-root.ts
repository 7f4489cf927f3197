import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The Evidence Desk folder (where package.json and out/renderer are), found by walking up from
 * this module: it runs from src/cli under tsx and from dist/cli/chunks when bundled.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && readManifest(manifest).name === 'evidence-desk') return dir
    const parent = dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
}

function readManifest(path: string): { name?: string; version?: string } {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string }
  } catch {
    return {}
  }
}

/** The app's version from package.json, "0.0.0" when it cannot be read. */
export function appVersion(): string {
  return readManifest(join(projectRoot(), 'package.json')).version ?? '0.0.0'
}
