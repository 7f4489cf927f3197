import { describe, expect, it } from 'vitest'
import { readCell } from '../../src/core/evidence/kinds/monitoring/cems-csv'
import { seededStates } from '../support/seeded'

/** Uniform in [0, 1), the same sequence on every run, so a failure names the same cells. */
function seededUniform(seed: number): () => number {
  const next = seededStates(seed)
  return () => next() / 2 ** 32
}

describe('a value cell read as a number', () => {
  it('is the same double Number() reads, for cells whose rounding is hard', () => {
    for (const cell of [
      '0.1',
      '0.3',
      '72.852',
      '2.996',
      '35.',
      '-3',
      '+7.25',
      '-0',
      '-0.000',
      '00012.5000',
      '999999999999999',
      '0.000000000000001',
      '9007199254740993',
      '123456789012345.67',
      '1.7976931348623157',
    ])
      expect(Object.is(readCell(cell).value, Number(cell)), cell).toBe(true)
  })

  it('is the same double Number() reads, for 200,000 decimals as monitoring files write them', () => {
    const rnd = seededUniform(20261204)
    const differing: string[] = []
    for (let t = 0; t < 200_000; t++) {
      const whole = String(Math.floor(rnd() * 10 ** (1 + (t % 9))))
      const places = t % 8
      const fraction = String(Math.floor(rnd() * 10 ** places)).padStart(places, '0')
      const cell = (t % 5 === 0 ? '-' : '') + whole + (places > 0 ? `.${fraction}` : '')
      if (!Object.is(readCell(cell).value, Number(cell))) differing.push(cell)
    }
    expect(differing).toEqual([])
  })

  it('is no number for a cell that is not one', () => {
    for (const cell of ['', '.', '-', '1.2.3', '--1', 'abc']) expect(readCell(cell).value, cell).toBeNull()
  })
})
