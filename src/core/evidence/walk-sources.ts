import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { basename, resolve, sep } from 'node:path'
import { decodeNameBytes } from './file-name-bytes'

export interface SourceFile {
  /** the path as the officer gave it or as found in a folder, decoded for people (a link keeps its own path) */
  path: string
  /** the bytes to open: the file itself, or the real file a link inside the source leads to */
  openPath: Buffer
  /** where a symbolic link points, resolved and decoded; null for a plain file */
  linkTarget: string | null
  size: number
  mtimeMs: number
  /** the file's name, decoded */
  name: string
  /**
   * The path as recorded in the case and its packages: from the chosen folder's own name down
   * ("CARD01/DCIM/IMG_0001.JPG"), so nothing of where the officer kept it (a home folder, a
   * mount point with the OS user's name) leaves the machine.
   */
  label: string
  /** a followed link's target, the same way (from the chosen folder's name down) */
  linkTargetLabel: string | null
  /** the file the walk saw: whatever is opened later must still be it */
  identity: { dev: number; ino: number }
  /** set when the path is not valid UTF-8: the bytes as found, and the decoding used to show them */
  rawName: { nameBytes: Buffer; pathBytes: Buffer; encoding: string } | null
}

export interface UnreadableSource {
  path: string
  error: NodeJS.ErrnoException
}

/** A source the walk would not read, with why, in words (a link out of the source, the app data folder). */
export interface RefusedSource {
  path: string
  message: string
}

export interface WalkOptions {
  signal?: AbortSignal
  /** folders never read, whatever is chosen or linked: the app data folder (profile, signing keys) */
  forbiddenRoots?: string[]
}

const SEP = Buffer.from(sep)

function joinBytes(dir: Buffer, name: Buffer): Buffer {
  return dir.length > 0 && dir[dir.length - 1] === SEP[0]
    ? Buffer.concat([dir, name])
    : Buffer.concat([dir, SEP, name])
}

/** True when `path` is `root` or lies below it (real paths, as bytes). */
function isInside(path: Buffer, root: Buffer): boolean {
  if (path.equals(root)) return true
  const prefix = root[root.length - 1] === SEP[0] ? root : Buffer.concat([root, SEP])
  return path.length > prefix.length && path.subarray(0, prefix.length).equals(prefix)
}

async function realBytes(path: Buffer | string): Promise<Buffer> {
  return realpath(path, { encoding: 'buffer' })
}

/** A real path for people: each component decoded on its own. */
function displayPath(bytes: Buffer): string {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === SEP[0]) {
      parts.push(decodeNameBytes(bytes.subarray(start, i)).text)
      start = i + 1
    }
  }
  return parts.join(sep)
}

/**
 * Expands files and folders (recursively, in name order) into the files to import, by the bytes
 * of their names, so a name that is not UTF-8 is found and opened as it is (and shown decoded).
 *
 * A symbolic link is followed only when its target lies inside one of the chosen sources (a link
 * on a card to another file of the card); a link leading anywhere else is refused per file as
 * "symbolic link, not imported", so a card cannot smuggle in a file it does not hold. A link given
 * as a source itself is an explicit choice of its target. Nothing inside a forbidden root (the
 * app data folder) is ever read, chosen or linked. A loop of folder links is cut. Anything that
 * cannot be listed or stat'ed is reported, not thrown, so the batch goes on.
 */
