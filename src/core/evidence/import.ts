import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { cpus } from 'node:os'
import { relative } from 'node:path'
import type {
  DerivedFrom,
  DerivedRole,
  EvidenceItemBase,
  ImportFileResult,
  ItemWarning,
  Officer,
} from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { derivedDir } from '../case/layout'
import { appendCustodyEvent } from '../custody/custody-log'
import { EvidenceError, toApiError } from '../errors'
import type { ApiError } from '../../shared/errors'
import { IN_THREAD_MAX_BYTES, extractOffThread, prewarmExtractWorker } from './extract/extract-off-thread'
import type { ExtractResult } from './extract/extract-result'
import { kindModule } from './kinds/registry'
import { deriveCategory } from '../../shared/kinds/category'
import { addItemSource, findItemBySha, insertItem, setDerived } from './item-repository'
import { storeObject, type StoredObject } from './store-object'
import { KERNEL_COPY_MIN_BYTES } from '../util/kernel-copy'
import { limiter, type Limiter } from '../util/limiter'
import { walkSources, type SourceFile } from './walk-sources'

export interface ImportRunProgress {
  filesDone: number
  filesTotal: number
  bytesDone: number
  bytesTotal: number
  currentFile: string | null
}

export interface ImportOptions {
  actor: Officer
  clock: Clock
  signal?: AbortSignal
  /** files prepared at once (copy, metadata, thumbnails); defaults to the number of cores */
  concurrency?: number
  onProgress?: (p: ImportRunProgress) => void
  onResult?: (r: ImportFileResult) => void
  /**
   * for a file made from another item (a still or clip): recorded on the item, its label replaces
   * the temp path, and its capture time is the source frame's (`time`, null when the source has
   * none; never the new file's own), its device the source's
   */
  derivedFrom?: {
    record: DerivedFrom
    sourceLabel: string
    time: { capturedAt: string; utcOffset: string | null; warnings: ItemWarning[] } | null
    device: EvidenceItemBase['device']
  }
  /** folders never read, whatever is chosen or linked: the app data folder (profile, signing keys) */
  forbiddenRoots?: string[]
}

export interface ImportSummary {
  results: ImportFileResult[]
  cancelled: boolean
  /** why files that were copied could not be recorded (a full disk at the database), for the batch's last line */
  problem?: string
}

interface Prepared {
  stored: StoredObject
  extract: ExtractResult | null
  derived: Partial<Record<DerivedRole, string>>
  /** pictures left to be made when first asked for (pictures-on-request.ts) */
  onRequest?: DerivedRole[]
  warnings: ItemWarning[]
}

/**
 * Imports files and folders into an open, writable case. Each source is read once (hashed
 * while copied into the store); metadata and thumbnails come from the stored copy. Rows are
 * written in walk order, each with its custody event in one transaction, only after the object
 * is in place, so no row is ever without its object. A bad file gets its own result and the
 * batch goes on; cancel stops cleanly and keeps nothing of the unfinished files.
 */
