/**
 * Worker-thread entry: extracts files (extractFile) off the main thread, one job at a time, and
 * posts each result back. Built as its own file (`extract-worker.js`) beside the bundles that use it.
 */
import { parentPort } from 'node:worker_threads'
import { extractFile, type ExtractOptions } from './index'

const port = parentPort
if (port)
  // one job at a time (the caller waits for each answer); the worker is reused for the next file
  port.on('message', (job: { path: string; opts: Omit<ExtractOptions, 'signal'> }) => {
    extractFile(job.path, job.opts).then(
      (value) => port.postMessage({ ok: true, value }),
      (e: unknown) => {
        const err = e as NodeJS.ErrnoException & { code?: unknown }
        port.postMessage({
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          name: e instanceof Error ? e.constructor.name : 'Error',
          code: typeof err?.code === 'string' ? err.code : undefined,
          syscall: typeof err?.syscall === 'string' ? err.syscall : undefined,
        })
      },
    )
  })
