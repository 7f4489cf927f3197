/**
 * 公民身份号码 check per GB 11643-1999: 17 digits (6 address, 8 birth date, 3 sequence) and a
 * check character from ISO 7064 MOD 11-2 — weights 2^(17-i) mod 11, the remainder mapped to
 * 1 0 X 9 8 7 6 5 4 3 2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The check character the first 17 digits call for, or null when they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

export type ResidentIdProblem = 'length' | 'charset' | 'birth-date' | 'check-digit'

/** Validates a number as typed (a lower-case x is accepted for X); returns null when it is valid. */
export function residentIdProblem(id: string): ResidentIdProblem | null {
  const c = id.trim().toUpperCase()
  if (c.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(c)) return 'charset'
  const y = Number(c.slice(6, 10))
  const m = Number(c.slice(10, 12))
  const d = Number(c.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birth-date'
  return residentIdCheckChar(c.slice(0, 17)) === c[17] ? null : 'check-digit'
}
