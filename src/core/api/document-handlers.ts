import type { TransferDocument, TransferDocumentKind } from '../../shared/violation-types'
import {
  buildTransferDocument,
  buildTransferDocuments,
  editDocumentField,
  printDocumentIntoCase,
  printTransferDocuments,
  saveDocumentPdfIntoCase,
} from '../documents'
import { EvidenceError } from '../errors'
import type { HandlerContext, HandlerGroup } from './handler-context'

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
    return { name: actor.name, fingerprint: ctx.officerKeys.ensure(actor, ctx.clock()).info.fingerprint }
  } catch {
    return null
  }
}

function build(ctx: HandlerContext): TransferDocument[] {
  return buildTransferDocuments(ctx.openCase(), { now: ctx.clock(), signer: signerFor(ctx) })
}

/** One document; a kind the case does not produce (a criminal letter without criminal grounds) is refused, naming why. */
function pick(ctx: HandlerContext, kind: TransferDocumentKind): TransferDocument {
  return buildTransferDocument(ctx.openCase(), { now: ctx.clock(), signer: signerFor(ctx) }, kind)
}

/** Letters and the receipt count the pages of the other documents, so those are printed with them. */
const COUNTS_PAGES = new Set<TransferDocumentKind>(['transfer-letter', 'detention-letter', 'receipt'])

/** Transfer documents (issue 6): list with preview HTML, edit the free-text parts, print to PDF. */
export function documentHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  return {
    'documents:list': () => build(ctx),
    'documents:edit': ({ kind, key, value }) => {
      const file = ctx.openCase()
      editDocumentField(file, kind, key, value, ctx.actor(), ctx.clock)
      ctx.caseChanged()
      return pick(ctx, kind)
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
      const doc = pick(ctx, kind)
      return ctx.startJob('pdf', async (job) => {
        job.progress({ filesTotal: 1, filesDone: 0, currentFile: `${doc.fileName}.pdf` })
        const { path, bytes } = COUNTS_PAGES.has(kind)
          ? await printWithPageCounts(ctx, kind, printer, actor, job.signal)
          : await printDocumentIntoCase(file, printer, doc, actor, ctx.clock, job.signal)
        job.progress({ filesDone: 1, bytesDone: bytes, bytesTotal: bytes })
        ctx.caseChanged()
        return { path, bytes }
      })
    },
  }
}

async function printWithPageCounts(
  ctx: HandlerContext,
  kind: TransferDocumentKind,
  printer: NonNullable<HandlerContext['opts']['pdf']>,
  actor: ReturnType<HandlerContext['actor']>,
  signal: AbortSignal,
): Promise<{ path: string; bytes: number }> {
  const file = ctx.openCase()
  const printed = await printTransferDocuments(
    file,
    { now: ctx.clock(), signer: signerFor(ctx) },
    printer,
    signal,
  )
  const one = printed.find((d) => d.doc.kind === kind)
  if (!one) throw new EvidenceError('refused', `The ${kind} is no longer produced for this case.`)
  return saveDocumentPdfIntoCase(file, one.doc, one.pdf, actor, ctx.clock)
}
