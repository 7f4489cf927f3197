// Where the Electron runtime binary is, found without loading the `electron` package: its index.js
// tries to download the binary when it is missing, which cannot work on these machines.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @returns {{ found: true, path: string, version: string } | { found: false, reason: string }} */
export function findElectronBinary(fromUrl = import.meta.url) {
  let pkgFile
  try {
    pkgFile = createRequire(fromUrl).resolve('electron/package.json')
  } catch {
    return { found: false, reason: 'the electron package is not installed' }
  }
  const dir = dirname(pkgFile)
  const version = JSON.parse(readFileSync(pkgFile, 'utf8')).version
  const pathTxt = join(dir, 'path.txt')
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : ''
  // The same override the electron package honours.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    return existsSync(path)
      ? { found: true, path, version }
      : { found: false, reason: `no Electron binary at ${path}` }
  }
  if (!relative)
    return { found: false, reason: `${pathTxt} is missing (the Electron download never completed)` }
  const path = join(dir, 'dist', relative)
  return existsSync(path)
    ? { found: true, path, version }
    : { found: false, reason: `no Electron binary at ${path}` }
}
