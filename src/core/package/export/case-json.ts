import type { CaseJson, PackageDocument, PackageEvidence } from '../../../shared/package-types'
import type { CaseInfo, Officer } from '../../../shared/types'
import type { Violation } from '../../../shared/violation-types'
import type { ReadableDB } from '../../db/database'
import { listAnnotations } from '../../annotations/annotation-rows'
import { caseLegalBasis } from '../../violations'
import { clockOffsets } from '../../clock/clock-offsets'

export const CASE_JSON_PATH = 'data/case.json'
export const CUSTODY_LOG_PATH = 'data/custody-log.jsonl'
export const REPORT_PATH = 'data/report/index.html'

/** `data/case.json` (format 1): the case as the package carries it; see docs/custody-package.md. */
export function buildCaseJson(args: {
  db: ReadableDB
  info: CaseInfo
  generator: string
  exportedAt: Date
  exportedBy: Officer
  violations: Violation[]
  evidence: PackageEvidence[]
  documents: PackageDocument[]
  custody: { events: number; headHash: string }
  signer: { name: string; certNo: string; fingerprint: string }
}): CaseJson {
  const { info } = args
  const exported = new Set(args.evidence.map((e) => e.id))
  return {
    format: 'evidence-desk-case',
    formatVersion: 1,
    generator: args.generator,
    exportedAt: args.exportedAt.toISOString(),
    exportedBy: args.exportedBy,
    case: {
      id: info.id,
      number: info.number,
      title: info.title,
      cause: info.cause,
      subject: info.subject,
      unit: info.unit,
      timezone: info.timezone,
      officers: info.officers,
      createdAt: info.createdAt,
      createdBy: info.createdBy,
    },
    legalBasis: caseLegalBasis(args.db),
    violations: args.violations,
    evidence: args.evidence,
    // withdrawn citations too: a reviewer sees what was once relied on and why it was withdrawn
    annotations: listAnnotations(args.db, { includeWithdrawn: true }).filter((a) => exported.has(a.itemId)),
    clockOffsets: clockOffsets(args.db),
    custody: { path: CUSTODY_LOG_PATH, events: args.custody.events, headHash: args.custody.headHash },
    documents: args.documents,
    signer: args.signer,
  }
}
