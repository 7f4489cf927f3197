import { randomUUID } from 'node:crypto'
import type { ImportFileResult, ImportProgress } from '../../shared/types'
import { newImportProgress } from '../../shared/import-progress'
import type { ImportRunProgress } from '../evidence/import'

const KEEP_FINISHED = 20
/** Progress events are throttled to this interval; state changes always go out at once. */
const EMIT_EVERY_MS = 150

interface Task {
  progress: ImportProgress
  controller: AbortController
  startedAt: number
  lastEmit: number
}

/**
 * Long work of this session (imports) with progress, speed, time left and cancel. The
 * registry only tracks; the caller runs the work and feeds progress in.
 */
export class TaskRegistry {
  private readonly tasks = new Map<string, Task>()

  constructor(private readonly emit: (p: ImportProgress) => void) {}

  start(): { taskId: string; signal: AbortSignal } {
    const taskId = randomUUID()
    const controller = new AbortController()
    this.tasks.set(taskId, {
      controller,
      startedAt: Date.now(),
      lastEmit: 0,
      progress: newImportProgress(taskId),
    })
    this.prune()
    return { taskId, signal: controller.signal }
  }

  progress(taskId: string, p: ImportRunProgress): void {
    const task = this.tasks.get(taskId)
    if (!task) return
    const secs = (Date.now() - task.startedAt) / 1000
    const rate = secs > 0.2 ? p.bytesDone / secs : 0
    Object.assign(task.progress, p, {
      state: task.progress.state === 'scanning' ? 'running' : task.progress.state,
      bytesPerSec: rate,
      etaSec: rate > 0 ? Math.max(0, (p.bytesTotal - p.bytesDone) / rate) : null,
    })
    this.maybeEmit(task)
  }

  result(taskId: string, r: ImportFileResult): void {
    const task = this.tasks.get(taskId)
    if (!task) return
    task.progress.results.push(r)
    this.maybeEmit(task)
  }

  finish(taskId: string, state: 'done' | 'cancelled' | 'failed'): void {
    const task = this.tasks.get(taskId)
    if (!task) return
    task.progress.state = state
    task.progress.currentFile = null
    task.progress.etaSec = state === 'done' ? 0 : null
    this.emit(structuredClone(task.progress))
  }

  cancel(taskId: string): boolean {
    const task = this.tasks.get(taskId)
    if (!task) return false
    task.controller.abort()
    return true
  }

  cancelAll(): void {
    for (const t of this.tasks.values()) t.controller.abort()
  }

  list(): ImportProgress[] {
    return [...this.tasks.values()].reverse().map((t) => structuredClone(t.progress))
  }

  private maybeEmit(task: Task): void {
    const now = Date.now()
    if (now - task.lastEmit < EMIT_EVERY_MS) return
    task.lastEmit = now
    this.emit(structuredClone(task.progress))
  }

  private prune(): void {
    const finished = [...this.tasks.entries()].filter(([, t]) =>
      ['done', 'cancelled', 'failed'].includes(t.progress.state),
    )
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.tasks.delete(id)
  }
}
