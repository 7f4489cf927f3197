#!/usr/bin/env node
// Bundles the `evidesk` command line into plain JavaScript (dist/cli), so bin/evidesk.js starts
// without tsx. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT_DIR = join(ROOT, 'dist', 'cli')

/**
 * Packages bundled into the chunks rather than left in node_modules. zod is pure JavaScript in
 * some 230 small ES modules (64 of them translations nobody reads): found, read and compiled one
 * by one they cost every command about 90 ms before it began; bundled and tree-shaken (the
 * sources import it as `import * as z`, so unused parts drop out) about 35 ms.
 */
const BUNDLED_PACKAGES = /^zod(\/|$)/

/** Every other package stays external, as `packages: 'external'` would leave them. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'entry-point' || BUNDLED_PACKAGES.test(args.path) ? undefined : { external: true },
    )
  },
}

/**
 * A guard on the tree-shaking above: `import { z } from 'zod'` hands over zod's whole namespace,
 * its locales included (some 340 kB of source to compile), where `import * as z` lets esbuild
 * keep only what is used. The English locale is the one zod configures itself with.
 */
function checkZodTreeShaken(metafile) {
  const inOutput = Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, used]) => used.bytesInOutput > 0)
      .map(([p]) => p),
  )
  const locales = inOutput.filter((p) => /node_modules\/zod\/.*\/locales\/(?!en\.js$)/.test(p))
  if (locales.length > 0)
    throw new Error(
      `zod's locales were bundled (${locales.length} files, e.g. ${locales[0]}): import zod as \`import * as z from 'zod'\`, not \`import { z }\``,
    )
}

/**
 * One ES module per command (code splitting on the dynamic imports in src/cli/main.ts), so
 * `--help` parses only the entry and a command loads only its own part of the core. Packages
 * other than zod stay external: native modules (better-sqlite3, sharp) and the media-tool
 * binaries are found in node_modules at run time, and each loads only when a command imports it.
 */
export async function buildCli({ quiet = false } = {}) {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true })
  const started = performance.now()
  const result = await build({
    absWorkingDir: ROOT,
    // the worker threads' code (kind extraction, the monitoring CSV reader), found beside the chunks at run time
    entryPoints: {
      main: 'src/cli/main.ts',
      'extract-worker': 'src/core/evidence/extract/extract-worker.ts',
      'monitoring-csv-worker': 'src/core/evidence/kinds/monitoring/csv-worker.ts',
    },
    outdir: CLI_OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  })
  checkZodTreeShaken(result.metafile)
  if (!quiet) {
    const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length
    process.stderr.write(
      `evidesk: command line bundled into dist/cli (${files} modules) in ${Math.round(performance.now() - started)} ms\n`,
    )
  }
  return result
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildCli().catch((err) => {
    process.stderr.write(`evidesk: bundling the command line failed: ${err?.message ?? err}\n`)
    process.exit(1)
  })
}
