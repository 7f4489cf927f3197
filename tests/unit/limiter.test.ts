import { describe, expect, it } from 'vitest'
import { limiter } from '../../src/core/util/limiter'

/** A job that reports when it starts and ends only when told to. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {}
  const promise = new Promise<void>((r) => (open = r))
  return { promise, open }
}

describe('limiter (import: many small copies at once, large ones two at a time)', () => {
  it('runs jobs up to the capacity by weight, in the order asked, and never lets a heavy job be overtaken', async () => {
    const limit = limiter(4)
    const started: string[] = []
    const gates = new Map<string, ReturnType<typeof gate>>()
    const job = (name: string, weight: number): Promise<void> => {
      const g = gate()
      gates.set(name, g)
      return limit(weight, async () => {
        started.push(name)
        await g.promise
      })
    }
    const all = [job('a', 1), job('b', 1), job('big', 4), job('c', 1)]
    await Promise.resolve()
    expect(started).toEqual(['a', 'b'])
    gates.get('a')!.open()
    gates.get('b')!.open()
    await new Promise((r) => setImmediate(r))
    // the heavy job runs alone, and the light one asked after it waits for it
    expect(started).toEqual(['a', 'b', 'big'])
    gates.get('big')!.open()
    await new Promise((r) => setImmediate(r))
    expect(started).toEqual(['a', 'b', 'big', 'c'])
    gates.get('c')!.open()
    await Promise.all(all)
  })

  it('a failing job frees its room', async () => {
    const limit = limiter(1)
    await expect(limit(1, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full')
    await expect(limit(1, async () => 'next')).resolves.toBe('next')
  })
})
