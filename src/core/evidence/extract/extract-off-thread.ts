/**
 * Kind extraction of a large file on a worker thread (issue 11, item 6): parsing a big transcript,
 * spreadsheet or CSV then never holds up the event loop, so browser mode keeps answering and the
 * UI keeps drawing during an import. The import's own concurrency bounds how many run at once (a
 * pool of at most that many workers). Cancel terminates the worker at once.
 */
import { Worker } from 'node:worker_threads'
import type { ErrorCode } from '../../../shared/errors'
import { EvidenceError } from '../../errors'
import { workerEntry } from '../../util/worker-entry'
import { extractFile, type ExtractOptions, type ExtractResult } from './index'

/** Files up to this size are extracted in the calling thread: a worker's start costs more than it saves. */
export const IN_THREAD_MAX_BYTES = 4 * 1024 * 1024

const cancelled = (): EvidenceError => new EvidenceError('cancelled', 'Reading the file was cancelled.')

/** extractFile, on a worker thread for a file larger than IN_THREAD_MAX_BYTES (or always, with `inWorker`). */
export function extractOffThread(
  path: string,
  opts: ExtractOptions & { size: number; inWorker?: boolean },
): Promise<ExtractResult> {
  const { signal, size, inWorker, ...rest } = opts
  if (signal?.aborted) return Promise.reject(cancelled())
  if (!inWorker && size <= IN_THREAD_MAX_BYTES) return extractFile(path, { ...rest, signal })
  return new Promise((resolve, reject) => {
    const worker = takeWorker()
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      fn()
    }
    const onAbort = (): void => finish(() => reject(cancelled()))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.once('message', (m: WorkerReply) => finish(() => (m.ok ? resolve(m.value) : reject(asError(m)))))
    worker.once('error', (e) => finish(() => reject(new Error(`the extraction worker failed: ${e.message}`))))
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the extraction worker stopped (exit code ${code}) before it finished`))),
    )
    worker.postMessage({ path, opts: rest })
  })
}

const newWorker = (): Worker =>
  new Worker(workerEntry(import.meta.url, 'extract-worker.ts', 'extract-worker.js'))

/** A worker started ahead of need (see prewarmExtractWorker), waiting for its one job. */
let spare: Worker | null = null

/**
 * Starts an extraction worker now for a large file still being copied: loading the extractors
 * into a new thread costs a few hundred milliseconds of CPU, which then overlaps the copy instead
 * of following it (issue 16). The next extraction off the thread takes it. An unused spare never
 * keeps the process alive.
 */
export function prewarmExtractWorker(): void {
  if (spare) return
  const worker = newWorker()
  worker.unref()
  worker.once('error', () => {
    if (spare === worker) spare = null
  })
  worker.once('exit', () => {
    if (spare === worker) spare = null
  })
  spare = worker
}

function takeWorker(): Worker {
  const worker = spare ?? newWorker()
  spare = null
  worker.ref()
  return worker
}

type WorkerReply =
  | { ok: true; value: ExtractResult }
  | { ok: false; message: string; name: string; code?: string; syscall?: string }

/** The worker's error as the in-thread call would have thrown it: EvidenceError, OS error or plain. */
function asError(m: Extract<WorkerReply, { ok: false }>): Error {
  if (m.name === 'EvidenceError' && m.code) return new EvidenceError(m.code as ErrorCode, m.message)
  return Object.assign(new Error(m.message), {
    ...(m.code ? { code: m.code } : {}),
    ...(m.syscall ? { syscall: m.syscall } : {}),
  })
}
