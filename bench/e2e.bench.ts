import { spawnSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { Bench, BenchRow } from './bench-types'
import { bagitPython } from './bagit-python'
import { assertCliBuilt, runCli } from './cli-run'
import { writeRandomFile } from './bench-files'
import { timeShell } from './timing'

/**
 * What a bagit-python user runs to make the same bag, without bagit-python: Debian 12 has no
 * python3-bagit and PyPI is out of reach here. bagit.py's make_bag reads each payload file once
 * in 512 KiB blocks, feeding every chosen hashlib algorithm, then writes the manifests and tag
 * manifests; it bags a folder in place, so making a bag of a case's originals is `cp -r` first.
 * This does the same with the same Python and hashlib: the copy, sync, then one read per file
 * for sha256 + sha512 and the four manifests.
 */
const BAGIT_PY_STAND_IN = `
import hashlib, os, sys
bag = sys.argv[1]
lines = {'sha256': [], 'sha512': []}
for root, _, files in os.walk(os.path.join(bag, 'data')):
    for name in sorted(files):
        path = os.path.join(root, name)
        hs = {a: hashlib.new(a) for a in lines}
        with open(path, 'rb') as f:
            while True:
                block = f.read(512 * 1024)
                if not block:
                    break
                for h in hs.values():
                    h.update(block)
        for a, h in hs.items():
            lines[a].append('%s  %s\\n' % (h.hexdigest(), os.path.relpath(path, bag)))
with open(os.path.join(bag, 'bagit.txt'), 'w') as f:
    f.write('BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n')
for a, ls in lines.items():
    with open(os.path.join(bag, 'manifest-%s.txt' % a), 'w') as f:
        f.writelines(ls)
for a in lines:
    with open(os.path.join(bag, 'tagmanifest-%s.txt' % a), 'w') as f:
        for t in ['bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt']:
            with open(os.path.join(bag, t), 'rb') as g:
                f.write('%s  %s\\n' % (hashlib.new(a, g.read()).hexdigest(), t))
`

/** A plain program storing small files with the import's guarantees and nothing more. */
const STORE_FLOOR = join(import.meta.dirname ?? __dirname, 'store-floor.mjs')

const load = (): string => loadavg()[0].toFixed(1)

/**
 * The figures of issue 16's table as a user meets them: the installed command (`node
 * bin/evidesk.js`, the bundle) run end to end, start-up included, each against a reference tool on
 * the same input in the same run, with the load average when it ran. The in-process figures of
 * the same work are in the import, export and verify benches.
 */
export const e2eBench: Bench = {
  name: 'e2e',
  async run({ tmpDir, quick, log }) {
    assertCliBuilt()
    const env = { ...process.env, LANG: 'en_US.UTF-8', EVIDESK_DATA_DIR: join(tmpDir, 'app-data') }
    const cli = (args: string[]): number => runCli(args, env)
    const initCase = (dir: string): void =>
      void cli([
        ...['case', 'init', dir, '--number', '宁环罚〔2026〕1号', '--title', 'bench'],
        ...['--officer', '张三:32010001', '--officer', '李四:32010002'],
      ])
    const sync = (): number => timeShell('sync')
    cli(['profile', 'set', '--name', '张三', '--cert', '32010001', '--unit', '南京市生态环境局'])
    const rows: BenchRow[] = []
    const bagit = bagitPython()

    // 1. One large file: import, export (with documents), verify.
    const size = quick ? 256 << 20 : 1 << 30
    const label = quick ? '256 MiB' : '1 GiB'
    const big = join(tmpDir, 'body-cam.mp4')
    writeRandomFile(big, size)
    let importMs = Infinity
    let cpMs = Infinity
    let importLoad = ''
    const caseDir = (run: number): string => join(tmpDir, `case-big-${run}`)
    for (let run = 0; run < 2; run++) {
      initCase(caseDir(run))
      sync()
      importMs = Math.min(importMs, cli(['import', caseDir(run), big]))
      importLoad = load()
      sync()
      cpMs = Math.min(cpMs, timeShell(`cp ${big} ${join(tmpDir, 'copy.bin')} && sync`))
      rmSync(join(tmpDir, 'copy.bin'), { force: true })
      if (run === 0) rmSync(caseDir(run), { recursive: true, force: true })
    }
    rows.push({
      name: `e2e: evidesk import, one ${label} file`,
      oursMs: importMs,
      referenceMs: cpMs,
      reference: 'cp + sync',
      goalRatio: 1.25,
      extra: { loadavg: importLoad },
    })
    log(`import ${importMs.toFixed(0)} ms vs cp+sync ${cpMs.toFixed(0)} ms (load ${importLoad})`)

    const object = join(caseDir(1), 'objects', 'sha256')
    const stored = findFile(object)
    const out = join(tmpDir, 'out')
    mkdirSync(out)
    let exportMs = Infinity
    let exportLoad = ''
    let cpBagMs = Infinity
    let opensslMs = Infinity
    let bagitPyMs = Infinity
    for (let run = 0; run < 2; run++) {
      const bag = join(out, `bag-${run}`)
      sync()
      exportMs = Math.min(exportMs, cli(['export', caseDir(1), bag]))
      exportLoad = load()
      sync()
      opensslMs = Math.min(opensslMs, timeShell(`openssl dgst -sha512 ${stored}`))
      const copy = join(out, 'copy')
      cpBagMs = Math.min(cpBagMs, timeShell(`mkdir -p ${copy}/data && cp ${stored} ${copy}/data/ && sync`))
      rmSync(copy, { recursive: true, force: true })
      sync()
      // bagit-python bags a folder in place, so the bag of a case's originals starts with `cp`
      bagitPyMs = Math.min(
        bagitPyMs,
        timeShell(
          bagit
            ? `mkdir -p ${copy} && cp ${stored} ${copy}/ && sync && python3 ${bagit} --quiet --sha256 --sha512 ${copy} && sync`
            : `mkdir -p ${copy}/data && cp ${stored} ${copy}/data/ && sync && python3 -c '${BAGIT_PY_STAND_IN.replace(/'/g, "'\\''")}' ${copy} && sync`,
        ),
      )
      rmSync(copy, { recursive: true, force: true })
      if (run === 0) rmSync(bag, { recursive: true, force: true })
    }
    const floor = Math.max(opensslMs, cpBagMs)
    rows.push({
      name: `e2e: evidesk export, a case holding ${label} (signed folder package with documents)`,
      oursMs: exportMs,
      referenceMs: floor,
      reference: `the slower of openssl dgst -sha512 (${fmtS(opensslMs)}) and cp + sync (${fmtS(cpBagMs)})`,
      goalRatio: 1.15,
      extra: { loadavg: exportLoad },
    })
    rows.push({
      name: `e2e: evidesk export, a case holding ${label}, against bagit-python making the same bag`,
      oursMs: exportMs,
      referenceMs: bagitPyMs,
      reference: bagit
        ? 'cp + sync + bagit-python --sha256 --sha512 + sync'
        : 'cp + sync + bagit-python stand-in (python3 hashlib sha256 + sha512, one read; no BAGIT_PY copy given)',
      goalRatio: 1,
      extra: { loadavg: exportLoad },
    })
    log(
      `export ${exportMs.toFixed(0)} ms; openssl ${opensslMs.toFixed(0)}, cp+sync ${cpBagMs.toFixed(0)}, bagit stand-in ${bagitPyMs.toFixed(0)}`,
    )

    const bag = join(out, 'bag-1')
    const payload = findFile(join(bag, 'data', 'evidence'))
    let verifyMs = Infinity
    let opensslBagMs = Infinity
    let verifyLoad = ''
    for (let run = 0; run < 2; run++) {
      verifyMs = Math.min(verifyMs, cli(['verify', bag, '--allow-untrusted']))
      verifyLoad = load()
      opensslBagMs = Math.min(opensslBagMs, timeShell(`openssl dgst -sha512 ${payload}`))
    }
    rows.push({
      name: `e2e: evidesk verify, a ${label} package`,
      oursMs: verifyMs,
      referenceMs: opensslBagMs,
      reference: 'openssl dgst -sha512',
      goalRatio: 1,
      extra: { loadavg: verifyLoad },
    })
    if (bagit) {
      // Another tool's verdict on the package we made, and what its full validation costs.
      const t0 = performance.now()
      const validate = spawnSync('python3', [bagit, '--validate', bag], { encoding: 'utf8' })
      const validateMs = performance.now() - t0
      rows.push({
        name: `e2e: evidesk verify, a ${label} package, against bagit-python --validate of it`,
        oursMs: verifyMs,
        referenceMs: validateMs,
        reference: 'bagit-python --validate (sha256 + sha512)',
        extra: {
          bagitPythonVerdict:
            validate.status === 0 ? 'valid' : `invalid: ${validate.stderr.trim().slice(0, 200)}`,
          loadavg: load(),
        },
      })
    }
    rmSync(out, { recursive: true, force: true })
    rmSync(caseDir(1), { recursive: true, force: true })
    rmSync(big, { force: true })

    // 2. A case holding 1 MB: the first export prints its documents, the next reuses them.
    const small = join(tmpDir, 'small')
    mkdirSync(small)
    writeRandomFile(join(small, 'clip.bin'), 1_000_000)
    const smallCase = join(tmpDir, 'case-small')
    initCase(smallCase)
    cli(['import', smallCase, small])
    const smallOut = join(tmpDir, 'small-out')
    mkdirSync(smallOut)
    const firstMs = cli(['export', smallCase, join(smallOut, 'first')])
    let againMs = Infinity
    for (let run = 0; run < 3; run++)
      againMs = Math.min(againMs, cli(['export', smallCase, join(smallOut, `again-${run}`)]))
    const smallVerifyMs = cli(['verify', join(smallOut, 'first'), '--allow-untrusted'])
    rows.push({
      name: 'e2e: evidesk export, a case holding 1 MB, documents unchanged since the last export (goal ≤ 2 s)',
      oursMs: againMs,
      referenceMs: null,
      reference: null,
      extra: { firstExportMs: Math.round(firstMs), verifyMs: Math.round(smallVerifyMs), loadavg: load() },
    })

    // 3. Many small files, then the same again (all duplicates).
    const count = quick ? 2_000 : 20_000
    const many = join(tmpDir, 'many')
    writeSmallFiles(many, count)
    sync()
    const refMs = timeShell(
      `cp -r ${many} ${join(tmpDir, 'many-copy')} && sync && find ${join(tmpDir, 'many-copy')} -type f -print0 | xargs -0 sha256sum > /dev/null`,
    )
    rmSync(join(tmpDir, 'many-copy'), { recursive: true, force: true })
    // The least any store with the import's guarantees pays for these files (a fsync of each file
    // and of its folder, the two-level store), with no record of them: how much of the gap to the
    // reference is the guarantees and how much is ours.
    sync()
    const floorMs = timeShell(`node ${STORE_FLOOR} ${many} ${join(tmpDir, 'many-floor')} && sync`)
    rmSync(join(tmpDir, 'many-floor'), { recursive: true, force: true })
    const manyCase = join(tmpDir, 'case-many')
    initCase(manyCase)
    sync()
    const firstImportMs = cli(['import', manyCase, many])
    const firstLoad = load()
    const reimportMs = cli(['import', manyCase, many])
    rows.push({
      name: `e2e: evidesk import, ${count} small files`,
      oursMs: firstImportMs,
      referenceMs: refMs,
      reference: 'cp -r + sync + sha256sum',
      goalRatio: 1.5,
      extra: { filesPerSec: Math.round(count / (firstImportMs / 1000)), loadavg: firstLoad },
    })
    rows.push({
      name: `e2e: evidesk import, ${count} small files, against storing them with its guarantees and nothing else`,
      oursMs: firstImportMs,
      referenceMs: floorMs,
      reference: 'bench/store-floor.mjs (read, sha256, temp file, fsync, rename, folder fsync; no records)',
      extra: { loadavg: firstLoad },
    })
    rows.push({
      name: `e2e: evidesk import, the same ${count} files again (all duplicates)`,
      oursMs: reimportMs,
      referenceMs: firstImportMs,
      reference: 'the first import',
      goalRatio: 1,
      extra: { filesPerSec: Math.round(count / (reimportMs / 1000)), loadavg: load() },
    })
    return rows
  },
}

function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

/** The one file under a folder tree (a case's only object, a bag's only original). */
function findFile(dir: string): string {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) return join(e.parentPath, e.name)
  throw new Error(`no file under ${dir}`)
}

/** `count` distinct files of 1–16 KiB (sizes of text, small photos' sidecars, logs), 500 per folder. */
function writeSmallFiles(dir: string, count: number): void {
  const block = Buffer.allocUnsafe(16 << 10)
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `d${String(Math.floor(i / 500)).padStart(3, '0')}`)
    if (i % 500 === 0) mkdirSync(sub, { recursive: true })
    randomFillSync(block)
    writeFileSync(
      join(sub, `f${String(i).padStart(5, '0')}.dat`),
      block.subarray(0, 1024 + ((i * 7919) % (15 << 10))),
    )
  }
}
