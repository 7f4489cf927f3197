import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TransferDocument, TransferDocumentKind } from '../../shared/violation-types'
import type { Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import type { PdfPrinter } from './pdf-printer'
import type { DocumentContext } from './document-sources'
import { buildTransferDocuments } from './transfer-documents'

/** One document as PDF bytes (A4, its own @page rules honoured); refuses when no printer is given. */
export async function printDocumentPdf(
  printer: PdfPrinter,
  doc: TransferDocument,
  signal?: AbortSignal,
): Promise<Buffer> {
  if (signal?.aborted) throw new EvidenceError('cancelled', `Printing ${doc.fileName} was cancelled.`)
  const pdf = await printer.print(doc.html, signal)
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new EvidenceError(
      'internal',
      `The printer returned something other than a PDF for ${doc.fileName}.`,
    )
  return pdf
}

/**
 * Prints one transfer document to `<case>/documents/<file name>.pdf` (written atomically) and
 * records in the custody log which file the case folder gained, with its SHA-256 and whether it
 * is still a draft. Refuses a read-only case; a cancelled print writes and records nothing.
 */
export async function printDocumentIntoCase(
  file: CaseFile,
  printer: PdfPrinter,
  doc: TransferDocument,
  actor: Officer,
  clock: Clock,
  signal?: AbortSignal,
): Promise<{ path: string; bytes: number; sha256: string }> {
  if (file.readOnly)
    throw new EvidenceError('read-only', 'This case is open read-only; no PDF can be written into it.')
  const pdf = await printDocumentPdf(printer, doc, signal)
  return saveDocumentPdfIntoCase(file, doc, pdf, actor, clock)
}

/** Writes an already printed document into `<case>/documents/` and records it, as `printDocumentIntoCase` does. */
export function saveDocumentPdfIntoCase(
  file: CaseFile,
  doc: TransferDocument,
  pdf: Buffer,
  actor: Officer,
  clock: Clock,
): { path: string; bytes: number; sha256: string } {
  if (file.readOnly)
    throw new EvidenceError('read-only', 'This case is open read-only; no PDF can be written into it.')
  const dir = join(file.dir, 'documents')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const fileName = `${doc.fileName}.pdf`
  const path = join(dir, fileName)
  writeFileAtomic(path, pdf)
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  file.record(actor, clock(), {
    action: 'document-printed',
    details: { kind: doc.kind, fileName, bytes: pdf.length, sha256, draft: doc.problems.length > 0 },
  })
  return { path, bytes: pdf.length, sha256 }
}

/** Pages in a PDF Chromium wrote (its page tree's /Count). */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1')
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]))
  if (counts.length) return Math.max(...counts)
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length
}

/**
 * Prints every document of the transfer, counting the pages of each so the letters' 附件 lists
 * and the 回执 carry 份 and 页: documents are printed first, the letters and the receipt rebuilt
 * with the page counts and printed last. All or nothing: any failure throws before anything is
 * returned.
 */
export async function printTransferDocuments(
  file: CaseFile,
  ctx: DocumentContext,
  printer: PdfPrinter,
  signal?: AbortSignal,
): Promise<Array<{ doc: TransferDocument; pdf: Buffer }>> {
  const first = buildTransferDocuments(file, ctx)
  const late = new Set<TransferDocumentKind>(['transfer-letter', 'detention-letter', 'receipt'])
  const printed = new Map<TransferDocumentKind, Buffer>()
  const pageCounts: Partial<Record<TransferDocumentKind, number>> = {}
  for (const doc of first.filter((d) => !late.has(d.kind))) {
    const pdf = await printDocumentPdf(printer, doc, signal)
    printed.set(doc.kind, pdf)
    pageCounts[doc.kind] = pdfPageCount(pdf)
  }
  const docs = buildTransferDocuments(file, { ...ctx, pageCounts })
  for (const doc of docs.filter((d) => late.has(d.kind)))
    printed.set(doc.kind, await printDocumentPdf(printer, doc, signal))
  return docs.map((doc) => ({ doc, pdf: printed.get(doc.kind)! }))
}