export async function importPaths(
  file: CaseFile,
  paths: string[],
  opts: ImportOptions,
): Promise<ImportSummary> {
  const { signal } = opts
  const caseInfo = file.info()
  const results: ImportFileResult[] = []
  const emit = (r: ImportFileResult) => {
    results.push(r)
    opts.onResult?.(r)
  }
  const { files, unreadable, refused } = await walkSources(paths, {
    signal,
    forbiddenRoots: opts.forbiddenRoots,
  })
  for (const u of unreadable) emit(rejected(u.path, 0, osError(u.path, u.error)))
  for (const r of refused) emit(rejected(r.path, 0, { code: 'refused', message: r.message }))

  const progress: ImportRunProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((a, f) => a + f.size, 0),
    currentFile: null,
  }
  const report = () => opts.onProgress?.({ ...progress })
  report()

  // Copying is mostly waiting on the disk (opens, writes, fsyncs), so several small files are
  // copied at once; reading metadata and making thumbnails is CPU work, one per core. A file of
  // 1 MiB or more weighs a whole copy slot group, so large files from one card are read two at a time.
  const cores = Math.max(1, opts.concurrency ?? cpus().length)
  const pools: PreparePools = {
    copies: limiter(cores * SMALL_COPIES_PER_CORE),
    readers: limiter(cores),
    copyWeight: (size) => (size < KERNEL_COPY_MIN_BYTES ? 1 : SMALL_COPIES_PER_CORE),
    held: byteBudget(HELD_CONTENT_MAX_BYTES),
  }
  // Copies that end up unrecorded (a cancel, a failure, a refusal) are removed only once every
  // store of this import has settled: another file with the same bytes may be recorded against
  // the same object, whatever the order in which their copies and records happen.
  const leftovers: StoredObject[] = []
  const leave = (stored: StoredObject): void => void leftovers.push(stored)
  const tasks = files.map((src) =>
    prepare(
      file,
      src,
      caseInfo.timezone,
      pools,
      signal,
      leave,
      (n) => ((progress.bytesDone += n), report()),
    ).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
  )

  let cancelled = false
  let unrecorded = 0
  let batchLimit = 1
  try {
    for (let i = 0; i < files.length;) {
      progress.currentFile = files[i].path
      report()
      // Small files are recorded in groups (their preparation goes on meanwhile), a large one alone.
      // Groups start at one file and double, so the first results show at once.
      let end = i + 1
      let bytes = files[i].size
      while (end < files.length && end - i < batchLimit && bytes + files[end].size <= COMMIT_BATCH_BYTES)
        bytes += files[end++].size
      batchLimit = Math.min(COMMIT_BATCH, batchLimit * 2)
      const batch: Array<{ src: SourceFile; outcome: Prepared | Error }> = []
      for (let j = i; j < end; j++) batch.push({ src: files[j], outcome: await tasks[j] })
      i = end
      if (signal?.aborted) {
        cancelled = true
        // Leave nothing of files that were copied but not recorded.
        for (const { outcome } of batch) if (!(outcome instanceof Error)) leave(outcome.stored)
        continue
      }
      for (const { src, outcome, recorded } of commitBatch(file, batch, opts)) {
        if (outcome instanceof Error) emit(rejected(src.path, src.size, toApiError(outcome)))
        else if (recorded instanceof Error || !recorded) {
          // Its transaction rolled back: no row, no event. The copy is removed too, so nothing is
          // left that the case does not record, and the batch goes on with the next file.
          leave(outcome.stored)
          const why = recordError(src.path, recorded)
          if (why.full) unrecorded++
          emit(rejected(src.path, src.size, why.error))
        } else emit(recorded)
        progress.filesDone++
      }
      report()
    }
  } finally {
    await Promise.allSettled(tasks)
    for (const stored of leftovers) await removeUnrecorded(file, stored).catch(() => undefined)
  }
  progress.currentFile = null
  report()
  return {
    results,
    cancelled,
    ...(unrecorded > 0
      ? {
          problem: `${unrecorded} file(s) could not be recorded because the disk holding the case is full; their copies were removed. Free space on that disk and import them again.`,
        }
      : {}),
  }
}

/**
 * Files recorded in one transaction at most, in walk order. A bad one still rolls back alone
 * (commitBatch), but the batch shares one commit and so one fsync of the database: with
 * thousands of small files the commits, not the copies, were the cost (issue 16).
 */
const COMMIT_BATCH = 256
/** …and at most this many bytes, so that a batch of large files does not hold back its results. */
const COMMIT_BATCH_BYTES = 32 << 20

/**
 * Records prepared files in walk order in one transaction. Each gets its result, or the error
 * that rolled its own savepoint back (a failing file is recorded apart from the others); when the
 * commit itself fails (a full disk), none of them is recorded and each gets that error.
 */
