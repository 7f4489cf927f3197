import {
  manifestName,
  parseFetch,
  parseManifest,
  supportedAlgorithm,
  type FetchEntry,
  type ManifestEntry,
  type ManifestKind,
} from './manifest'
import {
  bagInfoValues,
  compareVersion,
  decodeTagText,
  isSupportedEncoding,
  parseBagDeclaration,
  parseBagInfo,
} from './tag-file'
import type { BagAlgorithm, BagProblem, BagScan, BagSource } from './types'

/** Caps on tag files read into memory, so a hostile bag cannot exhaust it with a giant "manifest". */
const MAX_DECLARATION_BYTES = 64 << 10
const MAX_BAG_INFO_BYTES = 16 << 20
const MAX_MANIFEST_BYTES = 256 << 20

/** Problems (the bag is not valid) and warnings (it still is), collected in the order found. */
export class Report {
  readonly problems: BagProblem[] = []
  readonly warnings: BagProblem[] = []
  add(p: BagProblem[], w: BagProblem[] = []): void {
    this.problems.push(...p)
    this.warnings.push(...w)
  }
  problem(p: BagProblem): void {
    this.problems.push(p)
  }
  warn(w: BagProblem): void {
    this.warnings.push(w)
  }
  has(code: BagProblem['code']): boolean {
    return this.problems.some((p) => p.code === code)
  }
}

export interface ManifestModel {
  name: string
  kind: ManifestKind
  algorithm: BagAlgorithm
  entries: ManifestEntry[]
}

export interface BagModel {
  version: string | null
  /** version 1.0 or later: the stricter RFC 8493 rules apply */
  modern: boolean
  bagInfo: Array<[string, string]>
  oxum: { bytes: number; files: number } | null
  manifests: ManifestModel[]
  /** names of payload manifests, including those with algorithms we cannot compute */
  payloadManifestNames: string[]
  fetch: FetchEntry[]
  /** tag files already read for parsing, reused for hashing so that each file is read once */
  buffers: Map<string, Buffer>
}

/**
 * Reads and parses the tag files of a bag: bagit.txt, bag-info.txt, manifests, fetch.txt.
 * Returns null when the bag has no bag declaration to go on (not-a-bag).
 */
export async function readBagTags(
  source: BagSource,
  scan: BagScan,
  report: Report,
): Promise<BagModel | null> {
  const present = new Set(scan.files.map((f) => f.path))
  const buffers = new Map<string, Buffer>()
  const read = async (path: string, max: number): Promise<Buffer | null> => {
    try {
      const buf = await source.readFile(path, max)
      buffers.set(path, buf)
      return buf
    } catch (err) {
      report.problem({ code: 'io-error', path, message: `Cannot read ${path}: ${(err as Error).message}` })
      return null
    }
  }

  if (!present.has('bagit.txt')) {
    report.problem({
      code: 'not-a-bag',
      path: 'bagit.txt',
      message: 'There is no bagit.txt, so this is not a BagIt bag',
    })
    return null
  }
  const declBuf = await read('bagit.txt', MAX_DECLARATION_BYTES)
  if (!declBuf) return null
  const decl = parseBagDeclaration(declBuf)
  report.add(decl.problems, decl.warnings)
  const version = decl.version
  const modern = compareVersion(version, '1.0') >= 0
  if (decl.versionValid && compareVersion(version, '2.0') >= 0) {
    report.problem({
      code: 'bad-tag-file',
      path: 'bagit.txt',
      message: `BagIt-Version ${version} is newer than the 1.0 this verifier implements`,
    })
  }
  // With a missing or unusable encoding we still read on as UTF-8, to report everything else.
  const encoding = decl.encoding !== null && isSupportedEncoding(decl.encoding) ? decl.encoding : 'UTF-8'
  if (!scan.dirs.has('data'))
    report.problem({ code: 'not-a-bag', path: 'data', message: 'The bag has no data/ payload folder' })

  const readText = async (
    path: string,
    max: number,
    code: 'bad-tag-file' | 'bad-manifest',
  ): Promise<string | null> => {
    const buf = await read(path, max)
    if (!buf) return null
    const text = decodeTagText(buf, encoding)
    if (!text.ok) {
      report.problem({ code, path, message: `${path} cannot be decoded as ${encoding}: ${text.reason}` })
      return null
    }
    if (text.bom && /^UTF-?8$/i.test(encoding.trim())) {
      const w = {
        code,
        path,
        message: `${path} starts with a byte-order mark, which UTF-8 tag files must not have`,
      }
      if (modern) report.problem(w)
      else report.warn(w)
    }
    return text.text
  }

  let bagInfo: Array<[string, string]> = []
  let oxum: BagModel['oxum'] = null
  if (present.has('bag-info.txt')) {
    const text = await readText('bag-info.txt', MAX_BAG_INFO_BYTES, 'bad-tag-file')
    if (text !== null) {
      const parsed = parseBagInfo(text, version)
      report.add(parsed.problems, parsed.warnings)
      bagInfo = parsed.entries
      const values = bagInfoValues(bagInfo, 'Payload-Oxum')
      if (values.length > 1)
        report.problem({
          code: 'bad-tag-file',
          path: 'bag-info.txt',
          message: 'Payload-Oxum appears more than once',
        })
      if (values.length >= 1) {
        const m = /^(\d+)\.(\d+)$/.exec(values[0].trim())
        if (m) oxum = { bytes: Number(m[1]), files: Number(m[2]) }
        else
          report.problem({
            code: 'bad-tag-file',
            path: 'bag-info.txt',
            message: `Payload-Oxum "${values[0]}" is not "octets.files"`,
          })
      }
    }
  }

  const manifests: ManifestModel[] = []
  const payloadManifestNames: string[] = []
  const rootFiles = scan.files.filter((f) => !f.path.includes('/')).map((f) => f.path)
  for (const name of rootFiles.sort()) {
    const mn = manifestName(name)
    if (!mn) continue
    if (mn.kind === 'payload') payloadManifestNames.push(name)
    const algorithm = supportedAlgorithm(mn.algorithm)
    if (!algorithm) {
      report.problem({
        code: 'unsupported-algorithm',
        path: name,
        message: `${name} uses "${mn.algorithm}"; only md5, sha1, sha224, sha256, sha384 and sha512 can be verified`,
      })
      continue
    }
    const text = await readText(name, MAX_MANIFEST_BYTES, 'bad-manifest')
    if (text === null) continue
    const parsed = parseManifest(text, name, mn.kind, algorithm, {
      preRfcVersion: version !== null && compareVersion(version, '0.97') < 0,
    })
    report.add(parsed.problems, parsed.warnings)
    manifests.push({ name, kind: mn.kind, algorithm, entries: parsed.entries })
  }
  if (payloadManifestNames.length === 0) {
    report.problem({
      code: 'bad-manifest',
      message: 'The bag has no payload manifest (manifest-<algorithm>.txt)',
    })
  }

  let fetch: FetchEntry[] = []
  if (present.has('fetch.txt')) {
    const text = await readText('fetch.txt', MAX_MANIFEST_BYTES, 'bad-manifest')
    if (text !== null) {
      const parsed = parseFetch(text)
      report.add(parsed.problems)
      fetch = parsed.entries
    }
  }
  return { version, modern, bagInfo, oxum, manifests, payloadManifestNames, fetch, buffers }
}
