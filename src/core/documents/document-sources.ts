/** Everything the transfer documents print, read from the case once per build. */
import type { CaseInfo, EvidenceItem } from '../../shared/types'
import type { LegalBasisEntry, Violation, ViolationLink } from '../../shared/violation-types'
import type { CaseFile } from '../case/case-file'
import { queryItems } from '../evidence/item-repository'
import { caseLegalBasis, listViolations } from '../violations'

export interface DocumentContext {
  now: Date
  signer: { name: string; fingerprint: string } | null
  violationIds?: string[]
}

export interface DocumentSources {
  info: CaseInfo
  now: Date
  signer: DocumentContext['signer']
  /** the active violations transferred (all, or those chosen), in number order */
  violations: Violation[]
  basis: Map<string, LegalBasisEntry>
  /** items the transferred violations rely on (active links), in evidence-number order */
  linkedItems: EvidenceItem[]
  /**
   * Items whose originals go into the package: every original import, and derived items
   * (still frames, clips) only when a transferred violation cites them — the package rule of
   * docs/custody-package.md, so this list and data/evidence/ describe the same files.
   */
  packageItems: EvidenceItem[]
  /** active links of the transferred violations per item id */
  linksByItem: Map<string, Array<{ violation: Violation; link: ViolationLink }>>
}

export function activeLinks(v: Violation): ViolationLink[] {
  return v.links.filter((l) => l.removedAt === null)
}

export function readDocumentSources(file: CaseFile, ctx: DocumentContext): DocumentSources {
  const info = file.info()
  const wanted = ctx.violationIds ? new Set(ctx.violationIds) : null
  const violations = listViolations(file.db).filter(
    (v) => v.withdrawnAt === null && (!wanted || wanted.has(v.id)),
  )
  const basis = new Map(caseLegalBasis(file.db).map((b) => [b.id, b]))
  const items = queryItems(file.db).items
  const linksByItem = new Map<string, Array<{ violation: Violation; link: ViolationLink }>>()
  for (const v of violations) {
    for (const link of activeLinks(v)) {
      const list = linksByItem.get(link.itemId) ?? []
      list.push({ violation: v, link })
      linksByItem.set(link.itemId, list)
    }
  }
  return {
    info,
    now: ctx.now,
    signer: ctx.signer,
    violations,
    basis,
    linkedItems: items.filter((i) => linksByItem.has(i.id)),
    packageItems: items.filter((i) => !i.derivedFrom || linksByItem.has(i.id)),
    linksByItem,
  }
}
