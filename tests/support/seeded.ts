/**
 * A seeded linear congruential generator: the same "random" sequence on every run, so a failing
 * test names the same inputs each time. Each call gives the next 32-bit state.
 */
export function seededStates(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s
  }
}
