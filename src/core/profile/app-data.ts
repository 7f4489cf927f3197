import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Profile, RecentCase } from '../../shared/types'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'

const MAX_RECENT = 12

/**
 * The app's own data folder outside any case: the officer profile and the recent-cases list.
 * Electron passes app.getPath('userData'); the CLI and browser mode use EVIDESK_DATA_DIR or
 * the XDG config folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EVIDESK_DATA_DIR) return resolve(env.EVIDESK_DATA_DIR)
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(base, 'evidence-desk')
}

export class AppData {
  constructor(readonly dir: string) {}

  private file(name: string): string {
    return join(this.dir, name)
  }

  private readJson<T>(name: string): T | null {
    const path = this.file(name)
    if (!existsSync(path)) return null
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T
    } catch (cause) {
      throw new EvidenceError(
        'io-error',
        `The app data file ${path} is unreadable. Fix or delete it; no case data is stored there.`,
        { cause },
      )
    }
  }

  private writeJson(name: string, value: unknown, mode = 0o644): void {
    mkdirSync(this.dir, { recursive: true })
    writeFileAtomic(this.file(name), JSON.stringify(value, null, 2) + '\n', mode)
  }

  profile(): Profile | null {
    return this.readJson<Profile>('profile.json')
  }

  saveProfile(profile: Profile): Profile {
    this.writeJson('profile.json', profile)
    return profile
  }

  recent(): RecentCase[] {
    const list = this.readJson<RecentCase[]>('recent-cases.json') ?? []
    return list.map((r) => ({ ...r, exists: existsSync(join(r.dir, 'case.sqlite')) }))
  }

  /** Moves a case to the top of the recent list. */
  touchRecent(entry: Omit<RecentCase, 'exists'>): void {
    const rest = (this.readJson<RecentCase[]>('recent-cases.json') ?? []).filter((r) => r.dir !== entry.dir)
    this.writeJson('recent-cases.json', [{ ...entry, exists: true }, ...rest].slice(0, MAX_RECENT))
  }

  /** Updates what the recent list says of a case (its zone changed) without moving it. */
  updateRecent(dir: string, patch: Partial<Pick<RecentCase, 'number' | 'title' | 'timezone'>>): void {
    const list = this.readJson<RecentCase[]>('recent-cases.json') ?? []
    if (!list.some((r) => r.dir === dir)) return
    this.writeJson(
      'recent-cases.json',
      list.map((r) => (r.dir === dir ? { ...r, ...patch } : r)),
    )
  }

  forgetRecent(dir: string): RecentCase[] {
    const rest = (this.readJson<RecentCase[]>('recent-cases.json') ?? []).filter((r) => r.dir !== dir)
    this.writeJson('recent-cases.json', rest)
    return this.recent()
  }
}
