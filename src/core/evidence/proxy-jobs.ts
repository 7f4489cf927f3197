import { mkdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { ProxyItemResult } from '../../shared/jobs'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { toApiError } from '../errors'
import { kindModule } from './kinds/registry'
import { pendingDerived, setDerived } from './item-repository'

export interface ProxyRunOptions {
  signal?: AbortSignal
  /** how many proxies are to be made, before the first */
  onStart?: (count: number) => void
  /** each proxy made or failed, with the reason for a failure */
  onItem?: (result: ProxyItemResult) => void
}

/** The items of a case still waiting for a playback proxy. */
export function pendingProxyCount(file: CaseFile): number {
  return pendingDerived(file.db, 'proxy').length
}

/**
 * Makes the playback proxies still pending in a case (media Chromium cannot play), one at a
 * time, in the background after import, each by its kind's module. The original is only read;
 * the proxy goes to derived/<sha256>/ and can always be made again. A proxy that cannot be made
 * is marked failed with the reason, and reported; a cancelled run leaves the rest pending.
 */
export async function runPendingProxies(file: CaseFile, opts: ProxyRunOptions = {}): Promise<number> {
  const pending = pendingDerived(file.db, 'proxy')
  opts.onStart?.(pending.length)
  let made = 0
  for (const { itemId, number, sha256, kind } of pending) {
    if (opts.signal?.aborted) break
    const proxy = kindModule(kind).proxy
    if (!proxy) {
      const message = `Items of kind ${kind} have no playback proxy.`
      setDerived(file.db, itemId, 'proxy', 'failed', null, message)
      opts.onItem?.({ itemId, number, status: 'failed', error: { code: 'not-supported', message } })
      continue
    }
    const out = join(derivedDir(file.dir, sha256), proxy.fileName)
    try {
      await mkdir(dirname(out), { recursive: true, mode: 0o700 })
      await proxy.make(objectPath(file.dir, sha256), out, { signal: opts.signal })
      setDerived(file.db, itemId, 'proxy', 'ready', relative(file.dir, out))
      opts.onItem?.({ itemId, number, status: 'ready' })
      made++
    } catch (e) {
      if (opts.signal?.aborted) break // stays pending for the next run
      const error = toApiError(e)
      setDerived(file.db, itemId, 'proxy', 'failed', null, error.message)
      opts.onItem?.({ itemId, number, status: 'failed', error })
    }
  }
  return made
}
