/**
 * `npm run bench`: runs every benchmark and prints each figure as a ratio to a reference tool
 * run on the same input in the same run. Results also go to bench/results/latest.json.
 * BENCH_QUICK=1 shrinks the workloads; BENCH_ONLY=name,name runs a subset.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { audioBench } from './audio.bench'
import type { Bench, BenchRow } from './bench-types'
import { custodyBench } from './custody.bench'
import { importBench } from './import.bench'
import { thermalBench } from './thermal.bench'
import { verifyBench } from './verify.bench'
import { exportBench } from './export.bench'
import { cliStartBench } from './cli-start.bench'
import { e2eBench } from './e2e.bench'
import { monitoringBench } from './monitoring.bench'

const BENCHES: Bench[] = [
  cliStartBench,
  custodyBench,
  importBench,
  thermalBench,
  verifyBench,
  exportBench,
  audioBench,
  e2eBench,
  monitoringBench,
]

function fmt(ms: number | null): string {
  return ms === null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1'
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean)
  const rows: Array<BenchRow & { bench: string; ratio: number | null }> = []
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.name)) continue
    const tmp = mkdtempSync(join(tmpdir(), `evidesk-bench-${bench.name}-`))
    try {
      process.stderr.write(`▶ ${bench.name}\n`)
      const result = await bench.run({ tmpDir: tmp, quick, log: (l) => process.stderr.write(`  ${l}\n`) })
      // Every figure carries the load average it was measured under (2 cores shared with others).
      const load = loadavg()[0].toFixed(1)
      for (const row of result)
        rows.push({
          ...row,
          extra: { ...row.extra, loadavg: row.extra?.loadavg ?? load },
          bench: bench.name,
          ratio: row.referenceMs ? row.oursMs / row.referenceMs : null,
        })
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }
  const lines = rows.map((r) => {
    const ratio =
      r.ratio === null
        ? ''
        : ` ratio ${r.ratio.toFixed(2)}×${r.goalRatio ? ` (goal ≤ ${r.goalRatio}×${r.ratio <= r.goalRatio ? ', met' : ', NOT met'})` : ''}`
    const extra = r.extra
      ? `  ${Object.entries(r.extra)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`
      : ''
    return `${r.name}: ours ${fmt(r.oursMs)}${r.reference ? ` vs ${r.reference} ${fmt(r.referenceMs)}` : ''}${ratio}${extra}`
  })
  process.stdout.write(lines.join('\n') + '\n')
  mkdirSync(join(import.meta.dirname ?? __dirname, 'results'), { recursive: true })
  writeFileSync(
    join(import.meta.dirname ?? __dirname, 'results', 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), quick, rows }, null, 2),
  )
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n')
  process.exitCode = 1
})
