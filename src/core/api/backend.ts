import type { ApiEventName, ApiEvents, ApiOutput, Channel, ParsedInput } from '../../shared/api'
import { apiInputs } from '../../shared/api'
import type { Result } from '../../shared/errors'
import type { AppInfo, CaseInfo, DerivedRole, Officer } from '../../shared/types'
import { systemTimeZone } from '../../shared/time-zone'
import { CaseFile, type Clock } from '../case/case-file'
import { checkCase } from '../case/integrity'
import { listCustodyEvents, countCustodyEvents } from '../custody/custody-log'
import { EvidenceError, toApiError } from '../errors'
import { AppData } from '../profile/app-data'
import { listDirectory } from './fs-listing'
import { TaskRegistry } from './task-registry'
import { importPaths } from '../evidence/import'
import { getItem, importingOfficers, itemSources, queryItems } from '../evidence/item-repository'
import { objectPath } from '../case/layout'
import { runPendingProxies } from '../evidence/proxy-jobs'
import { addAnnotation, listAnnotations, withdrawAnnotation } from '../annotations/annotation-store'
import { thermalHandlers } from './thermal-handlers'
import { searchCase } from '../evidence/search'
import { transcriptView } from '../evidence/transcript-view'
import { monitoringView, setMonitoringLimit } from '../evidence/monitoring-view'
import { deriveFromVideo } from '../evidence/derive-item'
import { appendCustodyEvent } from '../custody/custody-log'
import { fieldErrors } from './zod-errors'
import { JobRegistry, type JobControl, type JobKind } from './job-registry'
import type { PdfPrinter } from '../documents/pdf-printer'
import type { KeyProtector } from '../signing/key-protector'
import { violationHandlers } from './violation-handlers'
import { documentHandlers } from './document-handlers'
import { exportHandlers, officerKeys } from './export-handlers'
import { reviewHandlers } from './review-handlers'
import { refuseInReview, type MediaFile, type ReviewWorkspace } from '../review'
import { derivedMediaFile } from '../evidence/derived-media'

/** OS dialogs where the shell has them (Electron); browser mode has none. */
export interface Dialogs {
  pickDirectory(purpose: 'open-case' | 'new-case' | 'import' | 'export'): Promise<string | null>
  /** files and folders to import; empty when cancelled */
  pickImportSources(): Promise<string[]>
}

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void

export interface BackendOptions {
  mode: AppInfo['mode']
  dataDir: string
  version: string
  dialogs?: Dialogs
  clock?: Clock
  nativeBinding?: string
  /** prints transfer documents to PDF; absent where no browser engine is available */
  pdf?: PdfPrinter
  /** Electron's safeStorage; absent elsewhere, where the signing key is a 0600 file */
  keyProtector?: KeyProtector
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ApiOutput<C>> | ApiOutput<C>
export type Handlers = { [C in Channel]: Handler<C> }

/** What a group of handlers in its own module may use of the session. */
export interface HandlerContext {
  openCase(): CaseFile
  actor(): Officer
  now(): Date
  readonly clockFn: Clock
  readonly appData: AppData
  readonly opts: BackendOptions
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void
  /** tells every view of the open case to refetch */
  caseChanged(): void
  /** runs long work in the background with progress (`job:progress`) and cancel (`task:cancel`) */
  startJob(kind: JobKind, work: (job: JobControl) => Promise<unknown>): { taskId: string }
  /** reviewer mode: closes whatever is open (case or package), makes a package the current case, and finds it */
  closeCase(): Promise<void>
  enterReview(ws: ReviewWorkspace): void
  currentReview(): ReviewWorkspace | null
}

/**
 * The one handler table behind both transports. It holds the session: the app data folder and
 * the case that is open (one at a time per window).
 */
export class Backend {
  readonly appData: AppData
  private current: CaseFile | null = null
  private readonly clock: Clock
  readonly handlers: Handlers
  private readonly listeners = new Set<EventListener>()
  private readonly tasks = new TaskRegistry((p) => this.emit('task:progress', p))
  private readonly jobs = new JobRegistry((p) => this.emit('job:progress', p))
  private readonly running = new Set<Promise<unknown>>()
  private proxies: { controller: AbortController; done: Promise<unknown> } | null = null
  /** items viewed in this session of the open case: one "viewed" event each */
  private viewed = new Set<string>()
  /** the package under review; `current` is then its read-only case */
  private review: ReviewWorkspace | null = null

  constructor(readonly opts: BackendOptions) {
    this.appData = new AppData(opts.dataDir)
    this.clock = opts.clock ?? (() => new Date())
    this.handlers = this.createHandlers()
  }

  now(): Date {
    return this.clock()
  }

  get clockFn(): Clock {
    return this.clock
  }

  caseChanged(): void {
    if (this.current) this.emit('case:changed', { caseId: this.current.info().id })
  }