function commitBatch(
  file: CaseFile,
  batch: Array<{ src: SourceFile; outcome: Prepared | Error }>,
  opts: ImportOptions,
): Array<{ src: SourceFile; outcome: Prepared | Error; recorded: ImportFileResult | Error | null }> {
  const done = batch.map((b) => ({ ...b, recorded: null as ImportFileResult | Error | null }))
  const record = (src: SourceFile, p: Prepared): ImportFileResult =>
    recordPrepared(file, src, p, opts.actor, opts.clock, opts.derivedFrom)
  // Most batches record without a fault: then one transaction without a savepoint per file (each
  // savepoint also made the full-text index write out its pending terms). When any file fails,
  // that transaction rolls back whole and the batch is recorded again below, each file in its own
  // savepoint, so the others keep their records.
  try {
    const recorded = file.db.transaction(() =>
      done.map((d) => (d.outcome instanceof Error ? null : record(d.src, d.outcome))),
    )()
    recorded.forEach((r, i) => (done[i].recorded = r))
    return done
  } catch {
    // recorded again one by one: each file gets its own result or error
  }
  try {
    file.db.transaction(() => {
      for (const d of done) {
        if (d.outcome instanceof Error) continue
        const p = d.outcome
        try {
          d.recorded = file.db.transaction(() => record(d.src, p))()
        } catch (err) {
          // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then
          // nothing of the batch is recorded, and nothing more may be written outside it.
          if (!file.db.inTransaction) throw err
          d.recorded = err instanceof Error ? err : new Error(String(err))
        }
      }
    })()
  } catch (err) {
    const failed = err instanceof Error ? err : new Error(String(err))
    for (const d of done) if (!(d.outcome instanceof Error)) d.recorded = failed
  }
  return done
}

/** Why a prepared file's record could not be written, said for the officer. */
function recordError(path: string, err: unknown): { error: ApiError; full: boolean } {
  const code = String((err as { code?: unknown })?.code ?? '')
  const full = code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
  if (full)
    return {
      full,
      error: {
        code: 'io-error',
        message: `${path} was copied but could not be recorded: the disk holding the case is full. The copy was removed; free space and import it again.`,
        detail: (err as Error).message,
      },
    }
  // the database's own words say what refused it (a damaged file, a failing disk, a rule)
  if (code.startsWith('SQLITE_'))
    return {
      full,
      error: {
        code: 'io-error',
        message: `${path} could not be recorded in the case: the case database refused it (${code}: ${(err as Error).message}). Its copy was removed.`,
      },
    }
  const error = toApiError(err)
  return {
    full,
    error: { ...error, message: `${path} could not be recorded in the case: ${error.message}` },
  }
}

/** Small files copied at once per core: copying them is mostly waiting on opens and fsyncs. */
const SMALL_COPIES_PER_CORE = 4

interface PreparePools {
  copies: Limiter
  readers: Limiter
  copyWeight: (size: number) => number
  /** bytes of small files' contents held from their copy until their metadata is read */
  held: ByteBudget
}

/** Contents of small files held for their readers at most (the rest are read from the store again). */
const HELD_CONTENT_MAX_BYTES = 64 << 20

/** A count of bytes that may be taken up to a cap, and given back. */
interface ByteBudget {
  take: (n: number) => boolean
  give: (n: number) => void
}

function byteBudget(max: number): ByteBudget {
  let used = 0
  return {
    take: (n) => (used + n <= max ? ((used += n), true) : false),
    give: (n) => void (used -= n),
  }
}

