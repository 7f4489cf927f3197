import { describe, expect, it } from 'vitest'
import { itemChecks } from '../../src/core/review/item-checks'
import type { CaseJson, PackageVerdict } from '../../src/shared/package-types'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

function verdict(over: Partial<PackageVerdict> = {}): PackageVerdict {
  return {
    valid: true,
    bagit: { complete: true, valid: true, version: '1.0', warnings: [] },
    signature: { present: true, valid: true, fingerprint: 'f', signer: '张三', trusted: false },
    custody: { present: true, intact: true, events: 3 },
    problems: [],
    ...over,
  }
}

const caseJson = {
  evidence: [
    { id: 'i1', number: 'E001', sha256: A, path: 'data/evidence/E001_a.MP4' },
    { id: 'i2', number: 'E002', sha256: B, path: 'data/evidence/E002_b.JPG' },
  ],
} as unknown as CaseJson

describe('what a verification found about each item', () => {
  it('names the altered file with the manifest hash and the computed one, and only it', () => {
    const checks = itemChecks(
      verdict({
        valid: false,
        problems: [
          {
            code: 'hash-mismatch',
            path: 'data/evidence/E001_a.MP4',
            message: 'x',
            hashes: { algorithm: 'sha512', expected: 'e'.repeat(128), actual: 'f'.repeat(128) },
          },
          {
            code: 'hash-mismatch',
            path: 'data/evidence/E001_a.MP4',
            message: 'x',
            hashes: { algorithm: 'sha256', expected: A, actual: 'c'.repeat(64) },
          },
        ],
      }),
      caseJson,
    )
    expect(checks.i1).toMatchObject({ state: 'altered', expected: A, actual: 'c'.repeat(64) })
    expect(checks.i2).toMatchObject({ state: 'verified', expected: B, actual: null, problems: [] })
  })

  it('calls a missing file missing', () => {
    const checks = itemChecks(
      verdict({
        valid: false,
        problems: [{ code: 'missing-file', path: 'data/evidence/E002_b.JPG', message: 'x' }],
      }),
      caseJson,
    )
    expect(checks.i2.state).toBe('missing')
  })

  it('verifies nothing against manifests no valid signature covers', () => {
    const checks = itemChecks(
      verdict({
        valid: false,
        signature: { present: true, valid: false, fingerprint: null, signer: null, trusted: false },
      }),
      caseJson,
    )
    expect(checks.i1.state).toBe('unchecked')
    expect(checks.i2.state).toBe('unchecked')
  })

  it('is empty for a package without a readable case', () => {
    expect(itemChecks(verdict(), null)).toEqual({})
  })
})