  startJob(kind: JobKind, work: (job: JobControl) => Promise<unknown>): { taskId: string } {
    const { taskId, done } = this.jobs.start(kind, work)
    this.running.add(done)
    void done.finally(() => this.running.delete(done))
    return { taskId }
  }

  /** Subscribes a transport to pushed events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners) l(event, payload)
  }

  /** Waits for background work (imports) to settle; tests and shutdown use it. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  /**
   * The file behind a media URL of the open case: an original or one of its derived files.
   * Only paths recorded in the case and inside its folder are ever returned.
   */
  mediaFile(itemId: string, role: 'original' | DerivedRole): MediaFile | null {
    if (this.review) return this.review.mediaFile(itemId, role)
    const file = this.current
    if (!file) return null
    const item = getItem(file.db, itemId)
    if (!item || item.id !== itemId) return null
    if (role === 'original') return { path: objectPath(file.dir, item.sha256), mime: item.mime }
    return derivedMediaFile(file.dir, file.db, itemId, role)
  }

  private startImport(paths: string[]): { taskId: string } {
    const file = this.openCase()
    const actor = this.actor()
    const { taskId, signal } = this.tasks.start()
    const caseId = file.info().id
    const run = importPaths(file, paths, {
      actor,
      clock: this.clock,
      signal,
      onProgress: (p) => this.tasks.progress(taskId, p),
      onResult: (r) => this.tasks.result(taskId, r),
    })
      .then((summary) => this.tasks.finish(taskId, summary.cancelled ? 'cancelled' : 'done'))
      .catch((err) => {
        this.tasks.result(taskId, {
          path: paths.join(', '),
          status: 'rejected',
          id: null,
          number: null,
          sha256: null,
          kind: null,
          size: 0,
          warnings: [],
          error: toApiError(err),
        })
        this.tasks.finish(taskId, 'failed')
      })
      .finally(() => {
        this.running.delete(run)
        this.emit('case:changed', { caseId })
        this.startProxies()
      })
    this.running.add(run)
    return { taskId }
  }

