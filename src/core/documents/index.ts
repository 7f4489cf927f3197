/** Transfer documents: built from the case as print-ready HTML (A4), edited in their free-text parts, printed to PDF. */
export { buildTransferDocument, buildTransferDocuments } from './transfer-documents'
export { editDocumentField } from './document-fields'
export {
  pdfPageCount,
  printDocumentIntoCase,
  printDocumentPdf,
  printTransferDocuments,
  saveDocumentPdfIntoCase,
} from './print-document'
export type { PdfPrinter } from './pdf-printer'
export type { DocumentContext } from './document-sources'
