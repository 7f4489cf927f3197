import { describe, expect, it } from 'vitest'
import { residentIdCheckChar, residentIdProblem } from '../../src/shared/resident-id'

describe('公民身份号码 (GB 11643)', () => {
  it('computes the check character with ISO 7064 MOD 11-2', () => {
    // the worked example of GB 11643-1999 appendix: 11010519491231002X
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('44052419800101001')).toBe('3')
    expect(residentIdCheckChar('1101051949123100')).toBeNull()
  })

  it('accepts valid numbers, a lower-case x included', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull()
    expect(residentIdProblem('11010519491231002x')).toBeNull()
    expect(residentIdProblem('440524198001010013')).toBeNull()
  })

  it('names what is wrong: length, characters, birth date, check digit', () => {
    expect(residentIdProblem('1101051949123100')).toBe('length')
    expect(residentIdProblem('11010519491231002Y')).toBe('charset')
    expect(residentIdProblem('110105194902300027')).toBe('birth-date')
    expect(residentIdProblem('110105194912310021')).toBe('check-digit')
  })
})
