/**
 * Runs a monitoring CSV job (csv-job.ts) on a worker thread, so a 1,000,000-row export never
 * holds up the event loop (browser mode keeps answering, the UI keeps drawing). Cancel terminates
 * the worker at once. A small file is read in this thread: a worker costs more than it saves.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { EvidenceError } from '../../../errors'
import { runCsvJob, type CsvJob, type CsvJobResult } from './csv-job'

/** Files up to this size are read in the calling thread (a few milliseconds of parsing). */
export const IN_THREAD_MAX_BYTES = 2 * 1024 * 1024

/**
 * Where the worker's code is: beside this module when running from the TypeScript sources (tsx,
 * vitest, Playwright; the worker then loads tsx too), else the file the bundlers emit
 * (`monitoring-csv-worker.js`, see electron.vite.config.ts and scripts/build-cli.mjs) beside or
 * above the chunk holding this module.
 */
function workerEntry(): URL {
  const here = import.meta.url
  if (/\.ts$/.test(new URL(here).pathname)) {
    // Node 20 applies no --import to a worker: the worker registers tsx itself, then loads the entry
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'))
    // tsx's own ES-module API file (its package exports it as tsx/esm/api under "import")
    const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href
    const entry = new URL('./csv-worker.ts', here).href
    const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)})`
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`)
  }
  for (const rel of ['./monitoring-csv-worker.js', '../monitoring-csv-worker.js']) {
    const url = new URL(rel, here)
    if (existsSync(fileURLToPath(url))) return url
  }
  throw new Error('this build lacks monitoring-csv-worker.js, the monitoring CSV reader')
}

/**
 * The job's result, read on a worker thread (or here for a file of at most IN_THREAD_MAX_BYTES
 * unless `inWorker`). Rejects with EvidenceError `cancelled` on abort, and with the OS error's
 * message when the file cannot be read.
 */
export function parseOffThread(
  job: CsvJob,
  opts: { signal?: AbortSignal; size: number; inWorker?: boolean },
): Promise<CsvJobResult> {
  if (opts.signal?.aborted)
    return Promise.reject(new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.'))
  if (!opts.inWorker && opts.size <= IN_THREAD_MAX_BYTES) return runCsvJob(job, opts.signal)
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry())
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      opts.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      fn()
    }
    const onAbort = (): void =>
      finish(() => reject(new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')))
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    worker.once(
      'message',
      (m: { ok: true; value: CsvJobResult } | { ok: false; message: string; code?: string }) =>
        finish(() => {
          if (m.ok) resolve(m.value)
          else reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}))
        }),
    )
    worker.once('error', (e) =>
      finish(() => reject(new Error(`the monitoring CSV reader failed: ${e.message}`))),
    )
    worker.once('exit', (code) =>
      finish(() =>
        reject(new Error(`the monitoring CSV reader stopped (exit code ${code}) before it finished`)),
      ),
    )
    // bytes are copied, not transferred: the caller's buffer may share its memory with others
    worker.postMessage(job)
  })
}
