import type { PackageProblem } from '../../../shared/package-types'

/** The custody-package problem codes of CLI.md that this layer adds to the BagIt ones. */
export type PackageProblemCode =
  | 'bad-signature'
  | 'custody-broken'
  | 'case-manifest-mismatch'
  | 'hash-mismatch'
  | 'missing-file'
  | 'extra-file'
  | 'untrusted-key'
  | 'signer-mismatch'
  /** a line, a nesting or a size over the documented caps */
  | 'limit-exceeded'

/** Problems make the package invalid; warnings (shown amber) leave it valid. */
export class Findings {
  readonly problems: PackageProblem[] = []
  readonly warnings: PackageProblem[] = []

  problem(code: PackageProblemCode, path: string | undefined, message: string): void {
    this.problems.push({ code, ...(path ? { path } : {}), message })
  }

  warn(code: PackageProblemCode, path: string | undefined, message: string): void {
    this.warnings.push({ code, ...(path ? { path } : {}), message })
  }
}
