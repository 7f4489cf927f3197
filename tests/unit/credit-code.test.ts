import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, creditCodeProblem } from '../../src/shared/credit-code'

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose 18th character matches the weighted check', () => {
    // Published example codes, each checked by hand against the standard's weights.
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull()
    expect(creditCodeProblem('91110000600037341L')).toBeNull()
    expect(creditCodeProblem('91350100m000100y43')).toBeNull()
  })

  it('names the problem: length, characters outside the code set, or the check digit', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100I43')).toBe('charset') // I is not in the code set
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check-digit')
  })

  it('every wrong 18th character is caught', () => {
    const base = '91350100M000100Y4'
    const right = creditCodeCheckChar(base)
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      expect(creditCodeProblem(base + c) === null).toBe(c === right)
    }
  })
})
