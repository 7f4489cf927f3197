import { existsSync, readdirSync, statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { DirEntry, DirListing } from '../../shared/types'
import { EvidenceError } from '../errors'

const MAX_ENTRIES = 5000

/**
 * One folder of the local machine, for the browser-mode folder picker (browsers cannot give a
 * page real paths). Hidden entries are left out; folders come first, then files, by name.
 */
export function listDirectory(dirArg: string | undefined): DirListing {
  const dir = resolve(dirArg || homedir())
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (cause) {
    throw new EvidenceError('io-error', `Cannot read the folder ${dir}.`, { cause })
  }
  const entries: DirEntry[] = []
  for (const name of names) {
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    try {
      const st = statSync(path)
      const isDir = st.isDirectory()
      entries.push({
        name,
        path,
        isDir,
        isCase: isDir && existsSync(join(path, 'case.sqlite')),
        size: isDir ? null : st.size,
      })
    } catch {
      // a dangling link or a file we may not stat: leave it out of the picker
    }
    if (entries.length >= MAX_ENTRIES) break
  }
  entries.sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name, 'zh-CN'))
  const parent = dirname(dir) === dir ? null : dirname(dir)
  const roots = [homedir(), tmpdir(), '/media', '/mnt', '/'].filter(
    (p, i, all) => existsSync(p) && all.indexOf(p) === i,
  )
  return { dir, parent, entries, roots }
}
