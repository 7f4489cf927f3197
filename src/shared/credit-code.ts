/**
 * 统一社会信用代码 (unified social credit code) check per GB 32100-2015: 18 characters from
 * the code set 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V); the 18th is a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
const CODE_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character the first 17 characters call for, or null when they use a character outside the code set. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CODE_SET.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * WEIGHTS[i]
  }
  return CODE_SET[(31 - (sum % 31)) % 31]
}

export type CreditCodeProblem = 'length' | 'charset' | 'check-digit'

/** Validates a code as typed (upper-cased first); returns null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.trim().toUpperCase()
  if (c.length !== 18) return 'length'
  const expected = creditCodeCheckChar(c.slice(0, 17))
  if (expected === null || !CODE_SET.includes(c[17])) return 'charset'
  return expected === c[17] ? null : 'check-digit'
}