export async function walkSources(
  paths: string[],
  opts: WalkOptions = {},
): Promise<{ files: SourceFile[]; unreadable: UnreadableSource[]; refused: RefusedSource[] }> {
  const { signal } = opts
  const files: SourceFile[] = []
  const unreadable: UnreadableSource[] = []
  const refused: RefusedSource[] = []
  const seenDirs = new Set<string>()
  const forbidden: Buffer[] = []
  for (const f of opts.forbiddenRoots ?? []) {
    forbidden.push(await realBytes(resolve(f)).catch(() => Buffer.from(resolve(f))))
  }
  const roots: Buffer[] = []
  for (const p of paths) {
    const root = await realBytes(resolve(p)).catch(() => null)
    if (root) roots.push(root)
  }
  const isForbidden = (real: Buffer) => forbidden.some((f) => isInside(real, f))
  const inChosen = (real: Buffer) => roots.some((r) => isInside(real, r))
  /** "<chosen folder's name>/<path below it>" for a real path inside a chosen source. */
  const labelOf = (real: Buffer): string => {
    const root = roots.find((r) => isInside(real, r))
    if (!root) return displayPath(real.subarray(real.lastIndexOf(SEP[0]) + 1))
    const base = displayPath(root.subarray(root.lastIndexOf(SEP[0]) + 1))
    const below = real.subarray(root.length + (real.length > root.length ? 1 : 0))
    return below.length > 0 ? `${base}/${displayPath(below).split(sep).join('/')}` : base
  }
  const refuseForbidden = (display: string) =>
    refused.push({
      path: display,
      message: `${display} is in Evidence Desk's app data folder (the officer profile and signing keys); nothing there is ever imported.`,
    })

  /**
   * `raw` is the path to list or stat (through any link already followed); `real` its real path
   * when known without asking (a plain child of a real folder); `explicit` for a chosen source.
   */
  async function visit(
    raw: Buffer,
    display: string,
    label: string,
    realKnown: Buffer | null,
    explicit: boolean,
    odd: { nameBytes: Buffer; encoding: string } | null,
  ): Promise<void> {
    if (signal?.aborted) return
    try {
      const l = await lstat(raw)
      let real = realKnown
      let linkTarget: string | null = null
      if (l.isSymbolicLink()) {
        real = await realBytes(raw)
        linkTarget = displayPath(real)
        if (!explicit && !inChosen(real)) {
          refused.push({
            path: display,
            message: `${display}: symbolic link, not imported. It points to ${linkTarget}, outside the folders chosen for this import; choose that file or folder itself to import it.`,
          })
          return
        }
        if (isForbidden(real)) return void refuseForbidden(display)
      } else {
        real ??= await realBytes(raw)
        if (isForbidden(real)) return void refuseForbidden(display)
      }
      const s = linkTarget !== null ? await stat(raw) : l
      if (s.isDirectory()) {
        const key = real.toString('hex')
        if (seenDirs.has(key)) return
        seenDirs.add(key)
        // in name order as people read names (as before), bytes breaking ties
        const names = (await readdir(raw, { encoding: 'buffer' }))
          .map((name) => ({ name, decoded: decodeNameBytes(name) }))
          .sort(
            (a, b) => a.decoded.text.localeCompare(b.decoded.text, 'en') || Buffer.compare(a.name, b.name),
          )
        for (const { name, decoded } of names) {
          await visit(
            joinBytes(raw, name),
            `${display}${display.endsWith(sep) ? '' : sep}${decoded.text}`,
            `${label}/${decoded.text}`,
            joinBytes(real, name),
            false,
            decoded.encoding === 'utf-8' ? odd : { nameBytes: name, encoding: decoded.encoding },
          )
        }
      } else if (s.isFile()) {
        const name = display.slice(display.lastIndexOf(sep) + 1)
        files.push({
          path: display,
          openPath: real,
          linkTarget,
          size: s.size,
          mtimeMs: s.mtimeMs,
          name,
          label,
          linkTargetLabel: linkTarget !== null ? labelOf(real) : null,
          identity: { dev: s.dev, ino: s.ino },
          rawName: odd
            ? {
                // the name's own bytes when it is the odd one, else (an odd folder above) the name as found
                nameBytes: raw.subarray(raw.lastIndexOf(SEP[0]) + 1),
                pathBytes: raw,
                encoding: odd.encoding,
              }
            : null,
        })
      } else {
        unreadable.push({
          path: display,
          error: Object.assign(new Error('not a regular file (device, socket or pipe)'), { code: 'ENOTREG' }),
        })
      }
    } catch (e) {
      unreadable.push({ path: display, error: e as NodeJS.ErrnoException })
    }
  }

  for (const p of paths) {
    const full = resolve(p)
    await visit(Buffer.from(full), full, basename(full) || full, null, true, null)
  }
  return { files, unreadable, refused }
}
