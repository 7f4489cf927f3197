/** Transfer documents: built from the case as print-ready HTML (A4), edited in their free-text parts, printed to PDF. */
import type { TransferDocument, TransferDocumentKind } from '../../shared/violation-types'
import type { CaseFile } from '../case/case-file'
import { documentFields } from './document-fields'
import { readDocumentSources, type DocumentContext } from './document-sources'
import { electronicDataListBody } from './electronic-data-list'
import { htmlDocument } from './html-layout'
import { investigationReportBody } from './investigation-report'
import { evidenceEntryCount, evidenceListBody, seizedItemsListBody } from './item-lists'
import { transferLetterBody, type RenderedBody } from './transfer-letter'

export { editDocumentField } from './document-fields'
export { printDocumentPdf, printDocumentIntoCase } from './print-document'
export type { PdfPrinter } from './pdf-printer'
export type { DocumentContext } from './document-sources'

const TITLES: Record<TransferDocumentKind, string> = {
  'transfer-letter': '涉嫌犯罪案件移送书',
  'investigation-report': '涉嫌犯罪案件情况的调查报告',
  'seized-items-list': '涉案物品清单',
  'evidence-list': '证据清单',
  'electronic-data-list': '电子数据提取固定清单',
}

/**
 * All five transfer documents, in order, from the case as it is now: self-contained HTML (inline
 * CSS, no scripts, no external requests), the editable fields, and what keeps each from being
 * ready (it is still generated, with a draft banner on the page). Times print in the case's zone;
 * `ctx.now` is the document date; `ctx.violationIds` limits the transfer to those violations.
 */
export function buildTransferDocuments(file: CaseFile, ctx: DocumentContext): TransferDocument[] {
  const s = readDocumentSources(file, ctx)
  const fields = documentFields(file.db, s)
  const bodies: Record<
    TransferDocumentKind,
    { rendered: RenderedBody; orientation: 'portrait' | 'landscape' }
  > = {
    'transfer-letter': {
      rendered: transferLetterBody(s, fields['transfer-letter'], {
        seizedItems: s.linkedItems.length,
        evidenceEntries: evidenceEntryCount(s),
        electronicItems: s.packageItems.length,
        electronicBytes: s.packageItems.reduce((sum, i) => sum + i.size, 0),
      }),
      orientation: 'portrait',
    },
    'investigation-report': {
      rendered: investigationReportBody(s, fields['investigation-report']),
      orientation: 'portrait',
    },
    'seized-items-list': {
      rendered: seizedItemsListBody(s, fields['seized-items-list']),
      orientation: 'landscape',
    },
    'evidence-list': { rendered: evidenceListBody(s, fields['evidence-list']), orientation: 'landscape' },
    'electronic-data-list': {
      rendered: electronicDataListBody(s, fields['electronic-data-list']),
      orientation: 'landscape',
    },
  }
  return (Object.keys(TITLES) as TransferDocumentKind[]).map((kind, i) => {
    const { rendered, orientation } = bodies[kind]
    const title = TITLES[kind]
    return {
      kind,
      title,
      fileName: `${String(i + 1).padStart(2, '0')}_${title}`,
      html: htmlDocument({ title, orientation, problems: rendered.problems, body: rendered.body }),
      fields: fields[kind],
      problems: rendered.problems,
    }
  })
}
