import type { ImportProgress } from './types'

/** A task that has just been started: nothing scanned or copied yet. */
export function newImportProgress(taskId: string): ImportProgress {
  return {
    taskId,
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
    currentFile: null,
    bytesPerSec: 0,
    etaSec: null,
    state: 'scanning',
    results: [],
  }
}
