import { escapeControls } from '../../../shared/printable-text'
import { checkSafePath } from './safe-path'
import { splitLines } from './tag-file'
import { HEX_LENGTH, isBagAlgorithm, type BagAlgorithm, type BagProblem } from './types'

/** One "checksum filepath" line, with the path decoded and made canonical. */
export interface ManifestEntry {
  /** lower-case hex */
  checksum: string
  /** bag-relative path after removing "./" and percent-decoding CR, LF and % */
  path: string
  /** 1-based line number, for messages */
  line: number
}

export interface ManifestParse {
  entries: ManifestEntry[]
  problems: BagProblem[]
  warnings: BagProblem[]
}

export type ManifestKind = 'payload' | 'tag'

/** Manifest file names at the bag root: manifest-<alg>.txt and tagmanifest-<alg>.txt (RFC 8493 §2.1.3, §2.2.1). */
export function manifestName(name: string): { kind: ManifestKind; algorithm: string } | null {
  const m = /^(tag)?manifest-([A-Za-z0-9]+)\.txt$/.exec(name)
  if (!m) return null
  return { kind: m[1] ? 'tag' : 'payload', algorithm: m[2] }
}

/**
 * Reverses RFC 8493 §2.1.3 percent-encoding of a filepath. Only %0D, %0A and %25 are encoded by
 * the spec, so any other "%xx" is a literal part of the name (the conformance suite has such names).
 */
export function decodeManifestPath(path: string): string {
  return path.replace(/%(0[dD]|0[aA]|25)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** Encodes a path for a manifest or fetch.txt line: CR, LF and % only (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * Parses a payload or tag manifest. Malformed lines, wrong checksum lengths and unsafe paths are
 * problems; the md5sum "*" binary marker and a "./" prefix are accepted with a warning (§8.3).
 * Duplicate paths are left to the caller, which knows the bag version.
 */
export function parseManifest(
  text: string,
  fileName: string,
  kind: ManifestKind,
  algorithm: BagAlgorithm,
  /** the bag declares a BagIt version before 0.97, which let payload manifests list tag files */
  opts: { preRfcVersion?: boolean } = {},
): ManifestParse {
  const entries: ManifestEntry[] = []
  const problems: BagProblem[] = []
  const warnings: BagProblem[] = []
  const hexLength = HEX_LENGTH[algorithm]
  let starWarned = false
  let dotWarned = false
  splitLines(text).forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') {
      warnings.push({ code: 'bad-manifest', path: fileName, message: `${fileName} line ${line} is empty` })
      return
    }
    const m = /^([0-9A-Fa-f]+)([ \t]+)(.*)$/.exec(raw)
    if (!m || m[3] === '') {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line} is not "checksum filepath"`,
      })
      return
    }
    const checksum = m[1].toLowerCase()
    let path = m[3]
    if (checksum.length !== hexLength) {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line}: a ${algorithm} checksum has ${hexLength} hex digits, not ${checksum.length}`,
      })
      return
    }
    // md5sum writes "<hash> *<path>" in binary mode; the "*" is not part of the name.
    if (m[2] === ' ' && path.startsWith('*')) {
      path = path.slice(1)
      if (!starWarned) {
        warnings.push({
          code: 'bad-manifest',
          path: fileName,
          message: `${fileName} uses the md5sum binary-mode marker "*"; strict BagIt validators reject this`,
        })
        starWarned = true
      }
    }
    path = decodeManifestPath(path)
    if (path.startsWith('./')) {
      while (path.startsWith('./')) path = path.slice(2)
      if (!dotWarned) {
        warnings.push({
          code: 'bad-manifest',
          path: fileName,
          message: `${fileName} has paths starting with "./"; strict BagIt validators reject this`,
        })
        dotWarned = true
      }
    }
    const safe = checkSafePath(path)
    if (!safe.ok) {
      problems.push({
        code: 'unsafe-path',
        path: fileName,
        message: `${fileName} line ${line} points outside the bag (${safe.reason}): "${printable(path)}"`,
      })
      return
    }
    const inPayload = path.startsWith('data/')
    if (kind === 'payload' && !inPayload && opts.preRfcVersion) {
      // BagIt 0.96 and earlier did not yet say "MUST NOT reference files outside the payload
      // directory" (0.97 drafts, RFC 8493 §2.1.3); bagit-python and bagit-java accept such bags.
      warnings.push({
        code: 'manifest-outside-payload',
        path: fileName,
        message: `${fileName} line ${line} lists "${printable(path)}", which is not under data/; BagIt 0.97 and later forbid this (RFC 8493 §2.1.3), this bag declares an earlier version, so the file is checked as listed`,
      })
    } else if (kind === 'payload' && !inPayload) {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line} lists "${printable(path)}", which is not under data/`,
      })
      return
    }
    if (kind === 'tag' && inPayload) {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line} lists payload file "${printable(path)}"; tag manifests list tag files only`,
      })
      return
    }
    entries.push({ checksum, path, line })
  })
  return { entries, problems, warnings }
}

export interface FetchEntry {
  url: string
  /** declared length in bytes, or null for "-" */
  length: number | null
  path: string
  line: number
}

/** Parses fetch.txt ("url length filepath"); nothing is ever fetched, paths are only checked. */
export function parseFetch(
  text: string,
  fileName = 'fetch.txt',
): { entries: FetchEntry[]; problems: BagProblem[] } {
  const entries: FetchEntry[] = []
  const problems: BagProblem[] = []
  splitLines(text).forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') return
    const m = /^(\S+)[ \t]+(\d+|-)[ \t]+(.+)$/.exec(raw)
    if (!m) {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line} is not "url length filepath"`,
      })
      return
    }
    const path = decodeManifestPath(m[3])
    const safe = checkSafePath(path)
    if (!safe.ok) {
      problems.push({
        code: 'unsafe-path',
        path: fileName,
        message: `${fileName} line ${line} points outside the bag (${safe.reason}): "${printable(path)}"`,
      })
      return
    }
    if (!path.startsWith('data/')) {
      problems.push({
        code: 'bad-manifest',
        path: fileName,
        message: `${fileName} line ${line} lists "${printable(path)}"; fetch.txt may list payload files only`,
      })
      return
    }
    entries.push({ url: m[1], length: m[2] === '-' ? null : Number(m[2]), path, line })
  })
  return { entries, problems }
}

/** The algorithm of a manifest name, or null (with the reason) when we cannot compute it. */
export function supportedAlgorithm(algorithm: string): BagAlgorithm | null {
  const lower = algorithm.toLowerCase()
  return isBagAlgorithm(lower) && lower === algorithm ? lower : null
}

/** A path made safe to print: control characters shown as escapes. */
export function printable(path: string): string {
  return escapeControls(path)
}