async function prepare(
  file: CaseFile,
  src: SourceFile,
  caseTimeZone: string,
  pools: PreparePools,
  signal: AbortSignal | undefined,
  leave: (stored: StoredObject) => void,
  onBytes: (n: number) => void,
): Promise<Prepared> {
  if (signal?.aborted) throw new EvidenceError('cancelled', 'cancelled')
  if (src.size === 0)
    throw new EvidenceError('invalid-input', `${src.path} is empty (0 bytes): there is nothing to preserve.`)
  const caseDir = file.dir
  const { content, ...stored } = await pools.copies(pools.copyWeight(src.size), () => {
    if (signal?.aborted) throw new EvidenceError('cancelled', 'cancelled')
    if (src.size > IN_THREAD_MAX_BYTES) prewarmExtractWorker()
    return storeObject(caseDir, src.openPath, { signal, onBytes, identity: src.identity, label: src.path })
  })
  // Copies run ahead of the readers: the contents they hold for them are capped, and past the cap
  // a reader opens the object again.
  const held = content && pools.held.take(content.length) ? content : undefined
  try {
    return await pools.readers(1, () => describeStored(file, src, stored, held, caseTimeZone, signal))
  } catch (e) {
    // A cancel (or any failure) after the copy leaves nothing of this file: the object it
    // created goes too once the import's stores have settled, unless a row owns it by then.
    leave(stored)
    throw e
  } finally {
    pools.held.give(held?.length ?? 0)
  }
}

/** Metadata, thumbnails and warnings of a stored object; nothing for a file the case already holds. */
async function describeStored(
  file: CaseFile,
  src: SourceFile,
  stored: StoredObject,
  /** the object's whole content, when the copy kept it (the bytes it hashed and wrote) */
  content: Buffer | undefined,
  caseTimeZone: string,
  signal: AbortSignal | undefined,
): Promise<Prepared> {
  const caseDir = file.dir
  if (stored.size === 0)
    throw new EvidenceError('invalid-input', `${src.path} is empty (0 bytes): there is nothing to preserve.`)
  const warnings: ItemWarning[] = []
  if (src.rawName)
    warnings.push({
      code: 'name-not-utf8',
      message: `The name of ${src.label} is not valid UTF-8; it is shown decoded as ${src.rawName.encoding === 'escaped' ? 'escaped bytes (\\xNN)' : src.rawName.encoding.toUpperCase()}. Its bytes as found: ${src.rawName.nameBytes.toString('hex')}.`,
    })
  // A file already in the case needs no metadata or thumbnails: it becomes a duplicate record.
  if (findItemBySha(file.db, stored.sha256)) return { stored, extract: null, derived: {}, warnings }
  if (stored.size !== src.size) {
    warnings.push({
      code: 'changed-during-import',
      message: `${src.label} changed size while it was being imported (${src.size} → ${stored.size} bytes); the bytes read are what is preserved.`,
    })
  }
  let extract: ExtractResult | null = null
  const derived: Prepared['derived'] = {}
  try {
    // a large file is parsed on a worker thread: the event loop keeps answering meanwhile
    extract = await extractOffThread(stored.path, {
      caseTimeZone,
      fileName: src.name,
      sourceMtimeMs: src.mtimeMs,
      signal,
      size: stored.size,
      content,
    })
  } catch (e) {
    if (signal?.aborted) throw e
    warnings.push({
      code: 'metadata-unreadable',
      message: `Metadata of ${src.name} could not be read: ${(e as Error).message}`,
    })
  }
  const pictures = extract ? kindModule(extract.kind).pictures : undefined
  let onRequest: DerivedRole[] | undefined
  if (pictures) {
    // Pictures never throw for bad content; `problem` says what could not be made.
    const made = await pictures.make({ path: stored.path }, derivedDir(caseDir, stored.sha256), {
      signal,
      deferLarge: true,
    })
    for (const [role, path] of Object.entries(made.files))
      derived[role as DerivedRole] = relative(caseDir, path)
    if (made.problem) warnings.push({ code: 'thumbnail-failed', message: `${src.name}: ${made.problem}` })
    onRequest = made.onRequest
  }
  return { stored, extract, derived, onRequest, warnings }
}

/**
 * Writes a prepared file's rows and custody event: a new item, or a source seen again of an item
 * the case holds. Runs inside the caller's transaction (commitBatch), which decides what rolls back.
 */
