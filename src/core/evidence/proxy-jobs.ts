import { join, relative } from 'node:path'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { makePlaybackProxy } from './derive/thumbnail'
import { pendingDerived, setDerived } from './item-repository'

export interface ProxyRunOptions {
  signal?: AbortSignal
  onItem?: (itemId: string, status: 'ready' | 'failed') => void
}

/**
 * Makes the playback proxies still pending in a case (videos Chromium cannot play), one at a
 * time, in the background after import. The original is only read; the proxy goes to
 * derived/<sha256>/proxy.mp4 and can always be made again.
 */
export async function runPendingProxies(file: CaseFile, opts: ProxyRunOptions = {}): Promise<number> {
  let made = 0
  for (const { itemId, sha256 } of pendingDerived(file.db, 'proxy')) {
    if (opts.signal?.aborted) break
    const out = join(derivedDir(file.dir, sha256), 'proxy.mp4')
    try {
      await makePlaybackProxy(objectPath(file.dir, sha256), out, { signal: opts.signal })
      setDerived(file.db, itemId, 'proxy', 'ready', relative(file.dir, out))
      opts.onItem?.(itemId, 'ready')
      made++
    } catch (e) {
      if (opts.signal?.aborted) break // stays pending for the next run
      setDerived(file.db, itemId, 'proxy', 'failed', null, (e as Error).message)
      opts.onItem?.(itemId, 'failed')
    }
  }
  return made
}
