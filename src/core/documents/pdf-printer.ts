/**
 * Prints self-contained HTML to PDF. Core does not know which browser does it: Electron passes
 * one built on `webContents.printToPDF`, the CLI and browser mode one built on Debian's Chromium.
 * Where none is available, documents are HTML only and the UI says so.
 */
export interface PdfPrinter {
  /** A4, backgrounds printed, the document's own @page rules (margins, page numbers) honoured */
  print(html: string, signal?: AbortSignal): Promise<Buffer>
  close(): Promise<void>
}
