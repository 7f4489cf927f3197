/**
 * One measured parse of a monitoring CSV in a process of its own, so its peak memory is its own:
 * `ours` (the import's reader: csv-parse on a worker thread, typed columns, summary), `ours-here`
 * (the same in this thread) or
 * `csv-parse` alone (the same streamed file through csv-parse, records counted and dropped).
 * Prints { ms, cpuMs, maxRssKb, rows } as JSON.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { parse } from 'csv-parse'
import { parseOffThread } from '../src/core/evidence/kinds/monitoring/parse-off-thread'

async function csvParseAlone(path: string): Promise<number> {
  let rows = 0
  const parser = createReadStream(path).pipe(parse({ relax_quotes: true, relax_column_count: true }))
  for await (const record of parser as AsyncIterable<string[]>) if (record.length > 0) rows++
  return rows
}

async function ours(path: string, inWorker: boolean): Promise<number> {
  const r = await parseOffThread(
    { source: { path }, options: { caseTimeZone: 'Asia/Shanghai' }, points: false },
    // a size of 0 keeps the reading in this thread: the cost without the worker
    { size: inWorker ? statSync(path).size : 0 },
  )
  if (!r.summary) throw new Error('the generated file did not read as monitoring data')
  return r.summary.rows
}

/**
 * This process's own peak resident memory: VmHWM of its address space. getrusage's maxrss is not
 * it on Linux: a child started by the bench keeps the bench's high-water mark through exec, so
 * both sides read the bench's own peak (495 MiB once, for both).
 */
function peakRssKb(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
  return m ? Number(m[1]) : process.resourceUsage().maxRSS
}

const [mode, path] = process.argv.slice(2)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const rows = mode === 'csv-parse' ? await csvParseAlone(path) : await ours(path, mode === 'ours')
const ms = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
// CPU time (all threads) as well: on a shared machine it varies less than the wall clock
const cpuMs = (cpu.user + cpu.system) / 1000
process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssKb: peakRssKb(), rows }) + '\n')
