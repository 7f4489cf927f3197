/**
 * A first-come, first-served limit on work running at once, by weight: a job starts when the
 * weights of the running jobs leave room for its own (a job heavier than the whole capacity runs
 * alone). Jobs start in the order they were asked for, so a heavy one is never overtaken forever.
 */
export type Limiter = <T>(weight: number, job: () => Promise<T>) => Promise<T>

export function limiter(capacity: number): Limiter {
  let inUse = 0
  const waiting: Array<{ weight: number; start: () => void }> = []
  const fits = (weight: number): boolean => inUse === 0 || inUse + weight <= capacity
  const startWaiting = (): void => {
    while (waiting.length > 0 && fits(waiting[0].weight)) {
      const next = waiting.shift()!
      inUse += next.weight
      next.start()
    }
  }
  return async (weight, job) => {
    if (waiting.length === 0 && fits(weight)) inUse += weight
    else await new Promise<void>((start) => waiting.push({ weight, start }))
    try {
      return await job()
    } finally {
      inUse -= weight
      startWaiting()
    }
  }
}
