/** DTOs for what a transfer to the police needs beyond violations: case fields, materials, seized items, extraction. */
import type { Officer } from './types'

export const SUSPECT_ROLES = ['suspect', 'manager', 'direct'] as const
/** 犯罪嫌疑人 / 直接负责的主管人员 / 其他直接责任人员 */
export type SuspectRole = (typeof SUSPECT_ROLES)[number]

export interface Suspect {
  name: string
  /** 公民身份号码, 18 characters with a valid GB 11643 check digit */
  idNumber: string
  role: SuspectRole
  /** 职务, e.g. 生产部经理 */
  position: string
}

export const KEY_UNIT_STATUSES = ['yes', 'no', 'unknown'] as const
export type KeyUnitStatus = (typeof KEY_UNIT_STATUSES)[number]

/** The case facts a transfer letter needs that the case record itself does not hold. */
export interface TransferCaseFields {
  /** 立案日期, YYYY-MM-DD as the officer entered it; '' until entered */
  filedOn: string
  /** 排污许可证编号 */
  permitNumber: string
  /** 重点排污单位 and where that was established (名录 name and year) */
  keyUnit: KeyUnitStatus
  keyUnitSource: string
  suspects: Suspect[]
}

export const ATTACHMENT_KINDS = [
  'test-report', // 检验报告 / 监测报告 / 鉴定意见
  'inspection-record', // 现场检查（勘察）笔录
  'interview-record', // 询问笔录 (signed paper)
  'sampling-record', // 采样记录
  'seizure-decision', // 查封扣押决定书及清单
  'penalty-decision', // 行政处罚决定书
  'other',
] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

/** A material the officer registers for the 附件 list: a scan imported as an item, or paper with its page count. */
export interface TransferAttachment {
  id: string
  kind: AttachmentKind
  title: string
  /** 文号 or other reference printed with it */
  reference: string
  /** the imported scan, when there is one */
  itemId: string | null
  itemNumber: string | null
  copies: number
  pages: number
  createdAt: string
  createdBy: Officer
}

/** A physical thing seized under a 查封扣押决定书 (never an electronic file). */
export interface SeizedItem {
  id: string
  name: string
  /** 规格/特征 */
  spec: string
  quantity: number
  unit: string
  storagePlace: string
  /** 查封扣押决定书 文号 */
  decisionNumber: string
  createdAt: string
  createdBy: Officer
}

/**
 * How one batch of originals was extracted from its medium. A batch is every original imported
 * by one officer from one source folder (the medium's mount point or a folder on it).
 */
export interface ExtractionBatch {
  key: string
  sourceFolder: string
  importedBy: Officer
  /** item numbers in the batch */
  items: string[]
  /** earliest import time of the batch (ISO), the default extraction time */
  importedAt: string
  /** the scene time the officer recorded, or null (the import time stands) */
  extractedAt: string | null
  place: string
  /** 原始存储介质: what it is and its identifiers */
  medium: string
  mediumSeized: boolean
  /** why the original medium was not seized, when it was not */
  notSeizedReason: string
  holder: string
  witness: string
  /** the two 提取人 (defaults: the importing officer and the case's other officer) */
  extractors: string[]
  editedAt: string | null
}

export interface LawChoice {
  violationId: string
  chosen: 'old' | 'new'
  reason: string
  oldIds: string[]
  newIds: string[]
  /** YYYY-MM-DD the choice looks at (the decision date) */
  decidedOn: string
  recordedAt: string
  recordedBy: Officer
}

export interface TransferInfo {
  fields: TransferCaseFields
  attachments: TransferAttachment[]
  seizedItems: SeizedItem[]
  batches: ExtractionBatch[]
  lawChoices: LawChoice[]
}
