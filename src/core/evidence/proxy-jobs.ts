import { mkdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { kindModule } from './kinds/registry'
import { pendingDerived, setDerived } from './item-repository'

export interface ProxyRunOptions {
  signal?: AbortSignal
  onItem?: (itemId: string, status: 'ready' | 'failed') => void
}

/**
 * Makes the playback proxies still pending in a case (media Chromium cannot play), one at a
 * time, in the background after import, each by its kind's module. The original is only read;
 * the proxy goes to derived/<sha256>/ and can always be made again.
 */
export async function runPendingProxies(file: CaseFile, opts: ProxyRunOptions = {}): Promise<number> {
  let made = 0
  for (const { itemId, sha256, kind } of pendingDerived(file.db, 'proxy')) {
    if (opts.signal?.aborted) break
    const proxy = kindModule(kind).proxy
    if (!proxy) {
      setDerived(file.db, itemId, 'proxy', 'failed', null, `Items of kind ${kind} have no playback proxy.`)
      opts.onItem?.(itemId, 'failed')
      continue
    }
    const out = join(derivedDir(file.dir, sha256), proxy.fileName)
    try {
      await mkdir(dirname(out), { recursive: true, mode: 0o700 })
      await proxy.make(objectPath(file.dir, sha256), out, { signal: opts.signal })
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
