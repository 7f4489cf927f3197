import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import * as yauzl from 'yauzl'
import { EvidenceError } from '../../errors'
import type { ChunkConsumer } from '../../util/chunk-io'
import { checkSafePath } from './safe-path'
import { MAX_BAG_ENTRIES, readAllBounded } from './source-util'
import type { BagFileEntry, BagProblem, BagScan, BagSource } from './types'
import { checkZipLayout, readZipEnd } from './zip-layout'
import { decodeZipEntryName, nameDecodingWarning, type ZipNameDecoding } from './zip-names'

/** The first `end` bytes of a file, for a ZIP followed by bytes that are not part of it. */
class FilePrefixReader extends yauzl.RandomAccessReader {
  constructor(private readonly path: string) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return createReadStream(this.path, { start, end: end - 1 })
  }
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000
const HOST_UNIX = 3

interface ZipItem {
  entry: yauzl.Entry
  /** bag-relative path */
  path: string
}

/**
 * Opens a ZIP in place and reads its central directory (names, sizes, types). Entry data is only
 * ever streamed through openRead; nothing is extracted. Throws EvidenceError('invalid-input')
 * for a corrupt ZIP.
 */
export async function openZipBagSource(location: string): Promise<ZipBagSource> {
  const fh = await open(location, 'r').catch((err: unknown) => {
    throw new EvidenceError('invalid-input', `Cannot open ${location} for reading.`, { cause: err })
  })
  try {
    return await readZipBag(location, fh)
  } finally {
    await fh.close()
  }
}

async function readZipBag(location: string, fh: Awaited<ReturnType<typeof open>>): Promise<ZipBagSource> {
  const fileSize = (await fh.stat()).size
  const end = await readZipEnd(fh, fileSize)
  // decodeStrings:false so that a hostile name is reported as a problem instead of aborting
  // the listing; we decode and check every name ourselves.
  const options = { autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }
  let zip: yauzl.ZipFile
  try {
    // Bytes after the end record are reported below; the ZIP itself is read without them.
    zip =
      end && end.end < fileSize
        ? await yauzl.fromRandomAccessReaderPromise(new FilePrefixReader(location), end.end, options)
        : await yauzl.openPromise(location, options)
  } catch (err) {
    throw new EvidenceError(
      'invalid-input',
      `${location} is not a readable ZIP file: ${(err as Error).message}`,
      { cause: err },
    )
  }
  if (zip.entryCount > MAX_BAG_ENTRIES) {
    zip.close()
    throw new EvidenceError(
      'invalid-input',
      `${location} has ${zip.entryCount} entries, more than the ${MAX_BAG_ENTRIES} a bag may have.`,
    )
  }
  const raw: Array<{ entry: yauzl.Entry; name: string }> = []
  const decodings: ZipNameDecoding[] = []
  try {
    for await (const entry of zip.eachEntry()) {
      const { name, decoding } = decodeZipEntryName(entry)
      decodings.push(decoding)
      raw.push({ entry, name })
    }
  } catch (err) {
    zip.close()
    throw new EvidenceError(
      'invalid-input',
      `${location} has a damaged central directory: ${(err as Error).message}`,
      { cause: err },
    )
  }
  const layout = end ? await checkZipLayout(fh, fileSize, end, raw) : []
  const source = new ZipBagSource(location, zip, raw, layout)
  source.noteNameDecoding(nameDecodingWarning(decodings))
  return source
}

/** A bag inside a ZIP, rooted at the ZIP root or at its single top-level folder. */
export class ZipBagSource implements BagSource {
  readonly kind = 'zip' as const
  readonly root: string
  private readonly items = new Map<string, ZipItem>()
  private readonly scanResult: BagScan

  constructor(
    readonly location: string,
    private readonly zip: yauzl.ZipFile,
    raw: Array<{ entry: yauzl.Entry; name: string }>,
    /** where the ZIP's bytes and headers disagree (zip-layout.ts) */
    layoutProblems: BagProblem[] = [],
  ) {
    const problems: BagProblem[] = [...layoutProblems]
    const warnings: BagProblem[] = []
    const safe: Array<{ entry: yauzl.Entry; name: string; isDir: boolean }> = []
    let finderJunk = false
    for (const { entry, name } of raw) {
      // macOS Finder adds __MACOSX/ (resource forks) to every ZIP it makes; it is not part of the bag.
      if (name.startsWith('__MACOSX/')) {
        if (!finderJunk)
          warnings.push({
            code: 'extra-file',
            path: '__MACOSX/',
            message: 'The ZIP has a __MACOSX/ folder (added by macOS Finder); it was ignored',
          })
        finderJunk = true
        continue
      }
      const isDirName = name.endsWith('/')
      const bare = isDirName ? name.slice(0, -1) : name
      const check = checkSafePath(bare)
      if (!check.ok) {
        problems.push({
          code: 'unsafe-path',
          path: name,
          message: `ZIP entry "${name}" would be written outside the bag (${check.reason})`,
        })
        continue
      }
      const type = entryType(entry)
      if (type === S_IFLNK) {
        problems.push({
          code: 'unsafe-path',
          path: name,
          message: `ZIP entry "${name}" is a symbolic link; links are refused inside a bag`,
        })
        continue
      }
      if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
        problems.push({
          code: 'unsafe-path',
          path: name,
          message: `ZIP entry "${name}" is a device, FIFO or socket, not a regular file`,
        })
        continue
      }
      safe.push({ entry, name: bare, isDir: isDirName || type === S_IFDIR })
    }
    problems.push(
      ...findOverlaps(
        raw.map((r) => r.entry),
        zip,
      ),
    )

