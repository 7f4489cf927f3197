import type { JobProgress } from './package-types'

/** A job that has just been started: nothing done yet. */
export function newJobProgress(taskId: string, kind: JobProgress['kind']): JobProgress {
  return {
    taskId,
    kind,
    state: 'running',
    bytesDone: 0,
    bytesTotal: 0,
    filesDone: 0,
    filesTotal: 0,
    currentFile: null,
    bytesPerSec: 0,
    etaSec: null,
    result: null,
    error: null,
  }
}
