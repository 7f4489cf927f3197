import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import type { ExportResult, PackageDocument, PackageEvidence } from '../../../shared/package-types'
import type { CustodyEvent, EvidenceItem, Officer } from '../../../shared/types'
import type { CaseFile, Clock } from '../../case/case-file'
import { caseLayout, objectPath } from '../../case/layout'
import {
  appendCustodyEvent,
  custodyHead,
  custodyJsonLine,
  iterateCustodyEvents,
} from '../../custody/custody-log'
import { recordAnchor, type ChainAnchors } from '../../custody/anchors'
import { signCheckpoint } from '../../custody/checkpoint'
import { itemSources } from '../../evidence/item-repository'
import { buildTransferDocuments, printTransferDocuments } from '../../documents'
import type { PdfPrinter } from '../../documents/pdf-printer'
import { reusingPrinter } from '../../documents/pdf-reuse'
import type { TransferDocument } from '../../../shared/violation-types'
import { EvidenceError } from '../../errors'
import { storedMeta } from '../../evidence/item-repository'
import type { OfficerKeys } from '../../signing/officer-key'
// the bagit modules themselves, not its index: that brings the ZIP reader, which exporting never uses
import { removeStalePartials } from '../bagit/partial-output'
import { createBagWriter, type BagWriter, type PayloadRecord } from '../bagit/writer'
import { registerPartialExport, removeStalePartialExports, unregisterPartialExport } from './partial-exports'
import { CASE_JSON_PATH, CUSTODY_LOG_PATH, REPORT_PATH, buildCaseJson } from './case-json'
import { evidenceFileName, packageRootName, safeFileName } from './file-names'
import { exportBlockers, refusalMessage, selectEvidence, selectViolations } from './preflight'
import { reportHtml, thumbDataUri } from './report'

export const SIGNATURE_PATH = 'signature/tagmanifest-sha256.txt.sig'
export const SIGNER_PATH = 'signature/signer.json'

export interface ExportProgress {
  bytesDone: number
  bytesTotal: number
  filesDone: number
  filesTotal: number
  currentFile: string | null
}

export interface ExportOptions {
  /** the exporting officer: named in the log and the package, and whose key signs */
  actor: Officer
  /** where the officer's key is (created on first use) */
  keys: OfficerKeys
  clock: Clock
  /** "Evidence Desk <version>" */
  generator: string
  /** only these violations (ids or numbers); default every active one */
  violationIds?: string[]
  /** prints the transfer documents to PDF; without one they are HTML only */
  pdf?: PdfPrinter | null
  signal?: AbortSignal
  onProgress?: (p: ExportProgress) => void
  /** things the officer should know that do not stop the export (e.g. no PDF printer); `code` for translation */
  onNotice?: (message: string, code: 'no-pdf-printer' | 'stale-partials-removed') => void
  /**
   * Record each original's full local source path in case.json (where it was on this machine).
   * Off by default: the package then names sources from the chosen folder down, and says
   * nothing of the workstation's folders or user names (issue 11, item 18).
   */
  recordSourcePaths?: boolean
  /** the chain heads kept in the app data folder: the export's head is added, signed */
  anchors?: ChainAnchors
}

/**
 * Where and how the package is written. A target ending in ".zip" is one ZIP; an existing
 * folder receives a new bag folder named "<case number>_<YYYYMMDD>" (with "_2", "_3"… when
 * taken); any other path becomes the bag folder itself.
 */
export function resolveExportTarget(
  target: string,
  rootName: string,
): { destination: string; format: 'zip' | 'folder' } {
  const full = resolve(target)
  if (/\.zip$/i.test(full)) return { destination: full, format: 'zip' }
  if (existsSync(full) && statSync(full).isDirectory()) {
    for (let n = 1; ; n++) {
      const candidate = join(full, n === 1 ? rootName : `${rootName}_${n}`)
      if (!existsSync(candidate)) return { destination: candidate, format: 'folder' }
    }
  }
  return { destination: full, format: 'folder' }
}

