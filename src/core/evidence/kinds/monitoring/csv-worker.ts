/**
 * Worker-thread entry: reads one monitoring CSV (csv-job.ts) off the main thread and posts the
 * result back. Built as its own file (`monitoring-csv-worker.js`) next to the bundles that use it.
 */
import { parentPort } from 'node:worker_threads'
import { runCsvJob, type CsvJob } from './csv-job'

const port = parentPort
if (port)
  port.once('message', (job: CsvJob) => {
    runCsvJob(job).then(
      (value) => port.postMessage({ ok: true, value }),
      (e: unknown) =>
        port.postMessage({
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          code: (e as NodeJS.ErrnoException | null)?.code,
        }),
    )
  })
