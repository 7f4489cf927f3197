import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'

export interface SourceFile {
  /** the path as the officer gave it or as found in a folder (a link keeps its own path) */
  path: string
  /** where a symbolic link points, resolved; null for a plain file */
  linkTarget: string | null
  size: number
  mtimeMs: number
  name: string
}

export interface UnreadableSource {
  path: string
  error: NodeJS.ErrnoException
}

/**
 * Expands files and folders (recursively, in name order) into the files to import. Links to
 * files are followed and both paths kept; links to folders are followed once (a loop is cut).
 * Anything that cannot be listed or stat'ed is reported, not thrown, so the batch goes on.
 */
export async function walkSources(
  paths: string[],
  signal?: AbortSignal,
): Promise<{ files: SourceFile[]; unreadable: UnreadableSource[] }> {
  const files: SourceFile[] = []
  const unreadable: UnreadableSource[] = []
  const seenDirs = new Set<string>()

  async function visit(path: string): Promise<void> {
    if (signal?.aborted) return
    let link: string | null = null
    try {
      const l = await lstat(path)
      if (l.isSymbolicLink()) link = await realpath(path)
      const s = link ? await stat(path) : l
      if (s.isDirectory()) {
        const real = link ?? (await realpath(path))
        if (seenDirs.has(real)) return
        seenDirs.add(real)
        const names = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'en'))
        for (const name of names) await visit(join(path, name))
      } else if (s.isFile()) {
        files.push({ path, linkTarget: link, size: s.size, mtimeMs: s.mtimeMs, name: basename(path) })
      } else {
        unreadable.push({
          path,
          error: Object.assign(new Error('not a regular file (device, socket or pipe)'), { code: 'ENOTREG' }),
        })
      }
    } catch (e) {
      unreadable.push({ path, error: e as NodeJS.ErrnoException })
    }
  }

  for (const p of paths) await visit(resolve(p))
  return { files, unreadable }
}
