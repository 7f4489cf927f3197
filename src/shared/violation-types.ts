/** DTOs for violations, their legal basis, the evidence that proves them, and the transfer documents. */
import type { AnnotationType, EvidenceKind, Officer, Subject } from './types'

/** What a provision grounds when a case goes to the police. */
export const TRANSFER_KINDS = ['criminal', 'detention', 'none'] as const
/**
 * `criminal`: a crime (刑法 and the judicial interpretation's thresholds) — 涉嫌犯罪案件移送;
 * `detention`: 行政拘留 for acts that are "尚不构成犯罪的" — 适用行政拘留案件移送;
 * `none`: fines or orders only, or a rule of procedure.
 */
export type TransferKind = (typeof TRANSFER_KINDS)[number]

/**
 * `verbatim`: compared word for word with a published text (named in `source`);
 * `summary`: faithful wording, not compared word for word;
 * `unverified`: no published text could be found — the entry has no statute text to quote.
 */
export type TextStatus = 'verbatim' | 'summary' | 'unverified'

export interface LegalBasisSource {
  /** where the text was compared */
  title: string
  /** the exact page, file or reference */
  ref: string
  /** YYYY-MM-DD */
  checkedOn: string
  note?: string
}

export type LegalBasisRole = 'prohibition' | 'penalty' | 'criminal-threshold' | 'rule'

/**
 * One provision in the legal-basis catalogue. Built-in entries come from
 * `resources/legal-basis/`; officers may add local ones. A case keeps its own copy of every
 * entry it uses, so a later catalogue edit never changes an old case.
 */
export interface LegalBasisEntry {
  /** stable id, e.g. "water-39", "air-99-2"; local entries are prefixed "local-" */
  id: string
  /** the law's full title, e.g. 《中华人民共和国水污染防治法》 */
  law: string
  lawEn: string
  /** article, paragraph and item as cited, e.g. "第八十三条第（三）项" */
  article: string
  /** the statute's wording of the provision (zh-CN); empty when `textStatus` is `unverified` */
  text: string
  /** how `text` was checked; absent on entries made before catalogue 2026.1 (read as `summary`) */
  textStatus?: TextStatus
  /** the prohibited act or the rule, in brief */
  act: string
  actEn: string
  role: LegalBasisRole
  /** ids it pairs with: a prohibition's penalty provision, and back */
  pairsWith: string[]
  /** what the provision grounds when the case goes to the police */
  transferKind: TransferKind
  /** 罪名 for a criminal provision, e.g. 污染环境罪 */
  crime?: string
  /** first day in force, YYYY-MM-DD (China Standard Time); absent: not recorded */
  effectiveFrom?: string | null
  /** last day in force, YYYY-MM-DD, inclusive; null or absent: still in force */
  effectiveTo?: string | null
  /** the counterparts in the law that replaced this provision */
  replacedBy?: string[]
  /** the predecessors this provision replaced */
  replaces?: string[]
  /** where and when the text was checked */
  source?: LegalBasisSource
  origin: 'builtin' | 'local'
  /** the built-in catalogue version the entry was taken from (for local entries: "local") */
  catalogueVersion: string
}

export const VIOLATION_STATUSES = ['draft', 'confirmed', 'transferred'] as const
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number]

/** Why a link no longer stands; the link stays on record either way. */
export type LinkProblem = 'citation-withdrawn' | 'item-missing'

/** A violation's link to an evidence item, or to one citation within it, with what it proves. */
export interface ViolationLink {
  id: string
  violationId: string
  itemId: string
  itemNumber: string
  /** the citation (time range, region, quote, data range, measurement); null links the whole item */
  annotationId: string | null
  annotationType: AnnotationType | null
  /** the citation's anchor as it was when linked */
  anchor: Record<string, unknown> | null
  /** what this evidence proves for the violation */
  note: string
  createdAt: string
  createdBy: Officer
  /** unlinked, never deleted: the record shows it was once relied on */
  removedAt: string | null
  removedReason: string | null
  problem: LinkProblem | null
}

export interface Violation {
  id: string
  /** human number in creation order: V1, V2, … */
  number: string
  title: string
  facts: string
  /** ISO 8601 instants; either may be unknown */
  occurredFrom: string | null
  occurredTo: string | null
  place: string
  /** the enterprise; defaults to the case's subject */
  subject: Subject
  /** legal-basis entry ids, in citing order */
  basis: string[]
  status: ViolationStatus
  createdAt: string
  createdBy: Officer
  updatedAt: string
  /** withdrawn violations are kept on record but leave every list, matrix and document */
  withdrawnAt: string | null
  withdrawnReason: string | null
  /** active and removed links, oldest first */
  links: ViolationLink[]
}

/** Violations × evidence, so gaps show at a glance. */
export interface EvidenceMatrix {
  violations: Array<{ id: string; number: string; title: string; status: ViolationStatus }>
  items: Array<{ id: string; number: string; originalName: string; kind: EvidenceKind }>
  /** one cell per (violation, item) pair with at least one active link */
  cells: Array<{ violationId: string; itemId: string; links: number; citations: number }>
  /** ids of active violations with no active link */
  violationsWithoutEvidence: string[]
  /** ids of items no active violation links to */
  itemsProvingNothing: string[]
}

/** Every document a transfer can carry, in the order they are filed; a case produces those its grounds call for. */
export const TRANSFER_DOCUMENT_KINDS = [
  'approval-form', // 移送案件审批表 (internal, never sent)
  'transfer-letter', // 涉嫌犯罪案件移送书 (criminal grounds only)
  'detention-letter', // 涉嫌环境违法适用行政拘留处罚案件移送书 (detention grounds only)
  'receipt', // 回执 for the receiving 公安机关 to sign and return
  'investigation-report', // 案件调查报告
  'evidence-list', // 证据清单 (legal 证据种类)
  'seized-items-list', // 涉案物品清单 (seized physical items)
  'extraction-record', // 电子数据提取笔录
  'electronic-data-list', // 电子数据清单
] as const
export type TransferDocumentKind = (typeof TRANSFER_DOCUMENT_KINDS)[number]

/** A free-text part of a document that officers may edit before export (each edit is a custody event). */
export interface TransferDocumentField {
  key: string
  /** zh-CN label as printed */
  label: string
  value: string
  multiline: boolean
  /** null while the generated text stands */
  editedBy: Officer | null
  editedAt: string | null
}

export interface DocumentProblem {
  code:
    | 'no-legal-basis'
    | 'no-evidence'
    | 'unprintable-text'
    | 'link-broken'
    | 'basis-not-in-force'
    | 'law-choice-missing'
    | 'unverified-text'
    | 'missing-field'
  message: string
  violationId?: string
  field?: string
}

export interface TransferDocument {
  kind: TransferDocumentKind
  /** zh-CN title, e.g. 涉嫌犯罪案件移送书 */
  title: string
  /** file name without extension, e.g. "01_涉嫌犯罪案件移送书" */
  fileName: string
  /** complete, self-contained, print-ready HTML (A4) */
  html: string
  fields: TransferDocumentField[]
  /** what keeps the document from being ready (it is still generated, marked as a draft) */
  problems: DocumentProblem[]
}
