import { execFileSync } from 'node:child_process'

/** Best of `runs` wall-clock timings of fn, in ms (the best run is the least disturbed by other load). */
export async function bestOf(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

/** Runs a shell command (the reference tool) and returns its wall-clock ms. */
export function timeShell(command: string): number {
  const t0 = performance.now()
  execFileSync('bash', ['-c', command], { stdio: 'ignore' })
  return performance.now() - t0
}