/**
 * Exports the case as a signed custody package (docs/custody-package.md). Each original is read
 * once: copied, hashed (sha256 + sha512) and checked against its recorded sha256. Refuses
 * (EvidenceError 'refused') a case with export blockers or a stored original that fails its
 * hash, naming them. The 'exported' custody event is appended before the log is written, so it
 * is the log's last line; a failed or cancelled export leaves nothing under the final name and
 * appends 'export-failed' / 'export-cancelled'.
 */
export async function exportCase(file: CaseFile, target: string, opts: ExportOptions): Promise<ExportResult> {
  if (file.readOnly)
    throw new EvidenceError(
      'read-only',
      'This case is open read-only (a package under review); it cannot be exported.',
    )
  const db = file.db
  const startedAt = opts.clock()
  const info = file.info()
  const violations = selectViolations(db, opts.violationIds)
  const blockers = exportBlockers(file, opts.violationIds)
  if (blockers.length > 0) throw new EvidenceError('refused', refusalMessage(blockers))

  const key = opts.keys.ensure(opts.actor, startedAt)
  const signer = { name: opts.actor.name, certNo: opts.actor.certNo, fingerprint: key.info.fingerprint }
  if (key.created)
    file.record(opts.actor, startedAt, {
      action: 'key-created',
      details: { fingerprint: key.info.fingerprint, protection: key.info.protection },
    })

  const rootName = packageRootName(info.number, startedAt, info.timezone)
  const { destination, format } = resolveExportTarget(target, rootName)
  // What killed exports left behind: this case's, wherever they wrote, and any in this folder.
  const cleaned = [...removeStalePartialExports(file), ...(await removeStalePartials(dirname(destination)))]
  if (cleaned.length > 0)
    opts.onNotice?.(
      `Removed the unfinished output of an earlier export that was stopped: ${cleaned.join(', ')}`,
      'stale-partials-removed',
    )
  const items = selectEvidence(db)
  const evidenceBytes = items.reduce((s, i) => s + i.size, 0)
  const progress: ExportProgress = {
    bytesDone: 0,
    bytesTotal: evidenceBytes,
    filesDone: 0,
    // evidence, five documents (HTML, maybe PDF), case.json, custody log, report
    filesTotal: items.length + 5 * (opts.pdf ? 2 : 1) + 3,
    currentFile: null,
  }
  const report = (): void => opts.onProgress?.({ ...progress })

  let writer: BagWriter | null = null
  let exportedEvent: CustodyEvent | null = null
  // stops the printing when the export fails or is cancelled
  const printAbort = new AbortController()
  const stopPrinting = (): void => printAbort.abort()
  opts.signal?.addEventListener('abort', stopPrinting, { once: true })
  let printing: Promise<Array<{ doc: TransferDocument; pdf: Buffer }>> | null = null
  try {
    writer = await createBagWriter({
      destination,
      format,
      rootName,
      signal: opts.signal,
      now: opts.clock,
      timeZone: info.timezone,
      expectedBytes: evidenceBytes,
      onProgress: (p) => {
        progress.bytesDone = p.bytesDone
        // documents and the log come on top of the originals, which make up the total
        progress.bytesTotal = Math.max(progress.bytesTotal, p.bytesDone)
        progress.currentFile = p.currentPath
        report()
      },
    })
    const w = writer
    registerPartialExport(file, w.tempPath)
    // The documents are printed while the originals are copied: they are built from the case
    // record, not from the package, and the copy mostly waits on the disk while Chromium starts.
    const now = opts.clock()
    const docCtx = {
      now,
      signer: { name: signer.name, fingerprint: signer.fingerprint },
      violationIds: violations.map((v) => v.id),
    }
    if (!opts.pdf)
      opts.onNotice?.(
        'No PDF printer is available here: the transfer documents are exported as HTML only.',
        'no-pdf-printer',
      )
    const printer = opts.pdf ? reusingPrinter(opts.pdf, join(caseLayout(file.dir).derived, 'printed')) : null
    // Printed first (all or nothing), so the letters' 附件 lists count the pages of the others.
    printing = printer ? printTransferDocuments(file, docCtx, printer, printAbort.signal) : null
    printing?.catch(() => {}) // awaited after the originals; handled meanwhile
    const written: PayloadRecord[] = []
    const add = async (op: Promise<PayloadRecord>): Promise<PayloadRecord> => {
      const rec = await op
      written.push(rec)
      progress.filesDone++
      report()
      return rec
    }

    // 1. The originals, each checked against the hash recorded at import.
    const evidence: PackageEvidence[] = []
    const bad: string[] = []
    for (const item of items) {
      const path = `data/evidence/${evidenceFileName(item.number, item.originalName)}`
      const rec = await add(w.addFile(path, objectPath(file.dir, item.sha256)))
      if (rec.sha256 !== item.sha256 || rec.size !== item.size)
        bad.push(`${item.number} "${item.originalName}" (stored ${rec.sha256}, recorded ${item.sha256})`)
      const localPath = opts.recordSourcePaths
        ? itemSources(db, item.id).find((s) => !s.duplicate)?.path
        : undefined
      evidence.push({ ...asStored(item, path), ...(localPath ? { sourcePath: localPath } : {}) })
    }
    if (bad.length > 0)
      throw new EvidenceError(
        'refused',
        `Export refused: the stored original of ${bad.join(', ')} no longer matches the SHA-256 recorded at import. Run the integrity check and restore the original from its source.`,
      )

    // 2. The transfer documents, HTML always, PDF where a printer is available.
    const printed: Array<{ doc: TransferDocument; pdf: Buffer | null }> = printing
      ? await printing
      : buildTransferDocuments(file, docCtx).map((doc) => ({ doc, pdf: null }))
    const documents: PackageDocument[] = []
    for (const { doc, pdf: bytes } of printed) {
      const name = safeFileName(doc.fileName, doc.kind)
      const html = `data/documents/${name}.html`
      await add(w.addBuffer(html, Buffer.from(doc.html, 'utf8')))
      let pdf: string | null = null
      if (bytes) {
        progress.currentFile = `data/documents/${name}.pdf`
        report()
        pdf = `data/documents/${name}.pdf`
        await add(w.addBuffer(pdf, bytes))
      }
      documents.push({ kind: doc.kind, title: doc.title, html, pdf })
    }
    throwIfAborted(opts.signal, destination)

    // 3. The export itself goes on record before the log is copied, so it is the last line.
    const payloadSoFar = written.reduce((s, r) => s + r.size, 0)
    const checkpointSigner = {
      fingerprint: key.info.fingerprint,
      publicKeyPem: key.info.publicKeyPem,
      sign: key.sign,
    }
    exportedEvent = db.transaction(() =>
      appendCustodyEvent(db, opts.actor, opts.clock(), {
        action: 'exported',
        details: {
          // the exporting officer's key vouches for the chain up to here (issue 11, item 8)
          checkpoint: signCheckpoint(checkpointSigner, info.id, custodyHead(db)),
          target: basename(destination),
          format,
          files: progress.filesTotal,
          bytes: payloadSoFar,
          evidence: evidence.length,
          violations: violations.map((v) => v.number),
          signer: { name: signer.name, fingerprint: signer.fingerprint },
          // binds this event to the exact evidence and documents written before it
          packageHead: payloadDigest(written),
        },
      }),
    )()
    const head = exportedEvent
    if (opts.anchors)
      recordAnchor(
        opts.anchors,
        info.id,
        head,
        new Date(head.at),
        'export',
        checkpointSigner,
        basename(destination),
      )
    await add(w.addStream(CUSTODY_LOG_PATH, Readable.from(custodyLines(file, head.seq))))

    // 4. case.json and the report, which name the log's head.
    const caseJson = buildCaseJson({
      db,
      info,
      generator: opts.generator,
      exportedAt: now,
      exportedBy: opts.actor,
      violations,
      evidence,
      documents,
      custody: { events: head.seq, headHash: head.hash },
      signer,
    })
    await add(w.addBuffer(CASE_JSON_PATH, Buffer.from(JSON.stringify(caseJson, null, 2) + '\n', 'utf8')))
    const thumbs = new Map(evidence.map((e) => [e.id, thumbDataUri(file.dir, db, e.id)]))
    const events = (function* () {
      for (const e of iterateCustodyEvents(db)) if (e.seq <= head.seq) yield e
    })()
    await add(w.addBuffer(REPORT_PATH, Buffer.from(reportHtml(caseJson, events, thumbs), 'utf8')))

    // 5. Tag files, the detached signature over tagmanifest-sha256.txt, and the rename into place.
    progress.currentFile = null
    report()
    const result = await w.finish({
      bagInfo: [
        ['Source-Organization', info.unit],
        ['Contact-Name', opts.actor.name],
        ['External-Identifier', info.number],
        ['Custody-Log-Head', head.hash],
        ['Custody-Log-Events', String(head.seq)],
        ['Signer-Fingerprint', signer.fingerprint],
      ],
      afterTagManifests: ({ sha256 }) => [
        { path: SIGNATURE_PATH, content: Buffer.from(key.sign(sha256).toString('base64') + '\n', 'utf8') },
        {
          path: SIGNER_PATH,
          content: Buffer.from(
            JSON.stringify(
              {
                algorithm: 'Ed25519',
                name: signer.name,
                certNo: signer.certNo,
                unit: info.unit,
                fingerprint: signer.fingerprint,
                publicKeyPem: key.info.publicKeyPem,
              },
              null,
              2,
            ) + '\n',
            'utf8',
          ),
        },
      ],
    })
    unregisterPartialExport(file, w.tempPath)
    return {
      path: result.path,
      sha256: result.zipSha256 ?? null,
      files: result.payloadFiles,
      bytes: result.payloadBytes,
      signer: { name: signer.name, fingerprint: signer.fingerprint },
    }
  } catch (err) {
    stopPrinting()
    await printing?.catch(() => {}) // never leave a print running into a closed printer
    await writer?.abort()
    if (writer) unregisterPartialExport(file, writer.tempPath)
    const cancelled = opts.signal?.aborted === true
    // An honest log: the attempt is on record whether or not the 'exported' event was appended.
    try {
      file.record(opts.actor, opts.clock(), {
        action: cancelled ? 'export-cancelled' : 'export-failed',
        details: {
          target: basename(destination),
          format,
          ...(exportedEvent ? { exportedSeq: exportedEvent.seq } : {}),
          ...(cancelled ? {} : { reason: err instanceof Error ? err.message : String(err) }),
        },
      })
    } catch {
      // the original error matters more than a failure to record it
    }
    if (cancelled && !(err instanceof EvidenceError && err.code === 'cancelled'))
      throw new EvidenceError('cancelled', `Export to ${destination} was cancelled; nothing was left behind.`)
    throw err
  } finally {
    opts.signal?.removeEventListener('abort', stopPrinting)
  }
}

