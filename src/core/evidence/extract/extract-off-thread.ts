/**
 * Kind extraction of a large file on a worker thread (issue 11, item 6): parsing a big transcript,
 * spreadsheet or CSV then never holds up the event loop, so browser mode keeps answering and the
 * UI keeps drawing during an import. The import's own concurrency bounds how many run at once (a
 * pool of at most that many workers). Cancel terminates the worker at once.
 */
import { availableParallelism } from 'node:os'
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
  // content already in memory serves an in-thread extraction; a worker reads the file itself
  const { signal, size, inWorker, content, ...rest } = opts
  if (signal?.aborted) return Promise.reject(cancelled())
  if (!inWorker && size <= IN_THREAD_MAX_BYTES) return extractFile(path, { ...rest, content, signal })
  return new Promise((resolve, reject) => {
    const worker = takeWorker()
    let settled = false
    const finish = (reusable: boolean, fn: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (reusable) giveBack(worker)
      else void worker.terminate()
      fn()
    }
    // a cancelled job's worker may still be parsing: it is stopped, never reused
    const onAbort = (): void => finish(false, () => reject(cancelled()))
    const onMessage = (m: WorkerReply): void =>
      finish(true, () => (m.ok ? resolve(m.value) : reject(asError(m))))
    const onError = (e: Error): void =>
      finish(false, () => reject(new Error(`the extraction worker failed: ${e.message}`)))
    const onExit = (code: number): void =>
      finish(false, () =>
        reject(new Error(`the extraction worker stopped (exit code ${code}) before it finished`)),
      )
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({ path, opts: rest })
  })
}

const newWorker = (): Worker => {
  const worker = new Worker(workerEntry(import.meta.url, 'extract-worker.ts', 'extract-worker.js'))
  live++
  // an idle worker that fails or ends is simply forgotten
  const forget = (): void => {
    const at = idle.indexOf(worker)
    if (at >= 0) idle.splice(at, 1)
  }
  worker.on('error', forget)
  worker.on('exit', () => {
    live--
    forget()
  })
  return worker
}

/**
 * Workers waiting for their next file. Starting one costs a few hundred milliseconds of CPU
 * (loading the extractors into a new thread), about what a 10 MB drone photo's extraction costs,
 * so a batch of large files reuses them (issue 16). At most one per core is kept, unref'd: an idle
 * worker never keeps the process alive.
 */
const idle: Worker[] = []
const MAX_IDLE = Math.max(1, availableParallelism())
/** Workers started and not yet exited, busy or idle. */
let live = 0

/**
 * Starts an extraction worker now for a large file still being copied, so that its start-up
 * overlaps the copy instead of following it. Nothing is started when one is already idle, or
 * when there are as many workers as the pool keeps: with every worker busy on the files before,
 * each copy started another, which the next giveBack then stopped (a drone card of 100 photos
 * started 6 workers for 2 readers, each start costing more CPU than several extractions).
 */
export function prewarmExtractWorker(): void {
  if (idle.length > 0 || live >= MAX_IDLE) return
  const worker = newWorker()
  worker.unref()
  idle.push(worker)
}

function takeWorker(): Worker {
  const worker = idle.pop() ?? newWorker()
  worker.ref()
  return worker
}

function giveBack(worker: Worker): void {
  if (idle.length >= MAX_IDLE) {
    void worker.terminate()
    return
  }
  worker.unref()
  idle.push(worker)
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
