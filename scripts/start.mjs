#!/usr/bin/env node
// `npm start`: builds and launches the desktop app, or says plainly why it cannot and what works instead.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-runtime.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electron = findElectronBinary()

if (!electron.found) {
  console.error(
    'Evidence Desk: the Electron runtime is not installed on this machine (it cannot be downloaded here). Use "npm run serve" to open the same workstation in your browser.',
  )
  if (process.env.EVIDESK_DEBUG) console.error(`(${electron.reason})`)
  process.exit(1)
}

// The package's exports hide bin/, so go through its package.json.
const electronVite = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
)
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) {
  console.error('Evidence Desk: the build failed (see above); the app was not started.')
  process.exit(build.status ?? 1)
}

const child = spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
child.on('error', (err) => {
  console.error(`Evidence Desk: could not start Electron at ${electron.path}: ${err.message}`)
  process.exit(1)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