    this.root = detectRoot(safe.map((s) => (s.isDir ? `${s.name}/` : s.name)))
    const dirs = new Set<string>([''])
    const files: Array<BagFileEntry & { offset: number }> = []
    for (const { entry, name, isDir } of safe) {
      if (this.root && !name.startsWith(this.root) && `${name}/` !== this.root) continue
      const path = name.slice(this.root.length)
      if (path === '') continue
      addAncestors(dirs, path)
      if (isDir) {
        dirs.add(path)
        continue
      }
      if (this.items.has(path)) {
        problems.push({
          code: 'duplicate-entry',
          path,
          message: `The ZIP holds "${path}" more than once; which copy is meant is ambiguous`,
        })
        continue
      }
      if (entry.isEncrypted()) {
        problems.push({
          code: 'io-error',
          path,
          message: `ZIP entry "${path}" is encrypted and cannot be verified`,
        })
      } else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        problems.push({
          code: 'io-error',
          path,
          message: `ZIP entry "${path}" uses compression method ${entry.compressionMethod}, which cannot be read`,
        })
      }
      this.items.set(path, { entry, path })
      files.push({ path, size: entry.uncompressedSize, offset: entry.relativeOffsetOfLocalHeader })
    }
    // Reading in offset order keeps the ZIP read sequential.
    files.sort((a, b) => a.offset - b.offset)
    this.scanResult = { files: files.map(({ path, size }) => ({ path, size })), dirs, problems, warnings }
  }

  /** Says how names without the UTF-8 flag were read (zip-names.ts). */
  noteNameDecoding(message: string | null): void {
    if (message) this.scanResult.warnings.unshift({ code: 'name-encoding', message })
  }

  scan(): Promise<BagScan> {
    return Promise.resolve(this.scanResult)
  }

  list(): Promise<BagFileEntry[]> {
    return Promise.resolve(this.scanResult.files)
  }

  async openRead(path: string): Promise<Readable> {
    const item = this.items.get(path)
    if (!item) throw new EvidenceError('not-found', `"${path}" is not a file in the ZIP ${this.location}.`)
    try {
      // yauzl checks the inflated byte count against the central directory, so a lying
      // deflate bomb fails after at most its declared size.
      return await this.zip.openReadStreamPromise(item.entry)
    } catch (err) {
      throw new EvidenceError(
        'io-error',
        `Cannot read "${path}" from ${this.location}: ${(err as Error).message}`,
        { cause: err },
      )
    }
  }

  async readChunks(path: string, consume: ChunkConsumer): Promise<number> {
    const stream = await this.openRead(path)
    let total = 0
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length
        const held = await consume(chunk)
        if (held) await held.release
      }
    } catch (err) {
      stream.destroy()
      throw err
    }
    return total
  }

  readFile(path: string, maxBytes: number): Promise<Buffer> {
    return readAllBounded(this, path, maxBytes)
  }

  close(): Promise<void> {
    if (this.zip.isOpen) this.zip.close()
    return Promise.resolve()
  }
}

/** The file type bits of a Unix-made entry, or 0 when the ZIP was made elsewhere. */
function entryType(entry: yauzl.Entry): number {
  if (entry.versionMadeBy >> 8 !== HOST_UNIX) return 0
  return (entry.externalFileAttributes >>> 16) & S_IFMT
}

/**
 * The bag root inside the ZIP: the ZIP root when it holds bagit.txt, else the single top-level
 * folder when every entry is under one, else the ZIP root (which then fails as not-a-bag).
 */
function detectRoot(names: string[]): string {
  if (names.includes('bagit.txt')) return ''
  const tops = new Set<string>()
  for (const n of names) {
    const slash = n.indexOf('/')
    if (slash < 0) return ''
    tops.add(n.slice(0, slash))
  }
  return tops.size === 1 ? `${[...tops][0]}/` : ''
}

function addAncestors(dirs: Set<string>, path: string): void {
  let i = path.lastIndexOf('/')
  while (i > 0) {
    const dir = path.slice(0, i)
    if (dirs.has(dir)) return
    dirs.add(dir)
    i = dir.lastIndexOf('/')
  }
}

/**
 * Entries whose data overlap another entry's are the signature of a "non-recursive" ZIP bomb,
 * where a small file expands to terabytes because every entry re-reads the same bytes.
 */
function findOverlaps(entries: yauzl.Entry[], zip: yauzl.ZipFile): BagProblem[] {
  const sorted = entries
    .filter((e) => !e.fileNameRaw.toString('latin1').endsWith('/'))
    .sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]
    // 30 bytes of local header is the least an entry occupies before its data.
    const end = e.relativeOffsetOfLocalHeader + 30 + e.compressedSize
    const next = i + 1 < sorted.length ? sorted[i + 1].relativeOffsetOfLocalHeader : zip.fileSize
    if (end > next) {
      return [
        {
          code: 'unsafe-path',
          message: `ZIP entries overlap at offset ${e.relativeOffsetOfLocalHeader}; this is how ZIP bombs are built, so the ZIP is refused`,
        },
      ]
    }
  }
  return []
}
