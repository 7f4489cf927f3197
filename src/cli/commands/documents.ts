import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CaseFile } from '../../core/case/case-file'
import { buildTransferDocuments, printTransferDocuments } from '../../core/documents'
import { EvidenceError } from '../../core/errors'
import { safeFileName } from '../../core/package/export/file-names'
import { OfficerKeys } from '../../core/signing/officer-key'
import { writeFileAtomic } from '../../core/util/atomic-write'
import {
  EXIT_OK,
  UsageError,
  actorFrom,
  appData,
  cancelOnInterrupt,
  parse,
  printJson,
  say,
} from '../cli-support'
import { messages } from '../i18n'

const USAGE =
  'evidesk documents <case-dir> <out-dir> [--pdf] [--violation <V1|id>]… [--actor "<name>:<cert-no>"] [--json]'

/**
 * `evidesk documents`: the case's transfer documents as HTML (and PDF with --pdf), with the file
 * names and content the package would carry, made by the same core generator as the app's.
 * Written PDFs are recorded in the custody log, as printing from the app is.
 */
export async function documentsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { pdf: { type: 'boolean' }, violation: { type: 'string', multiple: true }, actor: { type: 'string' } },
    USAGE,
  )
  if (positionals.length !== 2) throw new UsageError(messages().caseAndTarget(USAGE))
  const [caseDir, outDir] = positionals
  const actor = actorFrom(values.actor as string | undefined)
  const file = CaseFile.open(caseDir, { readOnly: !values.pdf })
  const interrupt = cancelOnInterrupt(() => say(messages().stopping))
  let printer: Awaited<ReturnType<typeof loadPrinter>> = null
  try {
    const ctx = {
      now: new Date(),
      signer: signerFor(actor),
      violationIds: values.violation as string[] | undefined,
    }
    if (values.pdf) {
      printer = await loadPrinter()
      if (!printer)
        throw new EvidenceError(
          'not-supported',
          'No Chromium was found to print PDF (install Debian\'s "chromium", or set EVIDESK_CHROMIUM); leave out --pdf to write the HTML only.',
        )
    }
    // as the package carries them: with a printer, the letters count the pages of the others
    const docs = printer
      ? await printTransferDocuments(file, ctx, printer, interrupt.signal)
      : buildTransferDocuments(file, ctx).map((doc) => ({ doc, pdf: null }))
    mkdirSync(outDir, { recursive: true })
    const written = []
    for (const { doc, pdf: bytes } of docs) {
      const name = safeFileName(doc.fileName, doc.kind)
      const html = join(outDir, `${name}.html`)
      writeFileAtomic(html, doc.html)
      let pdf: string | null = null
      if (bytes) {
        pdf = join(outDir, `${name}.pdf`)
        writeFileAtomic(pdf, bytes)
        file.record(actor, new Date(), {
          action: 'document-printed',
          details: {
            kind: doc.kind,
            fileName: `${name}.pdf`,
            bytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            draft: doc.problems.length > 0,
          },
        })
      }
      written.push({
        kind: doc.kind,
        title: doc.title,
        html: resolve(html),
        pdf: pdf && resolve(pdf),
        problems: doc.problems,
      })
      say(messages().documentWritten(doc.title, pdf ? 2 : 1, doc.problems.length))
    }
    say(messages().documentsDone(written.length, resolve(outDir)))
    if (values.json) printJson(written)
    return EXIT_OK
  } finally {
    interrupt.release()
    await printer?.close()
    file.close()
  }
}

/** Only --pdf pays for playwright-core. */
async function loadPrinter() {
  return (await import('../chromium-pdf')).createChromiumPdfPrinter()
}

/** The fingerprint the electronic data list prints: the key of the officer who would export. */
function signerFor(actor: { name: string; certNo: string }): { name: string; fingerprint: string } | null {
  try {
    const info = new OfficerKeys(appData().dir).info(actor)
    return info ? { name: actor.name, fingerprint: info.fingerprint } : null
  } catch {
    return null
  }
}
