import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EMIT_EVERY_MS, JobRegistry, type JobControl } from '../../src/core/api/job-registry'
import { EvidenceError } from '../../src/core/errors'
import { applyJobUpdate, type JobProgress, type JobUpdate } from '../../src/shared/jobs'
import type { ImportFileResult } from '../../src/shared/types'
import { JobStore } from '../../src/renderer/src/state/job-store'

function fileResult(i: number): ImportFileResult {
  return {
    path: `/media/card/DCIM/100MEDIA/IMG_${String(i).padStart(5, '0')}.JPG`,
    status: 'imported',
    id: `id-${i}`,
    number: `E${String(i + 1).padStart(3, '0')}`,
    sha256: i.toString(16).padStart(64, '0'),
    kind: 'image',
    size: 1000 + i,
    warnings: [],
  }
}

/** A registry on fake time, and every event it sent. */
function setup() {
  const events: JobUpdate[] = []
  const registry = new JobRegistry((u) => events.push(u), { now: () => Date.now() })
  return { registry, events }
}

/** Starts a job whose work waits until the test lets it end (or it is cancelled). */
function held(registry: JobRegistry, kind: 'import' | 'export' = 'import') {
  let control!: JobControl<'import'>
  let finish!: () => void
  const ended = new Promise<void>((resolve) => (finish = resolve))
  const { taskId, done } = registry.start(kind, 'case-1', async (job) => {
    control = job as JobControl<'import'>
    await new Promise<void>((resolve, reject) => {
      void ended.then(resolve)
      job.signal.addEventListener('abort', () => reject(new EvidenceError('cancelled', 'cancelled')))
    })
    return null as never
  })
  return { taskId, done, finish, control: () => control }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('job registry', () => {
  it('sends each per-file result once, in order, and a subscriber rebuilds exactly the list', async () => {
    const { registry, events } = setup()
    const job = held(registry)
    await vi.advanceTimersByTimeAsync(0)
    const n = 2000
    for (let i = 0; i < n; i++) {
      job.control().item(fileResult(i))
      job
        .control()
        .progress({ filesDone: i + 1, filesTotal: n, bytesDone: (i + 1) * 1000, bytesTotal: n * 1000 })
      // 2,000 files over 10 s of (fake) time
      await vi.advanceTimersByTimeAsync(5)
    }
    job.finish()
    await job.done

    const sent = events.flatMap((e) => e.added as ImportFileResult[])
    expect(sent).toEqual(Array.from({ length: n }, (_, i) => fileResult(i)))
    // throttled: at most one event per interval, plus the start and the end
    expect(events.length).toBeLessThanOrEqual(Math.ceil((n * 5) / EMIT_EVERY_MS) + 2)
    // each event says where its results start, so a gap is visible
    let count = 0
    for (const e of events) {
      expect(e.job.resultCount - e.added.length).toBe(count)
      count = e.job.resultCount
    }
    expect(events.at(-1)!.job).toMatchObject({ state: 'done', resultCount: n, filesDone: n, etaSec: 0 })
    // what the renderer accumulates equals what the list channel answers
    let acc: JobProgress | undefined
    for (const e of events) acc = applyJobUpdate(acc, e) ?? undefined
    expect(acc).toEqual(registry.get(job.taskId))
  })

  it('never holds back the last progress of a burst, nor the results reported just before the end', async () => {
    const { registry, events } = setup()
    const job = held(registry)
    await vi.advanceTimersByTimeAsync(0)
    job.control().progress({ filesTotal: 3, filesDone: 0 })
    job.control().item(fileResult(0))
    job.control().progress({ filesDone: 1, currentFile: '/media/card/b.jpg' })
    const before = events.length
    // inside the interval nothing more is sent…
    await vi.advanceTimersByTimeAsync(EMIT_EVERY_MS - 10)
    expect(events.length).toBe(before)
    // …and at its end the latest state goes out by itself
    await vi.advanceTimersByTimeAsync(20)
    expect(events.length).toBe(before + 1)
    expect(events.at(-1)!.job).toMatchObject({
      filesDone: 1,
      currentFile: '/media/card/b.jpg',
      resultCount: 1,
    })
    job.control().item(fileResult(1))
    job.control().item(fileResult(2))
    job.finish()
    await job.done
    expect(events.at(-1)!.added).toEqual([fileResult(1), fileResult(2)])
    expect(events.at(-1)!.job.state).toBe('done')
  })

  it('works out speed and time left from the bytes over the run so far', async () => {
    const { registry, events } = setup()
    const job = held(registry, 'export')
    await vi.advanceTimersByTimeAsync(2000)
    job.control().progress({ bytesDone: 50_000_000, bytesTotal: 150_000_000 })
    expect(events.at(-1)!.job).toMatchObject({ state: 'running', bytesPerSec: 25_000_000, etaSec: 4 })
    job.finish()
    await job.done
  })

  it('cancels a running job: it ends as cancelled, and a second cancel or an unknown id is refused', async () => {
    const { registry, events } = setup()
    const job = held(registry)
    await vi.advanceTimersByTimeAsync(0)
    job.control().item(fileResult(0))
    expect(registry.cancel(job.taskId)).toBe(true)
    await job.done
    expect(events.at(-1)!.job).toMatchObject({ state: 'cancelled', error: null, resultCount: 1 })
    expect(registry.cancel(job.taskId)).toBe(false)
    expect(registry.cancel('no-such-task')).toBe(false)
    // results reported after the end are not taken
    job.control().item(fileResult(1))
    expect(registry.get(job.taskId)!.results).toHaveLength(1)
  })

  it('ends a job whose work throws as failed, with the error a user can read', async () => {
    const { registry, events } = setup()
    const { done } = registry.start('pdf', 'case-1', async () => {
      throw new EvidenceError('io-error', 'Cannot write /cases/12/documents/01_移送书.pdf: disk full.')
    })
    await done
    expect(events.at(-1)!.job).toMatchObject({
      kind: 'pdf',
      state: 'failed',
      result: null,
      error: { code: 'io-error', message: 'Cannot write /cases/12/documents/01_移送书.pdf: disk full.' },
    })
  })

  it('keeps the 20 newest finished jobs and every running one', async () => {
    const { registry } = setup()
    const running = held(registry)
    for (let i = 0; i < 25; i++) await registry.start('export', null, async () => null as never).done
    registry.start('export', null, async () => null as never)
    const list = registry.list()
    expect(list.filter((j) => j.state === 'done').length).toBeGreaterThanOrEqual(20)
    expect(list.length).toBeLessThanOrEqual(22)
    expect(list.some((j) => j.taskId === running.taskId)).toBe(true)
    running.finish()
    await running.done
  })
})

describe('a subscriber (the renderer job store)', () => {
  it('joining mid-run sees the gap, catches up with the list channel, and follows on to the same list', async () => {
    const { registry, events } = setup()
    const job = held(registry)
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 300; i++) {
      job.control().item(fileResult(i))
      await vi.advanceTimersByTimeAsync(3)
    }
    const store = new JobStore()
    const joinedAt = events.length
    // the first event this page sees starts after results it never had
    for (let i = 300; i < 310; i++) job.control().item(fileResult(i))
    await vi.advanceTimersByTimeAsync(EMIT_EVERY_MS)
    expect(events.length).toBeGreaterThan(joinedAt)
    expect(store.apply(events[joinedAt])).toBe(false)
    expect(store.get(job.taskId)).toBeUndefined()
    store.merge(registry.list())
    for (let i = 310; i < 400; i++) {
      job.control().item(fileResult(i))
      await vi.advanceTimersByTimeAsync(3)
    }
    job.finish()
    await job.done
    // events already covered by the list, and the ones after it, both apply cleanly
    for (const e of events.slice(joinedAt)) expect(store.apply(e)).toBe(true)
    expect(store.get(job.taskId)).toEqual(registry.get(job.taskId))
  })

  it('keeps what it holds when a list answer or an event is older than that', async () => {
    const { registry, events } = setup()
    const job = held(registry)
    await vi.advanceTimersByTimeAsync(0)
    const store = new JobStore()
    store.apply(events[0])
    const early = registry.list()
    for (let i = 0; i < 5; i++) job.control().item(fileResult(i))
    job.finish()
    await job.done
    for (const e of events.slice(1)) store.apply(e)
    const final = store.get(job.taskId)
    expect(final).toMatchObject({ state: 'done', resultCount: 5 })
    store.merge(early)
    expect(store.get(job.taskId)).toBe(final)
    expect(store.apply(events[0])).toBe(true)
    expect(store.get(job.taskId)).toBe(final)
  })
})
