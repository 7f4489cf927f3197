/**
 * Runs a monitoring CSV job (csv-job.ts) on a worker thread, so a 1,000,000-row export never
 * holds up the event loop (browser mode keeps answering, the UI keeps drawing). Cancel terminates
 * the worker at once. A small file is read in this thread: a worker costs more than it saves; so
 * is any file when this already runs on a worker thread (import's extraction of a large file).
 */
import { isMainThread, Worker } from 'node:worker_threads'
import { EvidenceError } from '../../../errors'
import { workerEntry } from '../../../util/worker-entry'
import { runCsvJob, type CsvJob, type CsvJobResult } from './csv-job'
import { headOf, monitoringFormatOf } from './monitoring-format'

/** Files up to this size are read in the calling thread (a few milliseconds of parsing). */
export const IN_THREAD_MAX_BYTES = 2 * 1024 * 1024
/** A workbook inflates to many times its size and SheetJS reads it whole: a smaller one already goes to a worker. */
export const IN_THREAD_MAX_WORKBOOK_BYTES = 128 * 1024

/**
 * The job's result, read on a worker thread (or here for a file of at most IN_THREAD_MAX_BYTES, or
 * when this is a worker thread already, unless `inWorker`). Rejects with EvidenceError `cancelled`
 * on abort, and with the OS error's message when the file cannot be read.
 */
export async function parseOffThread(
  job: CsvJob,
  opts: { signal?: AbortSignal; size: number; inWorker?: boolean },
): Promise<CsvJobResult> {
  if (opts.signal?.aborted) throw new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')
  const workbook = monitoringFormatOf(await headOf(job.source, 8)) !== 'csv'
  if (opts.signal?.aborted) throw new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')
  const inThreadMax = workbook ? IN_THREAD_MAX_WORKBOOK_BYTES : IN_THREAD_MAX_BYTES
  // already on a worker thread (import extracts a large file on one): no second thread is needed
  if (!opts.inWorker && (opts.size <= inThreadMax || !isMainThread)) return runCsvJob(job, opts.signal)
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(import.meta.url, 'csv-worker.ts', 'monitoring-csv-worker.js'))
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
