import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../util/atomic-write'
import type { PdfPrinter } from './pdf-printer'

/**
 * Bumped whenever the print settings change (paper, margins, the printer itself), so that no PDF
 * printed under the old ones is reused.
 */
const PRINT_SETTINGS = 'A4 backgrounds page-rules v1'

/**
 * A printer that keeps each PDF it prints under the SHA-256 of the exact HTML (and print
 * settings) it came from, and hands that PDF back when the same HTML is printed again, without
 * starting a browser. A document's HTML carries every fact it shows, its date included (to the
 * day), so equal HTML means the same document; only the PDF's own creation time stays that of
 * its first print. Printing a case's five transfer documents costs seconds (a Chromium launch and
 * five prints); an export on an unchanged case reuses them all.
 *
 * The kept PDFs are the case's own derived files (`derived/printed/`), private like the rest of
 * the case folder; losing them costs a print, nothing else. A failure to keep one is ignored.
 */
export function reusingPrinter(printer: PdfPrinter, dir: string): PdfPrinter & { readonly reused: number } {
  let reused = 0
  const pathFor = (html: string): string =>
    join(
      dir,
      `${createHash('sha256').update(PRINT_SETTINGS).update('\0').update(html, 'utf8').digest('hex')}.pdf`,
    )
  return {
    get reused() {
      return reused
    },
    async print(html, signal) {
      const path = pathFor(html)
      const kept = await readFile(path).catch(() => null)
      if (kept && kept.subarray(0, 5).toString('latin1') === '%PDF-') {
        reused++
        return kept
      }
      const pdf = await printer.print(html, signal)
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        writeFileAtomic(path, pdf, 0o600)
      } catch {
        // only a later reuse is lost
      }
      return pdf
    },
    close: () => printer.close(),
  }
}