/** The custody log as JSON lines, in seq order, up to and including the export event. */
function* custodyLines(file: CaseFile, lastSeq: number): Generator<Buffer> {
  let batch: string[] = []
  for (const e of iterateCustodyEvents(file.db)) {
    if (e.seq > lastSeq) break
    batch.push(custodyJsonLine(e))
    if (batch.length >= 500) {
      yield Buffer.from(batch.join('\n') + '\n', 'utf8')
      batch = []
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join('\n') + '\n', 'utf8')
}

/** sha256 of the payload-manifest lines written so far, sorted by path. */
function payloadDigest(records: PayloadRecord[]): string {
  const lines = records
    .map((r) => `${r.sha256}  ${r.path}\n`)
    .sort()
    .join('')
  return createHash('sha256').update(lines, 'utf8').digest('hex')
}

function throwIfAborted(signal: AbortSignal | undefined, destination: string): void {
  if (signal?.aborted)
    throw new EvidenceError('cancelled', `Export to ${destination} was cancelled; nothing was left behind.`)
}

/** An item as the package carries it: its meta exactly as stored, fields this version cannot read included. */
function asStored(item: EvidenceItem, path: string): PackageEvidence {
  const { metaUnreadable, ...rest } = item
  return { ...rest, ...(metaUnreadable ? { meta: storedMeta(item) } : {}), path } as PackageEvidence
}
