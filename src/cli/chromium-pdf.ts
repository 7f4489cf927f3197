/**
 * Prints transfer documents to PDF with the system's Chromium (Debian's, never a downloaded one),
 * for the command line and browser mode. The browser starts on the first print and is reused;
 * every network request is refused, so a document can only show what its own HTML holds.
 */
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import type { PdfPrinter } from '../core/documents/pdf-printer'
import { EvidenceError } from '../core/errors'

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** The Chromium to print with: EVIDESK_CHROMIUM, else the first one installed; null when none is. */
export function findChromium(): string | null {
  const fromEnv = process.env.EVIDESK_CHROMIUM
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

/** A PDF printer on the system's Chromium, or null when no Chromium is installed. */
export function createChromiumPdfPrinter(): PdfPrinter | null {
  const executablePath = findChromium()
  if (!executablePath) return null
  let launching: Promise<Browser> | null = null
  let closed = false

  const browser = (): Promise<Browser> => {
    // playwright-core loads on the first print only: an export whose documents are all reused
    // (pdf-reuse.ts) never pays its half second of module loading.
    launching ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        }),
      )
      .catch((cause: unknown) => {
        launching = null
        throw new EvidenceError(
          'not-supported',
          `Chromium at ${executablePath} could not be started to print PDF.`,
          {
            cause,
          },
        )
      })
    return launching
  }

  return {
    async print(html, signal) {
      if (closed) throw new EvidenceError('not-supported', 'The PDF printer has been closed.')
      const b = await browser()
      const context = await b.newContext({ javaScriptEnabled: false, offline: true })
      const abort = () => void context.close().catch(() => undefined)
      signal?.addEventListener('abort', abort, { once: true })
      try {
        const page = await context.newPage()
        // Nothing leaves the machine: the document is self-contained, so any request is refused.
        await page.route('**/*', (route) => route.abort('blockedbyclient'))
        await page.setContent(html, { waitUntil: 'load' })
        if (signal?.aborted) throw new EvidenceError('cancelled', 'Printing was cancelled.')
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      } catch (err) {
        if (signal?.aborted) throw new EvidenceError('cancelled', 'Printing was cancelled.')
        throw err
      } finally {
        signal?.removeEventListener('abort', abort)
        await context.close().catch(() => undefined)
      }
    },
    async close() {
      closed = true
      const pending = launching
      launching = null
      if (pending) await (await pending.catch(() => null))?.close()
    },
  }
}
