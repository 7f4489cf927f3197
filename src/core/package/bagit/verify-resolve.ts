import { printable } from './manifest'
import { caseFoldKey, isSystemFile, normalizationKey } from './safe-path'
import type { BagModel, Report } from './verify-tags'
import type { BagAlgorithm, BagFileEntry } from './types'

/** One checksum a file must match, and where it was declared. */
export interface Expectation {
  algorithm: BagAlgorithm
  checksum: string
  manifest: string
}

export interface Resolution {
  /** actual file path → checksums it must match */
  expected: Map<string, Expectation[]>
}

/**
 * Matches every manifest entry to a file that exists, checks duplicates, missing and extra files,
 * manifest coverage and Payload-Oxum. Names that differ from the file only by Unicode
 * normalization are accepted with a warning, as RFC 8493 §8.2 recommends; a case-only twin is
 * accepted only when the manifest also lists the real name (a bag made on a case-insensitive disk).
 */
export function resolveManifests(model: BagModel, files: BagFileEntry[], report: Report): Resolution {
  const exact = new Set(files.map((f) => f.path))
  const byNfc = groupBy(files, (f) => normalizationKey(f.path))
  const byFold = groupBy(files, (f) => caseFoldKey(f.path))
  const fetchPaths = new Set(model.fetch.map((f) => f.path))
  const expected = new Map<string, Expectation[]>()
  const payloadListing = new Map<string, Set<string>>()

  for (const m of model.manifests) {
    const seen = new Map<string, string>()
    for (const e of m.entries) {
      const prev = seen.get(e.path)
      if (prev === undefined) {
        seen.set(e.path, e.checksum)
      } else if (model.modern || prev !== e.checksum) {
        report.problem({
          code: 'duplicate-entry',
          path: e.path,
          message: `${m.name} lists "${printable(e.path)}" more than once${prev !== e.checksum ? ' with different checksums' : ''}`,
        })
      } else {
        report.warn({
          code: 'duplicate-entry',
          path: e.path,
          message: `${m.name} lists "${printable(e.path)}" twice with the same checksum`,
        })
      }
    }
    const listed = new Set<string>()
    const foldedListed = new Set([...seen.keys()].map(normalizationKey))
    for (const [path, checksum] of seen) {
      let actual: string | null = null
      if (exact.has(path)) {
        actual = path
      } else {
        const nfc = byNfc.get(normalizationKey(path))
        const folded = byFold.get(caseFoldKey(path))
        if (nfc && nfc.length === 1) {
          actual = nfc[0]
          report.warn({
            code: 'missing-file',
            path,
            message: `${m.name} names "${printable(path)}" in a different Unicode normalization than the file on disk; matched by normalized name`,
          })
        } else if (folded && folded.length === 1 && foldedListed.has(normalizationKey(folded[0]))) {
          actual = folded[0]
          report.warn({
            code: 'duplicate-entry',
            path,
            message: `${m.name} lists "${printable(path)}" and "${printable(folded[0])}", which differ only in case; treated as one file, as on a case-insensitive disk`,
          })
        }
      }
      if (actual === null) {
        const why = fetchPaths.has(path)
          ? ' (it is listed in fetch.txt; fetching is never done during verification)'
          : ''
        report.problem({
          code: 'missing-file',
          path,
          message: `"${printable(path)}" is listed in ${m.name} but is not in the bag${why}`,
        })
        continue
      }
      listed.add(actual)
      const list = expected.get(actual) ?? []
      list.push({ algorithm: m.algorithm, checksum, manifest: m.name })
      expected.set(actual, list)
    }
    if (m.kind === 'payload') payloadListing.set(m.name, listed)
  }

  checkPayloadCoverage(model, files, payloadListing, report)
  checkTagManifests(model, report)
  checkFetch(model, report)
  return { expected }
}

function checkPayloadCoverage(
  model: BagModel,
  files: BagFileEntry[],
  listing: Map<string, Set<string>>,
  report: Report,
): void {
  const payload = files.filter((f) => f.path.startsWith('data/'))
  // Manifests with algorithms we cannot compute still count as "a manifest" for coverage,
  // but we cannot say what they list, so coverage is judged on the ones we parsed.
  const names = [...listing.keys()]
  for (const f of payload) {
    const missingFrom = names.filter((n) => !listing.get(n)?.has(f.path))
    if (names.length > 0 && missingFrom.length === names.length) {
      report.problem({
        code: 'extra-file',
        path: f.path,
        message: `"${printable(f.path)}" is in data/ but in no payload manifest`,
      })
    } else if (missingFrom.length > 0) {
      const message = `"${printable(f.path)}" is not listed in ${missingFrom.join(', ')}`
      // RFC 8493 §3: 1.0 requires every manifest to list every payload file; older versions did not.
      if (model.modern) report.problem({ code: 'extra-file', path: f.path, message })
      else report.warn({ code: 'extra-file', path: f.path, message })
    }
    if (isSystemFile(f.path)) {
      report.warn({
        code: 'extra-file',
        path: f.path,
        message: `"${printable(f.path)}" is an operating-system artefact (.DS_Store, Thumbs.db, …), usually not evidence`,
      })
    }
  }
  for (const group of groupBy(payload, (f) => caseFoldKey(f.path)).values()) {
    if (group.length > 1) {
      report.warn({
        code: 'duplicate-entry',
        path: group[0],
        message: `Payload files ${group.map((p) => `"${printable(p)}"`).join(', ')} differ only in case or normalization; they collide on Windows and macOS`,
      })
    }
  }
  if (model.oxum) {
    const bytes = payload.reduce((s, f) => s + f.size, 0)
    if (model.oxum.bytes !== bytes || model.oxum.files !== payload.length) {
      report.problem({
        code: 'oxum-mismatch',
        path: 'bag-info.txt',
        message: `Payload-Oxum says ${model.oxum.bytes} bytes in ${model.oxum.files} files, but data/ holds ${bytes} bytes in ${payload.length} files`,
      })
    }
  }
}

function checkTagManifests(model: BagModel, report: Report): void {
  for (const m of model.manifests.filter((x) => x.kind === 'tag')) {
    const listed = new Set(m.entries.map((e) => e.path))
    for (const pm of model.payloadManifestNames) {
      if (listed.has(pm)) continue
      const p = {
        code: 'bad-manifest' as const,
        path: m.name,
        message: `${m.name} does not list payload manifest ${pm}`,
      }
      if (model.modern) report.problem(p)
      else report.warn(p)
    }
    for (const e of m.entries) {
      if (/^tagmanifest-[A-Za-z0-9]+\.txt$/.test(e.path)) {
        report.warn({
          code: 'bad-manifest',
          path: m.name,
          message: `${m.name} lists tag manifest ${e.path}, which RFC 8493 forbids`,
        })
      }
    }
  }
}

function checkFetch(model: BagModel, report: Report): void {
  if (model.fetch.length === 0) return
  const inManifests = new Set(
    model.manifests.filter((m) => m.kind === 'payload').flatMap((m) => m.entries.map((e) => e.path)),
  )
  for (const f of model.fetch) {
    if (!inManifests.has(f.path)) {
      report.problem({
        code: 'bad-manifest',
        path: 'fetch.txt',
        message: `fetch.txt line ${f.line} lists "${printable(f.path)}", which no payload manifest lists`,
      })
    }
  }
}

function groupBy(files: BagFileEntry[], key: (f: BagFileEntry) => string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const f of files) {
    const k = key(f)
    const list = map.get(k)
    if (list) list.push(f.path)
    else map.set(k, [f.path])
  }
  return map
}
