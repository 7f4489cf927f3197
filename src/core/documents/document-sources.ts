/** Everything the transfer documents print, read from the case once per build. */
import { dayInZone } from '../../shared/legal-time'
import type { CaseInfo, EvidenceItem } from '../../shared/types'
import type {
  ExtractionBatch,
  LawChoice,
  SeizedItem,
  TransferAttachment,
  TransferCaseFields,
} from '../../shared/transfer-types'
import type {
  LegalBasisEntry,
  TransferDocumentKind,
  TransferKind,
  Violation,
  ViolationLink,
} from '../../shared/violation-types'
import type { CaseFile } from '../case/case-file'
import { queryItems } from '../evidence/item-repository'
import { listAttachments, listBatches, listSeizedItems, readTransferFields } from '../transfer'
import { caseLegalBasis, findLegalBasis, latestLawChoice, listViolations } from '../violations'

export interface DocumentContext {
  now: Date
  signer: { name: string; fingerprint: string } | null
  violationIds?: string[]
  /** pages of documents already printed, so the 附件 list can count 页 (left out: shown as not yet printed) */
  pageCounts?: Partial<Record<TransferDocumentKind, number>>
}

export interface DocumentSources {
  info: CaseInfo
  now: Date
  /** the document date as a calendar day in the case zone: the decision's day for 从旧兼从轻 */
  today: string
  signer: DocumentContext['signer']
  pageCounts: Partial<Record<TransferDocumentKind, number>>
  /** the active violations transferred (all, or those chosen), in number order */
  violations: Violation[]
  /** the case's copies of what it cites, plus the catalogue for successors */
  basis: Map<string, LegalBasisEntry>
  lookup(id: string): LegalBasisEntry | undefined
  /** the latest 从旧兼从轻 choice per violation id */
  lawChoices: Map<string, LawChoice>
  /** which transfers the cited provisions ground */
  grounds: Record<Exclude<TransferKind, 'none'>, LegalBasisEntry[]>
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
  fields: TransferCaseFields
  attachments: TransferAttachment[]
  seizedItems: SeizedItem[]
  /** import batches of the package's originals */
  batches: ExtractionBatch[]
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
  const lawChoices = new Map<string, LawChoice>()
  for (const v of violations) {
    const c = latestLawChoice(file.db, v.id)
    if (c) lawChoices.set(v.id, c)
  }
  const cited = [...new Set(violations.flatMap((v) => v.basis))]
    .map((id) => basis.get(id))
    .filter((b): b is LegalBasisEntry => b !== undefined)
  const packageItems = items.filter((i) => !i.derivedFrom || linksByItem.has(i.id))
  return {
    info,
    now: ctx.now,
    today: dayInZone(ctx.now, info.timezone),
    signer: ctx.signer,
    pageCounts: ctx.pageCounts ?? {},
    violations,
    basis,
    lookup: (id) => basis.get(id) ?? findLegalBasis(file.db, id) ?? undefined,
    lawChoices,
    grounds: {
      criminal: cited.filter((b) => b.transferKind === 'criminal'),
      detention: cited.filter((b) => b.transferKind === 'detention'),
    },
    linkedItems: items.filter((i) => linksByItem.has(i.id)),
    packageItems,
    linksByItem,
    fields: readTransferFields(file.db),
    attachments: listAttachments(file.db),
    seizedItems: listSeizedItems(file.db),
    batches: listBatches(file.db, info, packageItems),
  }
}