function recordPrepared(
  file: CaseFile,
  srcArg: SourceFile,
  p: Prepared,
  actor: Officer,
  clock: Clock,
  derivedFrom?: ImportOptions['derivedFrom'],
): ImportFileResult {
  // A derived item's temp file is an implementation detail: its record names the source item instead.
  const src = derivedFrom
    ? {
        ...srcArg,
        path: derivedFrom.sourceLabel,
        label: derivedFrom.sourceLabel,
        linkTarget: null,
        linkTargetLabel: null,
      }
    : srcArg
  const at = clock()
  const seenAt = at.toISOString()
  const mtime = new Date(src.mtimeMs).toISOString()
  const existing = findItemBySha(file.db, p.stored.sha256)
  if (existing) {
    addItemSource(
      file.db,
      existing.id,
      { path: src.path, linkTarget: src.linkTarget, mtime, duplicate: true },
      seenAt,
    )
    if (p.stored.repaired)
      appendCustodyEvent(file.db, actor, at, {
        action: 'object-repaired',
        itemId: existing.id,
        details: {
          number: existing.number,
          sha256: p.stored.sha256,
          // where the genuine bytes came from, and what the damaged copy had become
          path: src.label,
          damagedSize: p.stored.repaired.size,
          damagedSha256: p.stored.repaired.sha256,
        },
      })
    appendCustodyEvent(file.db, actor, at, {
      action: 'duplicate-seen',
      itemId: existing.id,
      details: {
        // from the chosen folder down: the custody log goes into packages (walk-sources.ts)
        path: src.label,
        linkTarget: src.linkTargetLabel,
        sha256: p.stored.sha256,
        sameAs: existing.number,
      },
    })
    return {
      path: src.path,
      status: 'duplicate',
      id: existing.id,
      number: existing.number,
      sha256: p.stored.sha256,
      // the kind of the item it duplicates
      kind: existing.kind,
      category: existing.category,
      size: p.stored.size,
      warnings: [],
    }
  }
  const x = p.extract
  const time = capture(x, derivedFrom)
  const warnings = [...p.warnings, ...time.warnings]
  const id = randomUUID()
  const kind = x?.kind ?? 'other'
  const baseMeta: Record<string, unknown> = x?.turns ? { ...x.meta, dialogue: x.turns } : (x?.meta ?? {})
  // what a reader calls it (现场照片, 无人机照片, 视频截图, …), decided once and stored for filters and SQL
  const category = deriveCategory({
    kind,
    meta: baseMeta,
    device: derivedFrom?.device ?? x?.device ?? null,
    derivedFrom: derivedFrom?.record ?? null,
  })
  const { number } = insertItem(file.db, {
    id,
    sha256: p.stored.sha256,
    size: p.stored.size,
    originalName: src.name,
    // as recorded for the case and its packages; the full local path is in the item's sources
    sourcePath: src.label,
    sourceMtime: mtime,
    kind,
    mime: x?.mime ?? 'application/octet-stream',
    importedAt: seenAt,
    importedBy: actor,
    capturedAt: time.capturedAt,
    capturedAtSource: time.capturedAtSource,
    utcOffset: time.utcOffset,
    gps: x?.gps ?? null,
    device: derivedFrom?.device ?? x?.device ?? null,
    width: x?.width ?? null,
    height: x?.height ?? null,
    durationSec: x?.durationSec ?? null,
    warnings,
    // Q/A turns with their character offsets into the indexed text: quotes are cited against them.
    meta: { ...baseMeta, category },
    text: x?.text,
    derivedFrom: derivedFrom?.record ?? null,
  })
  addItemSource(file.db, id, { path: src.path, linkTarget: src.linkTarget, mtime, duplicate: false }, seenAt)
  for (const [role, rel] of Object.entries(p.derived))
    setDerived(file.db, id, role as DerivedRole, 'ready', rel)
  for (const role of p.onRequest ?? []) setDerived(file.db, id, role, 'on-request', null)
  if (x?.needsProxy) setDerived(file.db, id, 'proxy', 'pending', null)
  appendCustodyEvent(file.db, actor, at, {
    // a still or clip is made from an item of the case, not brought in: "从 E001 导出截图"
    action: derivedFrom
      ? derivedFrom.record.operation === 'still'
        ? 'still-derived'
        : 'clip-derived'
      : 'imported',
    itemId: id,
    details: {
      number,
      path: src.label,
      linkTarget: src.linkTargetLabel,
      sourceMtime: mtime,
      sha256: p.stored.sha256,
      size: p.stored.size,
      kind,
      mime: x?.mime ?? 'application/octet-stream',
      warnings: warnings.map((w) => w.code),
      ...(src.rawName
        ? {
            nameBytes: src.rawName.nameBytes.toString('hex'),
            pathBytes: src.rawName.pathBytes.toString('hex'),
            nameEncoding: src.rawName.encoding,
          }
        : {}),
      ...(derivedFrom ? { derivedFrom: derivedFrom.record } : {}),
    },
  })
  return {
    path: src.path,
    status: 'imported',
    id,
    number,
    sha256: p.stored.sha256,
    kind,
    category,
    size: p.stored.size,
    warnings,
  }
}

