/**
 * A 1,000,000-row long monitoring export (platform layout: time × outlet × factor per row) read
 * the way import reads it — csv-parse on a worker thread into typed columns, then series and
 * exceedances — against csv-parse alone streaming the same file (goal ≤ 1.5×). Each run is a
 * process of its own, so the peak memory (max RSS, worker included) is reported per side; the time
 * includes starting the worker thread.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { build } from 'esbuild'
import { writeLongCemsCsv } from '../tests/support/monitoring-csv'
import type { Bench, BenchRow } from './bench-types'

interface ChildRun {
  ms: number
  cpuMs: number
  maxRssKb: number
  rows: number
}

/**
 * The child and the worker bundled as the command line and the app bundle them (plain JavaScript,
 * the worker as monitoring-csv-worker.js beside the chunks), so no TypeScript is compiled while it runs.
 */
async function bundleChild(outdir: string): Promise<string> {
  await build({
    absWorkingDir: join(import.meta.dirname, '..'),
    entryPoints: {
      'monitoring-child': 'bench/monitoring-child.ts',
      'monitoring-csv-worker': 'src/core/evidence/kinds/monitoring/csv-worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  })
  return join(outdir, 'monitoring-child.js')
}

function runChild(child: string, mode: 'ours' | 'csv-parse', path: string): ChildRun {
  const out = execFileSync(process.execPath, [child, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').pop()!) as ChildRun
}

export const monitoringBench: Bench = {
  name: 'monitoring',
  async run({ tmpDir, quick, log }) {
    const rows = quick ? 100_000 : 1_000_000
    const path = join(tmpDir, 'long.csv')
    const facts = writeLongCemsCsv(path, rows)
    // bundled inside the project, so the child finds csv-parse in node_modules
    const child = await bundleChild(
      join(import.meta.dirname, '..', 'node_modules', '.cache', 'evidesk-bench-monitoring'),
    )
    const runs = quick ? 1 : 3
    let best: { ours: ChildRun; ref: ChildRun } | null = null
    // taking turns, so background load falls on both alike; the best of each side
    for (let r = 0; r < runs; r++) {
      const ref = runChild(child, 'csv-parse', path)
      const ours = runChild(child, 'ours', path)
      log(
        `run ${r + 1}: ours ${Math.round(ours.ms)} ms, csv-parse ${Math.round(ref.ms)} ms, load ${loadavg()[0].toFixed(2)}`,
      )
      best = {
        ours: best && best.ours.ms < ours.ms ? best.ours : ours,
        ref: best && best.ref.ms < ref.ms ? best.ref : ref,
      }
    }
    const { ours, ref } = best!
    const row: BenchRow = {
      name: `parse ${facts.rows.toLocaleString('en')}-row long monitoring CSV`,
      oursMs: ours.ms,
      referenceMs: ref.ms,
      reference: 'csv-parse alone (stream, same file)',
      goalRatio: 1.5,
      extra: {
        // CPU time of all threads, best of each side: steadier than the wall clock on a shared machine
        cpuRatio: (ours.cpuMs / ref.cpuMs).toFixed(2),
        peakRssMiB: Math.round(ours.maxRssKb / 1024),
        csvParsePeakRssMiB: Math.round(ref.maxRssKb / 1024),
        timeStamps: ours.rows,
        loadavg1: loadavg()[0].toFixed(2),
      },
    }
    return [row]
  },
}