  /** Background playback proxies for the open case; one runner at a time, stopped when the case closes. */
  private startProxies(): void {
    const file = this.current
    if (!file || file.readOnly || this.proxies) return
    const controller = new AbortController()
    const caseId = file.info().id
    const done = runPendingProxies(file, {
      signal: controller.signal,
      onItem: () => this.emit('case:changed', { caseId }),
    })
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(done)
        if (this.proxies?.controller === controller) this.proxies = null
      })
    this.proxies = { controller, done }
    this.running.add(done)
  }

  /** Parses the input against the channel's schema, runs the handler, and never throws. */
  async dispatch(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(apiInputs, channel)) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: `Unknown channel ${JSON.stringify(channel)}.` },
      }
    }
    const ch = channel as Channel
    const parsed = apiInputs[ch].safeParse(rawInput ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: 'Some fields are not valid.',
          fields: fieldErrors(parsed.error),
        },
      }
    }
    try {
      if (this.review) refuseInReview(ch)
      const handler = this.handlers[ch] as (input: unknown) => unknown
      return { ok: true, value: (await handler(parsed.data)) ?? null }
    } catch (err) {
      return { ok: false, error: toApiError(err) }
    }
  }

  /** The officer named in custody events: the saved profile, required before any change. */
  actor(): Officer {
    const p = this.appData.profile()
    if (!p)
      throw new EvidenceError(
        'no-profile',
        'Set up your officer profile (name and enforcement certificate number) first.',
      )
    return { name: p.name, certNo: p.certNo }
  }

  openCase(): CaseFile {
    if (!this.current)
      throw new EvidenceError('no-case-open', 'No case is open. Open or create a case first.')
    return this.current
  }

  /** Opens a case as the session's current one (the CLI's `serve <case-dir>` uses this). */
  async setCase(file: CaseFile): Promise<CaseInfo> {
    await this.closeCase()
    this.current = file
    const info = file.info()
    this.appData.touchRecent({
      dir: info.dir,
      number: info.number,
      title: info.title,
      openedAt: this.clock().toISOString(),
    })
    this.startProxies()
    return info
  }

  /** Closes the open case after stopping (cleanly) the work that writes into it. */
  async closeCase(): Promise<void> {
    this.tasks.cancelAll()
    this.jobs.cancelAll()
    this.proxies?.controller.abort()
    await this.idle()
    this.current?.close()
    this.current = null
    this.viewed = new Set()
    const review = this.review
    this.review = null
    await review?.dispose()
  }

  /** Makes a verified package the session's case, read-only (nothing else may be open). */
  enterReview(ws: ReviewWorkspace): void {
    this.current = ws.file
    this.review = ws
    this.viewed = new Set()
  }

  currentReview(): ReviewWorkspace | null {
    return this.review
  }

  async dispose(): Promise<void> {
    await this.closeCase()
    await this.opts.pdf?.close()
  }

  private createHandlers(): Handlers {
    return {
      'app:info': () => ({
        version: this.opts.version,
        mode: this.opts.mode,
        dataDir: this.appData.dir,
        systemTimeZone: systemTimeZone(),
        nativeDialogs: Boolean(this.opts.dialogs),
      }),
      'profile:get': () => this.appData.profile(),
      'profile:save': (p) => {
        const saved = this.appData.saveProfile(p)
        // the officer's signing key exists from the first save on, so its fingerprint can be shared early
        officerKeys(this).ensure(saved, this.clock())
        return saved
      },
      'recent:list': () => this.appData.recent(),
      'recent:forget': ({ dir }) => this.appData.forgetRecent(dir),
      'case:create': ({ dir, fields }) => {
        const actor = this.actor()
        return this.setCase(
          CaseFile.create(dir, fields, actor, this.clock, { nativeBinding: this.opts.nativeBinding }),
        )
      },
      'case:open': ({ dir }) => this.setCase(CaseFile.open(dir, { nativeBinding: this.opts.nativeBinding })),
      'case:current': () =>
        this.current
          ? {
              ...this.current.info(),
              ...(this.review
                ? { review: { path: this.review.packagePath, valid: this.review.verdict.valid } }
                : {}),
            }
          : null,
      'case:close': async () => {
        await this.closeCase()
        return null
      },
      'case:update': ({ fields }) => this.openCase().update(fields, this.actor(), this.clock),
      'case:check': () => checkCase(this.openCase(), this.actor(), this.clock),
      'custody:list': ({ offset, limit }) => {
        const db = this.openCase().db
        return { total: countCustodyEvents(db), events: listCustodyEvents(db, offset, limit) }
      },
      'fs:list': ({ dir }) => listDirectory(dir),
      'dialog:pickDirectory': ({ purpose }) => this.opts.dialogs?.pickDirectory(purpose) ?? null,
      'dialog:pickImportSources': () => this.opts.dialogs?.pickImportSources() ?? [],
      'import:start': ({ paths }) => this.startImport(paths),
      'task:cancel': ({ taskId }) => {
        if (!this.tasks.cancel(taskId) && !this.jobs.cancel(taskId))
          throw new EvidenceError('not-found', `No task ${taskId} is running.`)
        return null
      },
      'task:list': () => this.tasks.list(),
      'evidence:list': (query) => queryItems(this.openCase().db, query),
      'evidence:get': ({ id }) => {
        const db = this.openCase().db
        const item = getItem(db, id)
        if (!item) throw new EvidenceError('not-found', `No evidence item ${id} in this case.`)
        return { item, sources: itemSources(db, item.id), custody: listCustodyEvents(db, 0, 10_000, item.id) }
      },
      'evidence:officers': () => importingOfficers(this.openCase().db),
      'evidence:open': ({ id }) => {
        const file = this.openCase()
        const item = getItem(file.db, id)
        if (!item) throw new EvidenceError('not-found', `No evidence item ${id} in this case.`)
        if (!this.viewed.has(item.id) && !file.readOnly) {
          appendCustodyEvent(file.db, this.actor(), this.clock(), {
            action: 'viewed',
            itemId: item.id,
            details: { number: item.number },
          })
          this.viewed.add(item.id)
        }
        return {
          item,
          sources: itemSources(file.db, item.id),
          custody: listCustodyEvents(file.db, 0, 10_000, item.id),
        }
      },
      'search:query': ({ text, limit }) => searchCase(this.openCase().db, text, limit),
      'transcript:get': ({ itemId }) => transcriptView(this.openCase().db, itemId),
      'monitoring:get': ({ itemId }) => monitoringView(this.openCase(), itemId),
      'monitoring:setLimit': ({ itemId, pollutant, limit, reason }) =>
        setMonitoringLimit(this.openCase(), itemId, pollutant, limit, reason, this.actor(), this.clock),
      'video:derive': async (req) => {
        const result = await deriveFromVideo(this.openCase(), req, this.actor(), this.clock)
        this.emit('case:changed', { caseId: this.openCase().info().id })
        return result
      },
      'annotation:list': ({ itemId, includeWithdrawn }) =>
        listAnnotations(this.openCase().db, { itemId, includeWithdrawn }),
      'annotation:add': (a) => addAnnotation(this.openCase(), a, this.actor(), this.clock),
      'annotation:withdraw': ({ id, reason }) =>
        withdrawAnnotation(this.openCase(), id, reason, this.actor(), this.clock),
      ...thermalHandlers(this),
      ...violationHandlers(this),
      ...documentHandlers(this),
      ...exportHandlers(this),
      ...reviewHandlers(this),
    }
  }
}
