/**
 * Path helpers for the in-app folder browser. Paths come from the backend's machine, which may
 * be Windows or POSIX, so the separator is taken from the path itself, never from the browser.
 */
export function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/'
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir)
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`
}

export interface PathCrumb {
  label: string
  path: string
}

/** "/home/a/b" → [/, home, a, b]; "C:\\x\\y" → [C:\\, x, y], each with the full path up to it. */
export function pathCrumbs(path: string): PathCrumb[] {
  const sep = separatorOf(path)
  const parts = path.split(/[\\/]+/).filter((p) => p !== '')
  const crumbs: PathCrumb[] = []
  let acc = ''
  if (path.startsWith(sep)) {
    acc = sep
    crumbs.push({ label: sep, path: sep })
  }
  parts.forEach((part, i) => {
    if (i === 0 && !path.startsWith(sep)) {
      acc = part + sep // a drive such as "C:"
      crumbs.push({ label: acc, path: acc })
      return
    }
    acc = acc.endsWith(sep) ? `${acc}${part}` : `${acc}${sep}${part}`
    crumbs.push({ label: part, path: acc })
  })
  return crumbs
}

/** A folder name the user typed: one segment, no separators, not "." or "..". */
export function isPlainFolderName(name: string): boolean {
  const n = name.trim()
  return n !== '' && n !== '.' && n !== '..' && !/[\\/]/.test(n)
}
