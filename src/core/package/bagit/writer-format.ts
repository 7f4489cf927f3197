import { EvidenceError } from '../../errors'
import { encodeManifestPath, manifestName } from './manifest'
import { caseFoldKey, checkSafePath, portabilityIssue } from './safe-path'

/** bagit.txt of every bag we write. */
export function bagDeclaration(): Buffer {
  return Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'utf8')
}

/**
 * Manifest lines "checksum  path" (two spaces, so `sha256sum -c` reads them as is), paths
 * percent-encoded for CR, LF and %, in the order given.
 */
export function manifestText(lines: Array<[string, string]>): Buffer {
  return Buffer.from(lines.map(([hex, path]) => `${hex}  ${encodeManifestPath(path)}\n`).join(''), 'utf8')
}

const COMPUTED_LABELS = new Set(['payload-oxum', 'bag-size'])

/**
 * bag-info.txt from the caller's elements plus Bagging-Date (when the caller gave none),
 * Bag-Size and Payload-Oxum, which are always computed here. Multi-line values become
 * continuation lines. Throws EvidenceError('invalid-input') for a label or value that would not
 * read back unchanged.
 */
export function bagInfoText(
  entries: Array<[string, string]>,
  facts: { bytes: number; files: number; date: Date; timeZone?: string },
): Buffer {
  const out: Array<[string, string]> = entries.filter(
    ([label]) => !COMPUTED_LABELS.has(label.trim().toLowerCase()),
  )
  if (!out.some(([label]) => label.trim().toLowerCase() === 'bagging-date'))
    out.push(['Bagging-Date', calendarDate(facts.date, facts.timeZone)])
  out.push(['Bag-Size', formatBagSize(facts.bytes)])
  out.push(['Payload-Oxum', `${facts.bytes}.${facts.files}`])
  const lines: string[] = []
  for (const [label, value] of out) {
    if (label === '' || /[:\r\n]/.test(label) || label.trim() !== label) {
      throw new EvidenceError(
        'invalid-input',
        `"${label}" cannot be a bag-info.txt label: it must be non-empty, without colons or line breaks, and not start or end with a space.`,
      )
    }
    const valueLines = value.replace(/\r\n?/g, '\n').split('\n')
    if (valueLines.some((l) => /^[ \t]/.test(l))) {
      throw new EvidenceError(
        'invalid-input',
        `The bag-info.txt value of "${label}" has a line starting with a space or tab, which BagIt readers drop.`,
      )
    }
    lines.push(`${label}: ${valueLines.join('\n  ')}`)
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8')
}

/** YYYY-MM-DD of an instant in an IANA zone (UTC by default). */
export function calendarDate(date: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** Human size for Bag-Size, in decimal units as the RFC's examples ("42.6 GB"). */
export function formatBagSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`
  const units = ['KB', 'MB', 'GB', 'TB', 'PB']
  let value = bytes / 1000
  let i = 0
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000
    i++
  }
  return `${value.toFixed(1)} ${units[i]}`
}

/**
 * Checks a payload path (data/…) before writing: safe, portable to Windows, and not colliding
 * with an earlier path even by case or Unicode normalization (RFC 8493 §8.2).
 */
export function checkPayloadPath(path: string, taken: Set<string>): void {
  if (!path.startsWith('data/') || path.length <= 'data/'.length) {
    throw new EvidenceError('invalid-input', `Payload path "${path}" must be under data/.`)
  }
  checkPortable(path)
  const key = caseFoldKey(path)
  if (taken.has(key))
    throw new EvidenceError(
      'invalid-input',
      `Payload path "${path}" is already in the bag (names may not differ only by case or accents' encoding).`,
    )
  taken.add(key)
}

/** Checks an extra tag file path: safe, outside data/, not a name this writer or RFC 8493 reserves. */
export function checkTagPath(path: string, existing: Map<string, Buffer>): void {
  checkPortable(path)
  const top = path.split('/')[0]
  if (top === 'data' || path === 'fetch.txt' || manifestName(path) !== null || existing.has(path)) {
    throw new EvidenceError(
      'invalid-input',
      `Tag file "${path}" is reserved or already written; choose another name outside data/.`,
    )
  }
  const folded = caseFoldKey(path)
  for (const p of existing.keys()) {
    if (caseFoldKey(p) === folded)
      throw new EvidenceError(
        'invalid-input',
        `Tag file "${path}" collides with "${p}" on case-insensitive disks.`,
      )
  }
}

function checkPortable(path: string): void {
  const safe = checkSafePath(path)
  if (!safe.ok)
    throw new EvidenceError('invalid-input', `"${path}" cannot be a path in a bag: ${safe.reason}.`)
  const issue = portabilityIssue(path)
  if (issue) throw new EvidenceError('invalid-input', `"${path}" cannot be a path in a bag: ${issue}.`)
}
