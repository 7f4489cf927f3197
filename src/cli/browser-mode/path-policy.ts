import { existsSync, realpathSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'

/**
 * Which file-system paths browser mode lets the page name (issue 11, item 1). A page cannot get
 * real paths from an OS dialog, so it names them as text, and whoever holds a session could name
 * any path the officer may read or write. Browser mode therefore confines every channel that
 * takes a path:
 * - never the app data folder (profile, signing keys, trusted keys, anchors), for any channel,
 *   the folder browser included, whatever link or `..` leads there;
 * - reads and writes only below a path the user chose in the in-app browser during this run of
 *   the server (`choose`), the open case's folder, or the folder a package under review was
 *   chosen from; a case in the recent list (chosen in an earlier run) may be opened again.
 * Listing folders (`fs:list`) is how the user chooses, so it may go anywhere but the data folder.
 */
export interface PathPolicyContext {
  dataDir: string
  /** the open case's folder, or null */
  openCaseDir(): string | null
  /** the package under review (a ZIP or a bag folder), or null */
  reviewPackage(): string | null
  /** the folders of the recent-cases list */
  recentCases(): string[]
}

type Use = 'browse' | 'read' | 'write' | 'open-case'

/** The path-taking channels and what they do with their paths. */
const PATH_CHANNELS: Record<string, (input: Record<string, unknown>) => Array<{ path: unknown; use: Use }>> =
  {
    'fs:list': (i) => (i.dir === undefined || i.dir === '' ? [] : [{ path: i.dir, use: 'browse' }]),
    'case:create': (i) => [{ path: i.dir, use: 'write' }],
    'case:open': (i) => [{ path: i.dir, use: 'open-case' }],
    'import:start': (i) =>
      Array.isArray(i.paths) ? i.paths.map((p) => ({ path: p, use: 'read' as const })) : [],
    'export:start': (i) => [{ path: i.target, use: 'write' }],
    'review:open': (i) => [{ path: i.path, use: 'read' }],
    'review:exportReport': (i) => [{ path: i.target, use: 'write' }],
    'review:saveDocument': (i) => [{ path: i.target, use: 'write' }],
  }

export interface PathRefusal {
  code: 'path-not-chosen'
  message: string
}

/** The real path of `p`, resolving links in the part that exists (a path to be created has a tail that does not). */
export function realish(p: string): string {
  let head = resolve(p)
  const tail: string[] = []
  while (!existsSync(head)) {
    const up = dirname(head)
    if (up === head) break
    tail.unshift(basename(head))
    head = up
  }
  let real = head
  try {
    real = realpathSync(head)
  } catch {
    // unreadable: compared as written
  }
  return tail.length ? join(real, ...tail) : real
}

function within(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep)
}

export class PathPolicy {
  private readonly chosen = new Set<string>()

  constructor(private readonly ctx: PathPolicyContext) {}

  private dataDirs(): string[] {
    return [resolve(this.ctx.dataDir), realish(this.ctx.dataDir)]
  }

  private inDataDir(p: string): boolean {
    const forms = [resolve(p), realish(p)]
    return this.dataDirs().some((d) => forms.some((f) => within(f, d)))
  }

  /** Records paths the user chose in the in-app browser; refuses (returns a refusal) the data folder. */
  choose(paths: unknown): PathRefusal | null {
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > 10_000)
      return { code: 'path-not-chosen', message: 'Choose at least one file or folder.' }
    for (const p of paths) {
      if (typeof p !== 'string' || p === '' || p.length > 4096)
        return {
          code: 'path-not-chosen',
          message: 'A chosen path must be a non-empty text of at most 4096 characters.',
        }
      if (this.inDataDir(p)) return this.dataDirRefusal(p)
    }
    for (const p of paths as string[]) this.chosen.add(realish(p))
    return null
  }

  private holdsDataDir(p: string): boolean {
    const real = realish(p)
    return this.dataDirs().some((d) => within(d, real))
  }

  private dataDirRefusal(p: string): PathRefusal {
    return {
      code: 'path-not-chosen',
      message: `${p} is Evidence Desk's own data folder (signing keys, profile) or holds it: browser mode never reads or writes there.`,
    }
  }

  private roots(use: Use): string[] {
    const roots = [...this.chosen]
    const open = this.ctx.openCaseDir()
    if (open) roots.push(realish(open))
    const pkg = this.ctx.reviewPackage()
    // the reviewer chose the package in that folder; copies and the report may go beside it
    if (pkg) roots.push(realish(dirname(pkg)))
    if (use === 'open-case') roots.push(...this.ctx.recentCases().map(realish))
    return roots
  }

  /** Why browser mode refuses this call's paths, or null when it may go ahead. */
  check(channel: string, input: unknown): PathRefusal | null {
    // own keys only: a channel named '__proto__' must not find Object.prototype
    const extract = Object.hasOwn(PATH_CHANNELS, channel) ? PATH_CHANNELS[channel] : undefined
    if (!extract || !input || typeof input !== 'object') return null
    for (const { path, use } of extract(input as Record<string, unknown>)) {
      // the contract's own checks report a missing or malformed path
      if (typeof path !== 'string' || path === '') continue
      // reading a folder that holds the data folder would read it too
      if (this.inDataDir(path) || (use === 'read' && this.holdsDataDir(path)))
        return this.dataDirRefusal(path)
      if (use === 'browse') continue
      const real = realish(path)
      if (!this.roots(use).some((r) => within(real, r)))
        return {
          code: 'path-not-chosen',
          message: `${path} was not chosen in the in-app file browser during this session. In browser mode, files are read and written only where you chose with 浏览…/Browse….`,
        }
    }
    return null
  }
}
