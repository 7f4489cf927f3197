import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { EvidenceError } from '../errors'
import { openBag } from '../package/bagit'
import { verifyCustodyPackage } from '../package/verify-package'
import { ReviewNotes, ReviewWorkspace, reviewReportHtml } from '../review'
import { knownSigners } from '../signing/known-signers'
import { writeFileAtomic } from '../util/atomic-write'
import type { HandlerContext, HandlerGroup } from './handler-context'

type Channels =
  | 'review:open'
  | 'review:current'
  | 'review:close'
  | 'review:notes'
  | 'review:addNote'
  | 'review:exportReport'
  | 'review:document'
  | 'review:saveDocument'

/** Reviewer mode (issue 7): verify a package, open it read-only, keep notes beside it. */
export function reviewHandlers(ctx: HandlerContext): HandlerGroup<Channels> {
  const current = (): ReviewWorkspace => {
    const ws = ctx.currentReview()
    if (!ws) throw new EvidenceError('no-case-open', 'No package is open for review.')
    return ws
  }
  const notes = (ws: ReviewWorkspace): ReviewNotes =>
    new ReviewNotes(ctx.appData.dir, ws.reviewKey, ws.packagePath)
  return {
    'review:open': async ({ path }) => {
      const packagePath = resolve(path)
      // Fails now (not in the job) for a path that is neither a folder nor a ZIP.
      const source = await openBag(packagePath)
      // The open case closes first: its background work must not run into the review.
      await ctx.closeCase()
      return ctx.startJob('verify', async (job) => {
        let owned = true
        try {
          // trusted keys, and this machine's officer keys (the basis of signer-mismatch)
          const signers = knownSigners(ctx.appData.dir)
          const trustedFingerprints = new Set(
            signers.filter((k) => k.source === 'trusted-key').map((k) => k.fingerprint),
          )
          let filesDone = 0
          let lastPath = ''
          const verified = await verifyCustodyPackage(source, {
            trustedFingerprints,
            knownSigners: signers,
            signal: job.signal,
            onProgress: (p) => {
              if (p.currentPath !== lastPath) {
                lastPath = p.currentPath
                filesDone++
              }
              job.progress({
                bytesDone: p.bytesDone,
                bytesTotal: p.bytesTotal,
                filesDone,
                currentFile: p.currentPath,
              })
            },
          })
          if (job.signal.aborted) throw new EvidenceError('cancelled', 'Verification cancelled.')
          const ws = await ReviewWorkspace.build(packagePath, source, verified, {
            clock: ctx.clock,
            signal: job.signal,
            nativeBinding: ctx.opts.nativeBinding,
            onItem: (p) => job.progress({ currentFile: p }),
          })
          owned = false
          if (job.signal.aborted) {
            await ws.dispose()
            throw new EvidenceError('cancelled', 'Verification cancelled.')
          }
          ctx.enterReview(ws)
          return verified.verdict
        } finally {
          if (owned) await source.close()
        }
      })
    },
    'review:current': () => {
      const ws = ctx.currentReview()
      return ws
        ? {
            path: ws.packagePath,
            verdict: ws.verdict,
            documents: ws.caseJson?.documents ?? [],
            items: ws.itemChecks,
          }
        : null
    },
    'review:document': async ({ path }) => {
      const ws = current()
      const doc = ws.caseJson?.documents.find((d) => d.html === path)
      if (!doc)
        throw new EvidenceError(
          'not-found',
          `${path} is not an HTML transfer document of the package under review.`,
        )
      return { html: decodeUtf8(await readDocument(ws, path, MAX_DOCUMENT_HTML), path) }
    },
    'review:saveDocument': async ({ path, target, overwrite }) => {
      const ws = current()
      const doc = ws.caseJson?.documents.find((d) => d.html === path || d.pdf === path)
      if (!doc)
        throw new EvidenceError(
          'not-found',
          `${path} is not a transfer document of the package under review.`,
        )
      const out = outsidePackage(ws, resolve(target), 'document copy')
      refuseOverwrite(out, overwrite)
      const bytes = await readDocument(ws, path, MAX_DOCUMENT_FILE)
      try {
        writeFileAtomic(out, bytes)
      } catch (cause) {
        throw new EvidenceError('io-error', `Cannot write the copy of ${path} to ${out}.`, { cause })
      }
      return { path: out }
    },
    'review:close': async () => {
      await ctx.closeCase()
      return null
    },
    'review:notes': () => notes(current()).list(),
    'review:addNote': ({ target, text }) => {
      const ws = current()
      const cj = ws.caseJson
      if (target.itemId && !cj?.evidence.some((e) => e.id === target.itemId))
        throw new EvidenceError('not-found', `No evidence item ${target.itemId} in the package under review.`)
      if (target.violationId && !cj?.violations.some((v) => v.id === target.violationId))
        throw new EvidenceError(
          'not-found',
          `No violation ${target.violationId} in the package under review.`,
        )
      return notes(ws).add(target, text, ctx.actor(), ctx.clock())
    },
    'review:exportReport': ({ target, language, overwrite }) => {
      const ws = current()
      let out = resolve(target)
      if (!/\.html?$/i.test(out)) out += '.html'
      out = outsidePackage(ws, out, 'review report')
      refuseOverwrite(out, overwrite)
      const html = reviewReportHtml({
        language: language ?? 'zh-CN',
        packagePath: ws.packagePath,
        reviewKey: ws.reviewKey,
        verdict: ws.verdict,
        caseJson: ws.caseJson,
        notes: notes(ws).list(),
        reviewer: ctx.appData.profile(),
        generatedAt: ctx.clock(),
      })
      try {
        writeFileAtomic(out, html)
      } catch (cause) {
        throw new EvidenceError('io-error', `Cannot write the review report to ${out}.`, { cause })
      }
      return { path: out }
    },
  }
}

/** A file already at `out` is replaced only once the user confirmed it (`overwrite`). */
function refuseOverwrite(out: string, overwrite: boolean | undefined): void {
  if (overwrite !== true && existsSync(out))
    throw new EvidenceError('target-exists', `${out} already exists; confirm to replace it.`)
}

/** Transfer documents are a few hundred KiB; these bounds keep a hostile package from filling memory. */
const MAX_DOCUMENT_HTML = 16 * 1024 * 1024
const MAX_DOCUMENT_FILE = 256 * 1024 * 1024

async function readDocument(ws: ReviewWorkspace, path: string, max: number): Promise<Buffer> {
  try {
    return await ws.readPackageFile(path, max)
  } catch (cause) {
    if (cause instanceof EvidenceError) throw cause
    throw new EvidenceError(
      'io-error',
      `Cannot read ${path} from the package (missing, or larger than ${max} bytes).`,
      { cause },
    )
  }
}

function decodeUtf8(buf: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch (cause) {
    throw new EvidenceError('invalid-input', `${path} in the package is not UTF-8 text.`, { cause })
  }
}

/** What the reviewer writes goes where they ask, never into the package. */
function outsidePackage(ws: ReviewWorkspace, out: string, what: string): string {
  const pkg = ws.packagePath
  if (out === pkg || out.startsWith(`${pkg}/`))
    throw new EvidenceError(
      'read-only',
      `The ${what} cannot be written inside the package ${pkg}; choose another place.`,
    )
  return out
}
