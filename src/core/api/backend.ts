import { userInfo } from 'node:os'
import type { ApiOutput, Channel, ParsedInput } from '../../shared/api'
import { apiInputs } from '../../shared/api'
import type { Result } from '../../shared/errors'
import type { AppInfo, CaseInfo, Officer } from '../../shared/types'
import { systemTimeZone } from '../../shared/time-zone'
import { CaseFile, type Clock } from '../case/case-file'
import { checkCase } from '../case/integrity'
import { listCustodyEvents, countCustodyEvents } from '../custody/custody-log'
import { EvidenceError, toApiError } from '../errors'
import { AppData } from '../profile/app-data'
import { listDirectory } from './fs-listing'
import { fieldErrors } from './zod-errors'

/** OS dialogs where the shell has them (Electron); browser mode has none. */
export interface Dialogs {
  pickDirectory(purpose: 'open-case' | 'new-case' | 'import'): Promise<string | null>
}

export interface BackendOptions {
  mode: AppInfo['mode']
  dataDir: string
  version: string
  dialogs?: Dialogs
  clock?: Clock
  nativeBinding?: string
}

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ApiOutput<C>> | ApiOutput<C> }

/**
 * The one handler table behind both transports. It holds the session: the app data folder and
 * the case that is open (one at a time per window).
 */
export class Backend {
  readonly appData: AppData
  private current: CaseFile | null = null
  private readonly clock: Clock
  readonly handlers: Handlers

  constructor(readonly opts: BackendOptions) {
    this.appData = new AppData(opts.dataDir)
    this.clock = opts.clock ?? (() => new Date())
    this.handlers = this.createHandlers()
  }

  /** Parses the input against the channel's schema, runs the handler, and never throws. */
  async dispatch(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(apiInputs, channel)) {
      return { ok: false, error: { code: 'invalid-input', message: `Unknown channel ${JSON.stringify(channel)}.` } }
    }
    const ch = channel as Channel
    const parsed = apiInputs[ch].safeParse(rawInput ?? {})
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-input', message: 'Some fields are not valid.', fields: fieldErrors(parsed.error) } }
    }
    try {
      const handler = this.handlers[ch] as (input: unknown) => unknown
      return { ok: true, value: (await handler(parsed.data)) ?? null }
    } catch (err) {
      return { ok: false, error: toApiError(err) }
    }
  }

  /** The officer named in custody events: the saved profile, required before any change. */
  actor(): Officer {
    const p = this.appData.profile()
    if (!p) throw new EvidenceError('no-profile', 'Set up your officer profile (name and enforcement certificate number) first.')
    return { name: p.name, certNo: p.certNo }
  }

  openCase(): CaseFile {
    if (!this.current) throw new EvidenceError('no-case-open', 'No case is open. Open or create a case first.')
    return this.current
  }

  /** Opens a case as the session's current one (the CLI's `serve <case-dir>` uses this). */
  setCase(file: CaseFile): CaseInfo {
    this.closeCase()
    this.current = file
    const info = file.info()
    this.appData.touchRecent({ dir: info.dir, number: info.number, title: info.title, openedAt: this.clock().toISOString() })
    return info
  }

  closeCase(): void {
    this.current?.close()
    this.current = null
  }

  dispose(): void {
    this.closeCase()
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
      'profile:save': (p) => this.appData.saveProfile(p),
      'recent:list': () => this.appData.recent(),
      'recent:forget': ({ dir }) => this.appData.forgetRecent(dir),
      'case:create': ({ dir, fields }) => {
        const actor = this.actor()
        return this.setCase(CaseFile.create(dir, fields, actor, this.clock, { nativeBinding: this.opts.nativeBinding }))
      },
      'case:open': ({ dir }) => this.setCase(CaseFile.open(dir, { nativeBinding: this.opts.nativeBinding })),
      'case:current': () => this.current?.info() ?? null,
      'case:close': () => {
        this.closeCase()
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
    }
  }
}

/** Who a command-line run acts as: an explicit --actor, the saved profile, or the OS user, marked as such. */
export function cliActor(appData: AppData, explicit?: Officer): Officer {
  if (explicit) return explicit
  const p = appData.profile()
  if (p) return { name: p.name, certNo: p.certNo }
  return { name: `${userInfo().username} (system user, no officer profile)`, certNo: '' }
}
