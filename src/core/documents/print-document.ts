import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TransferDocument } from '../../shared/violation-types'
import type { Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import type { PdfPrinter } from './pdf-printer'

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
