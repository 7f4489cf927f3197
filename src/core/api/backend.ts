import type { ApiEventName, ApiEvents, Channel } from '../../shared/api'
import { apiInputs } from '../../shared/api'
import type { Result } from '../../shared/errors'
import type { JobKind, JobProgress, JobResult } from '../../shared/jobs'
import type { CaseInfo, DerivedRole, Officer } from '../../shared/types'
import { CaseFile, type Clock } from '../case/case-file'
import { objectPath } from '../case/layout'
import { EvidenceError, toApiError } from '../errors'
import { derivedMediaFile } from '../evidence/derived-media'
import { getItem } from '../evidence/item-repository'
import { pictureOnRequest } from '../evidence/pictures-on-request'
import { pendingProxyCount, runPendingProxies } from '../evidence/proxy-jobs'
import { AppData } from '../profile/app-data'
import { refuseInReview, type MediaFile, type ReviewWorkspace } from '../review'
import { OfficerKeys } from '../signing/officer-key'
import type { BackendOptions, HandlerContext, Handlers } from './handler-context'
import { createHandlers } from './handler-table'
import { JobRegistry, type JobControl } from './job-registry'
import { fieldErrors } from './zod-errors'

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void

/**
 * The session behind both transports: the app data folder, the case that is open (one at a time
 * per window), the registries of long work, and `dispatch`, which checks a call against the
 * contract and hands it to the feature's handler (see handler-table.ts).
 */
export class Backend implements HandlerContext {
  readonly appData: AppData
  readonly clock: Clock
  readonly officerKeys: OfficerKeys
  readonly handlers: Handlers
  readonly viewed = new Set<string>()
  private current: CaseFile | null = null
  private readonly listeners = new Set<EventListener>()
  private readonly jobs = new JobRegistry((u) => this.emit('job:progress', u))
  private readonly running = new Set<Promise<unknown>>()
  /** the playback-proxy job of the open case, while it runs */
  private proxyJob: string | null = null
  /** set while the case closes: no new background work may start then */
  private closing = false
  /** the package under review; `current` is then its read-only case */
  private review: ReviewWorkspace | null = null

  constructor(readonly opts: BackendOptions) {
    this.appData = new AppData(opts.dataDir)
    this.clock = opts.clock ?? (() => new Date())
    this.officerKeys = new OfficerKeys(this.appData.dir, opts.keyProtector)
    this.handlers = createHandlers(this)
  }

  caseChanged(): void {
    if (this.current) this.emit('case:changed', { caseId: this.current.info().id })
  }

  startJob<K extends JobKind>(
    kind: K,
    work: (job: JobControl<K>) => Promise<JobResult<K>>,
  ): { taskId: string } {
    const { taskId, done } = this.jobs.start(kind, this.current?.info().id ?? null, work)
    this.running.add(done)
    void done.finally(() => this.running.delete(done))
    return { taskId }
  }

  cancelJob(taskId: string): boolean {
    return this.jobs.cancel(taskId)
  }

  listJobs(): JobProgress[] {
    return this.jobs.list()
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
  async mediaFile(itemId: string, role: 'original' | DerivedRole): Promise<MediaFile | null> {
    if (this.review) return this.review.mediaFile(itemId, role)
    const file = this.current
    if (!file) return null
    const item = getItem(file.db, itemId)
    if (!item || item.id !== itemId) return null
    // served without following links, from inside the case folder only (issue 11, item 12)
    if (role === 'original')
      return { path: objectPath(file.dir, item.sha256), mime: item.mime, guard: { root: file.dir } }
    // a picture the import left for the first look (an image's preview) is made now
    await pictureOnRequest(file, item, role)
    const derived = derivedMediaFile(file.dir, file.db, item, role)
    return derived && { ...derived, guard: { root: file.dir } }
  }

  /**
   * Makes the open case's pending playback proxies as a job (one at a time; stopped when the case
   * closes), so that a proxy that cannot be made is reported with its reason, not only marked.
   */
  startProxies(): void {
    const file = this.current
    if (!file || file.readOnly || this.closing || this.proxyJob) return
    if (pendingProxyCount(file) === 0) return
    const { taskId } = this.startJob('proxy', async (job) => {
      try {
        let done = 0
        await runPendingProxies(file, {
          signal: job.signal,
          onStart: (count) => job.progress({ filesTotal: count, filesDone: 0 }),
          onItem: (result) => {
            job.item(result)
            job.progress({ filesDone: ++done })
            this.caseChanged()
          },
        })
        return null
      } finally {
        this.proxyJob = null
      }
    })
    this.proxyJob = taskId
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

  currentCase(): CaseFile | null {
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
      timezone: info.timezone,
    })
    this.startProxies()
    return info
  }

  /** Closes the open case after stopping (cleanly) the work that writes into it. */
  async closeCase(): Promise<void> {
    this.closing = true
    try {
      this.jobs.cancelAll()
      await this.idle()
    } finally {
      this.closing = false
    }
    this.current?.close()
    this.current = null
    this.viewed.clear()
    const review = this.review
    this.review = null
    await review?.dispose()
  }

  /** Makes a verified package the session's case, read-only (nothing else may be open). */
  enterReview(ws: ReviewWorkspace): void {
    this.current = ws.file
    this.review = ws
    this.viewed.clear()
  }

  currentReview(): ReviewWorkspace | null {
    return this.review
  }

  async dispose(): Promise<void> {
    await this.closeCase()
    await this.opts.pdf?.close()
  }
}