/**
 * The capture time an item records: the extractor's, or for a still or clip the source frame's
 * instant (source `derived`, with the source's time warnings) in place of whatever the new file's
 * own metadata or modification time would say.
 */
function capture(
  x: ExtractResult | null,
  derivedFrom: ImportOptions['derivedFrom'],
): Pick<EvidenceItemBase, 'capturedAt' | 'capturedAtSource' | 'utcOffset'> & { warnings: ItemWarning[] } {
  if (!derivedFrom)
    return {
      capturedAt: x?.capturedAt ?? null,
      capturedAtSource: x?.capturedAtSource ?? null,
      utcOffset: x?.utcOffset ?? null,
      warnings: x?.warnings ?? [],
    }
  const own = (x?.warnings ?? []).filter((w) => !OWN_CLOCK_WARNINGS.has(w.code))
  const t = derivedFrom.time
  return t
    ? {
        capturedAt: t.capturedAt,
        capturedAtSource: 'derived',
        utcOffset: t.utcOffset,
        warnings: [...own, ...t.warnings],
      }
    : x?.capturedAtSource === 'data'
      ? // a comparison of monitoring data is dated by the period its content covers
        { capturedAt: x.capturedAt, capturedAtSource: 'data', utcOffset: x.utcOffset, warnings: own }
      : { capturedAt: null, capturedAtSource: null, utcOffset: null, warnings: own }
}

/** Warnings about an extracted file's own clock, which say nothing about a frame cut from a video. */
const OWN_CLOCK_WARNINGS = new Set([
  'offset-assumed',
  'clock-mismatch',
  'time-from-filesystem',
  'time-from-gps',
])

/** Removes what an unrecorded copy left: its object (unless a row owns it) and its derived files. */
async function removeUnrecorded(file: CaseFile, stored: StoredObject): Promise<void> {
  if (!stored.created || findItemBySha(file.db, stored.sha256)) return
  await rm(stored.path, { force: true })
  await rm(derivedDir(file.dir, stored.sha256), { recursive: true, force: true })
}

function rejected(path: string, size: number, error: { code: string; message: string }): ImportFileResult {
  return {
    path,
    status: 'rejected',
    id: null,
    number: null,
    sha256: null,
    kind: null,
    size,
    warnings: [],
    error: { code: error.code, message: error.message },
  }
}

function osError(path: string, e: NodeJS.ErrnoException): { code: string; message: string } {
  const what =
    e.code === 'EACCES' || e.code === 'EPERM'
      ? 'permission denied'
      : e.code === 'ENOENT'
        ? 'it no longer exists (or is a broken link)'
        : e.message
  return { code: 'io-error', message: `${path} cannot be read: ${what} (${e.code ?? 'error'}).` }
}
