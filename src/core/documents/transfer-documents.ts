/**
 * Transfer documents: built from the case as print-ready HTML (A4), edited in their free-text
 * parts, printed to PDF. Which documents a case produces follows from what its violations cite:
 * a criminal letter only for criminal grounds, a detention letter only for detention grounds.
 */
import type { TransferDocument, TransferDocumentKind } from '../../shared/violation-types'
import type { CaseFile } from '../case/case-file'
import { EvidenceError } from '../errors'
import { approvalFormBody } from './approval-form'
import { detentionLetterBody } from './detention-letter'
import { documentFields, fieldValue } from './document-fields'
import { readDocumentSources, type DocumentContext, type DocumentSources } from './document-sources'
import { electronicDataListBody } from './electronic-data-list'
import { extractionRecordBody } from './extraction-record'
import { htmlDocument } from './html-layout'
import { investigationReportBody } from './investigation-report'
import { evidenceListBody, seizedItemsListBody } from './item-lists'
import { citation } from './legal-citation'
import { receiptBody, type LetterRef } from './receipt'
import { transferLetterBody, type RenderedBody } from './transfer-letter'

const TITLES: Record<TransferDocumentKind, string> = {
  'approval-form': '移送案件审批表',
  'transfer-letter': '涉嫌犯罪案件移送书',
  'detention-letter': '涉嫌环境违法适用行政拘留处罚案件移送书',
  receipt: '回执',
  'investigation-report': '涉嫌犯罪案件情况的调查报告',
  'evidence-list': '证据清单',
  'seized-items-list': '涉案物品清单',
  'extraction-record': '电子数据提取笔录',
  'electronic-data-list': '电子数据清单',
}

const LANDSCAPE = new Set<TransferDocumentKind>([
  'evidence-list',
  'seized-items-list',
  'electronic-data-list',
])

/** Why a case does not produce a document of this kind, or null when it does. */
function notProducedBecause(s: DocumentSources, kind: TransferDocumentKind): string | null {
  switch (kind) {
    case 'transfer-letter': {
      if (s.grounds.criminal.length > 0) return null
      const detention = s.grounds.detention.map(citation)
      return detention.length
        ? `No criminal transfer letter: the violations cite no criminal provision. ${detention.join('、')} ground administrative detention ("尚不构成犯罪的"), not a crime; use the detention transfer letter (涉嫌环境违法适用行政拘留处罚案件移送书).`
        : 'No criminal transfer letter: the violations cite no criminal provision (刑法 and an item of 法释〔2023〕7号).'
    }
    case 'detention-letter':
      return s.grounds.detention.length > 0
        ? null
        : 'No detention transfer letter: the violations cite no provision that grounds administrative detention (such as 环境保护法 第六十三条 or 固体废物污染环境防治法 第一百二十条).'
    case 'receipt':
    case 'approval-form':
      return s.grounds.criminal.length + s.grounds.detention.length > 0
        ? null
        : 'No transfer: the violations cite no provision that grounds a transfer to the police.'
    case 'seized-items-list':
      return s.seizedItems.length > 0
        ? null
        : 'No list of seized items: nothing physical was recorded as seized.'
    case 'extraction-record':
    case 'electronic-data-list':
      return s.packageItems.length > 0 ? null : 'No electronic data: the case holds no originals.'
    default:
      return null
  }
}

function build(file: CaseFile, ctx: DocumentContext): { s: DocumentSources; docs: TransferDocument[] } {
  const s = readDocumentSources(file, ctx)
  const fields = documentFields(file.db, s)
  const kinds = (Object.keys(TITLES) as TransferDocumentKind[]).filter(
    (k) => notProducedBecause(s, k) === null,
  )
  const letters: LetterRef[] = []
  if (kinds.includes('transfer-letter'))
    letters.push({
      title: TITLES['transfer-letter'],
      docNumber: fieldValue(fields['transfer-letter'], 'docNumber'),
    })
  if (kinds.includes('detention-letter'))
    letters.push({
      title: TITLES['detention-letter'],
      docNumber: fieldValue(fields['detention-letter'], 'docNumber'),
    })
  const render: Record<TransferDocumentKind, () => RenderedBody> = {
    'approval-form': () => approvalFormBody(s, fields['approval-form']),
    'transfer-letter': () => transferLetterBody(s, fields['transfer-letter']),
    'detention-letter': () => detentionLetterBody(s, fields['detention-letter']),
    receipt: () => receiptBody(s, letters, fields.receipt),
    'investigation-report': () => investigationReportBody(s, fields['investigation-report']),
    'evidence-list': () => evidenceListBody(s, fields['evidence-list']),
    'seized-items-list': () => seizedItemsListBody(s, fields['seized-items-list']),
    'extraction-record': () => extractionRecordBody(s, fields['extraction-record']),
    'electronic-data-list': () => electronicDataListBody(s, fields['electronic-data-list']),
  }
  const docs = kinds.map((kind, i) => {
    const rendered = render[kind]()
    const title =
      kind === 'investigation-report' && s.grounds.criminal.length === 0 ? '案件调查报告' : TITLES[kind]
    return {
      kind,
      title,
      fileName: `${String(i + 1).padStart(2, '0')}_${title}`,
      html: htmlDocument({
        title,
        orientation: LANDSCAPE.has(kind) ? ('landscape' as const) : ('portrait' as const),
        problems: rendered.problems,
        body: rendered.body,
      }),
      fields: fields[kind],
      problems: rendered.problems,
    }
  })
  return { s, docs }
}

/**
 * The transfer documents this case produces, in filing order: self-contained HTML (inline CSS,
 * no scripts, no external requests), the editable fields, and what keeps each from being ready
 * (it is still generated, with a draft banner on the page). Each document is built whole from one
 * reading of the case. Times print in the case's zone; `ctx.now` is the document date;
 * `ctx.violationIds` limits the transfer to those violations.
 */
export function buildTransferDocuments(file: CaseFile, ctx: DocumentContext): TransferDocument[] {
  return build(file, ctx).docs
}

/** One document; refuses (naming why) a kind the case does not produce, e.g. a criminal letter without criminal grounds. */
export function buildTransferDocument(
  file: CaseFile,
  ctx: DocumentContext,
  kind: TransferDocumentKind,
): TransferDocument {
  const { s, docs } = build(file, ctx)
  const doc = docs.find((d) => d.kind === kind)
  if (!doc)
    throw new EvidenceError('refused', notProducedBecause(s, kind) ?? `There is no ${kind} for this case.`)
  return doc
}
