/**
 * Reviewer mode points at the problem: which evidence items a failed verification names, and
 * which verified. Worked out once from the verdict and case.json, by the bag path of each item's
 * original, so the library, timeline, matrix, details and viewer all say the same thing.
 */
import type { CaseJson, ItemCheck, PackageProblem, PackageVerdict } from '../../shared/package-types'

/** Per item id; empty when the package holds no readable case. */
export function itemChecks(verdict: PackageVerdict, caseJson: CaseJson | null): Record<string, ItemCheck> {
  const out: Record<string, ItemCheck> = {}
  if (!caseJson) return out
  const byPath = new Map<string, PackageProblem[]>()
  for (const p of verdict.problems) {
    if (!p.path) continue
    const list = byPath.get(p.path) ?? []
    list.push(p)
    byPath.set(p.path, list)
  }
  // a match against manifests nobody validly signed proves nothing about the bytes
  const signed = verdict.signature.present && verdict.signature.valid
  for (const e of caseJson.evidence) {
    const problems = byPath.get(e.path) ?? []
    const sha256 = problems.find((p) => p.hashes?.algorithm === 'sha256')?.hashes
    const state: ItemCheck['state'] = problems.some((p) => p.code === 'missing-file')
      ? 'missing'
      : problems.length > 0
        ? 'altered'
        : signed && verdict.bagit.complete
          ? 'verified'
          : 'unchecked'
    out[e.id] = {
      state,
      path: e.path,
      expected: sha256?.expected ?? e.sha256,
      actual: sha256?.actual ?? null,
      problems,
    }
  }
  return out
}
