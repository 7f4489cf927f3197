#!/usr/bin/env node
// `npm run prepare:electron`: builds better-sqlite3 for Electron's ABI into native/electron/,
// leaving node_modules/better-sqlite3/build (the Node build the CLI and tests load) untouched.
// @electron/rebuild would replace that build in place; this copies the package to a temporary
// folder, builds there against Electron's headers, and copies only the .node file out.
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const outDir = join(root, 'native', 'electron')
const DIST_URL = 'https://electronjs.org/headers'

class Failure extends Error {}

/** Throws, so the temporary folder is still removed on the way out. */
function fail(message) {
  throw new Failure(message)
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** node-gyp from the project, from the npm running this script, or from PATH (npm puts its own there). */
function findNodeGyp() {
  const candidates = []
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not a project dependency: fall through to npm's copy
  }
  if (process.env.npm_execpath)
    candidates.push(
      join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    )
  candidates.push(
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  )
  const found = candidates.find((c) => existsSync(c))
  if (found) return { command: process.execPath, args: [found] }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .some((d) => existsSync(join(d, process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp')))
  return onPath ? { command: 'node-gyp', args: [] } : null
}

/** Runs a command, echoing its output, and keeps the tail of it to explain a failure. */
function run(command, args, cwd, env) {
  return new Promise((resolve) => {
    let tail = ''
    const keep = (chunk, stream) => {
      stream.write(chunk)
      tail = (tail + chunk.toString()).slice(-20_000)
    }
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32' && command === 'node-gyp',
    })
    child.stdout.on('data', (c) => keep(c, process.stdout))
    child.stderr.on('data', (c) => keep(c, process.stderr))
    child.on('error', (err) => resolve({ code: -1, tail: tail + String(err) }))
    child.on('close', (code) => resolve({ code: code ?? -1, tail }))
  })
}

// node-gyp's words when it cannot fetch the headers (it downloads them before compiling anything).
const HEADER_FAILURE =
  /rolling back install|network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|certificate|tunneling socket|headers\.tar\.gz[^\n]*\b(40[34]|5\d\d)\b/i

async function main() {
  const electronPkg = (() => {
    try {
      return readJson(require.resolve('electron/package.json'))
    } catch {
      return fail('the electron package is not installed. Run "npm install" first.')
    }
  })()
  const sqlitePkgFile = (() => {
    try {
      return require.resolve('better-sqlite3/package.json')
    } catch {
      return fail('the better-sqlite3 package is not installed. Run "npm install" first.')
    }
  })()
  const electronVersion = electronPkg.version
  const sqliteVersion = readJson(sqlitePkgFile).version
  const gyp = findNodeGyp()
  if (!gyp)
    fail(
      'node-gyp was not found. Run this through npm ("npm run prepare:electron"), which ships it, or install node-gyp globally.',
    )

  const work = mkdtempSync(join(tmpdir(), 'evidesk-electron-sqlite-'))
  const cleanUp = () => rmSync(work, { recursive: true, force: true })
  process.on('SIGINT', () => {
    cleanUp()
    process.exit(130)
  })
  try {
    const src = join(work, 'better-sqlite3')
    // The sources only: the existing build/ (Node ABI) stays where it is and is never touched.
    cpSync(dirname(sqlitePkgFile), src, {
      recursive: true,
      filter: (p) =>
        !p.startsWith(join(dirname(sqlitePkgFile), 'build')) &&
        !p.includes(`${join('better-sqlite3', 'node_modules')}`),
    })

    // EVIDESK_ELECTRON_NODEDIR: an unpacked Electron headers folder, for machines without internet access.
    const nodedir = process.env.EVIDESK_ELECTRON_NODEDIR
    const args = [
      ...gyp.args,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.env.npm_config_arch || process.arch}`,
      ...(nodedir
        ? [`--nodedir=${nodedir}`]
        : [`--dist-url=${DIST_URL}`, `--devdir=${join(homedir(), '.electron-gyp')}`]),
    ]
    console.error(
      `prepare:electron: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${nodedir ? `headers from ${nodedir}` : `headers from ${DIST_URL}`})…`,
    )
    const env = {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
      npm_config_disturl: DIST_URL,
    }
    // An npmrc `nodedir` (this machine's has nodedir=/usr) reaches node-gyp as npm_config_nodedir and
    // silently wins over --target: the result would be a Node-ABI module under an Electron name.
    for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
    const result = await run(gyp.command, args, src, env)
    if (result.code !== 0) {
      // node-gyp fetches the headers before compiling; without them in the devdir the fetch failed,
      // whatever it printed (npm --silent hides node-gyp's own messages).
      const headersPresent = existsSync(
        join(homedir(), '.electron-gyp', electronVersion, 'include', 'node', 'node_version.h'),
      )
      const headerProblem = !nodedir && (!headersPresent || HEADER_FAILURE.test(result.tail))
      fail(
        headerProblem
          ? `could not download the headers of Electron ${electronVersion} from ${DIST_URL} (no internet access to electronjs.org?). ` +
              'Nothing was changed. Run this again on a machine that can reach electronjs.org, or unpack the headers ' +
              `(node-v${electronVersion}-headers.tar.gz) and point EVIDESK_ELECTRON_NODEDIR at them.`
          : `node-gyp failed (exit ${result.code}); see its output above. Nothing was changed; node_modules/better-sqlite3 still holds the Node build.`,
      )
    }
    const built = join(src, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) fail(`node-gyp reported success but ${built} is missing.`)
    // Electron cannot be run here to load the module, but the ABI is in its registration symbol.
    const abi = readFileSync(
      join(dirname(require.resolve('electron/package.json')), 'abi_version'),
      'utf8',
    ).trim()
    const registered = /node_register_module_v(\d+)/.exec(readFileSync(built).toString('latin1'))?.[1]
    if (registered !== undefined && registered !== abi) {
      fail(
        `the module was built for ABI ${registered}, but Electron ${electronVersion} needs ABI ${abi}; it was not installed. Check for a "nodedir" setting in your npm configuration.`,
      )
    }
    mkdirSync(outDir, { recursive: true })
    // Copy then rename, so a running app never sees a half-written module.
    const target = join(outDir, 'better_sqlite3.node')
    copyFileSync(built, target + '.tmp')
    renameSync(target + '.tmp', target)
    writeFileSync(
      join(outDir, 'BUILD-INFO.json'),
      JSON.stringify(
        {
          electron: electronVersion,
          betterSqlite3: sqliteVersion,
          platform: process.platform,
          arch: process.arch,
          builtAt: new Date().toISOString(),
        },
        null,
        2,
      ) + '\n',
    )
    console.error(`prepare:electron: wrote ${target}`)
  } finally {
    cleanUp()
  }
}

try {
  await main()
} catch (err) {
  if (!(err instanceof Failure)) throw err
  console.error(`prepare:electron: ${err.message}`)
  process.exitCode = 1
}
