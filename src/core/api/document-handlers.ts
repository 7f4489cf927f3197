import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TransferDocument, TransferDocumentKind } from '../../shared/violation-types'
import { buildTransferDocuments, editDocumentField, printDocumentPdf } from '../documents'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import type { Handler, HandlerContext } from './backend'
import { officerKeys } from './export-handlers'

type Channels = 'documents:list' | 'documents:edit' | 'documents:pdf'

/**
 * Whose key the package will be signed with, for the fingerprint the electronic data list prints:
 * the officer at the desk (export signs with their key). None for a package under review, and
 * none when no profile (so no key) exists yet.
 */
function signerFor(ctx: HandlerContext): { name: string; fingerprint: string } | null {
  if (ctx.openCase().readOnly || !ctx.appData.profile()) return null
  try {
    const actor = ctx.actor()
    return { name: actor.name, fingerprint: officerKeys(ctx).ensure(actor, ctx.now()).info.fingerprint }
  } catch {
    return null
  }
}

function build(ctx: HandlerContext): TransferDocument[] {
  return buildTransferDocuments(ctx.openCase(), { now: ctx.now(), signer: signerFor(ctx) })
}

function pick(docs: TransferDocument[], kind: TransferDocumentKind): TransferDocument {
  const doc = docs.find((d) => d.kind === kind)
  if (!doc) throw new EvidenceError('not-found', `There is no transfer document of kind "${kind}".`)
  return doc
}

/** Transfer documents (issue 6): list with preview HTML, edit the free-text parts, print to PDF. */
export function documentHandlers(ctx: HandlerContext): { [C in Channels]: Handler<C> } {
  return {
    'documents:list': () => build(ctx),
    'documents:edit': ({ kind, key, value }) => {
      const file = ctx.openCase()
      editDocumentField(file, kind, key, value, ctx.actor(), ctx.clockFn)
      ctx.caseChanged()
      return pick(build(ctx), kind)
    },
    'documents:pdf': ({ kind }) => {
      const file = ctx.openCase()
      const printer = ctx.opts.pdf
      if (!printer)
        throw new EvidenceError(
          'not-supported',
          'No PDF printer is available here (no Chromium was found). The documents are still complete as HTML; print them from a browser, or install Chromium (or set EVIDESK_CHROMIUM) and try again.',
        )
      if (file.readOnly)
        throw new EvidenceError('read-only', 'This case is open read-only; no PDF can be written into it.')
      const actor = ctx.actor()
      const doc = pick(build(ctx), kind)
      return ctx.startJob('pdf', async (job) => {
        job.progress({ filesTotal: 1, filesDone: 0, currentFile: `${doc.fileName}.pdf` })
        const pdf = await printDocumentPdf(printer, doc, job.signal)
        const dir = join(file.dir, 'documents')
        mkdirSync(dir, { recursive: true })
        const path = join(dir, `${doc.fileName}.pdf`)
        writeFileAtomic(path, pdf)
        const sha256 = createHash('sha256').update(pdf).digest('hex')
        // The case folder gained a file: the record says which, with its hash.
        file.record(actor, ctx.now(), {
          action: 'document-printed',
          details: {
            kind,
            fileName: `${doc.fileName}.pdf`,
            bytes: pdf.length,
            sha256,
            draft: doc.problems.length > 0,
          },
        })
        job.progress({ filesDone: 1, bytesDone: pdf.length, bytesTotal: pdf.length })
        ctx.caseChanged()
        return { path, bytes: pdf.length }
      })
    },
  }
}
