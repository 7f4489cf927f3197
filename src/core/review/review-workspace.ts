/**
 * Reviewer mode's session: a verified package, and a read-only view of its case built in a
 * temporary folder (case.sqlite plus re-creatable pictures). Originals are served from the
 * package in place. Disposing removes the temporary folder; the package is never written.
 */
import type { MediaGuard } from '../api/media-response'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CaseFile, type Clock } from '../case/case-file'
import { caseLayout } from '../case/layout'
import { getItem } from '../evidence/item-repository'
import { setOriginalReader, type OriginalReader } from '../evidence/original-bytes'
import { EvidenceError } from '../errors'
import type { BagSource } from '../package/bagit'
import type { CaseJson, ItemCheck, PackageVerdict } from '../../shared/package-types'
import type { CustodyEvent, DerivedRole } from '../../shared/types'
import { itemChecks } from './item-checks'
import { locateOriginals, type OriginalLocation } from './package-originals'
import { writeReviewDatabase } from './review-database'
import { linkFolderOriginals, makeReviewPictures, originalText } from './review-derived'
import { derivedMediaFile } from '../evidence/derived-media'

/** What verifying a custody package yields (verifyCustodyPackage). */
export interface VerifiedPackage {
  verdict: PackageVerdict
  caseJson: CaseJson | null
  custodyEvents: CustodyEvent[]
}

/** A file a media URL serves; `slice` is a byte range of it (a stored entry inside a ZIP). */
export interface MediaFile {
  path: string
  mime: string
  slice?: { start: number; size: number }
  /** what the served file must still be (media-response.ts) */
  guard?: MediaGuard
}

export interface BuildOptions {
  clock: Clock
  /** parent of the temporary workspace folder; default: the system temp folder */
  tempRoot?: string
  signal?: AbortSignal
  onItem?: (path: string) => void
  nativeBinding?: string
}

export class ReviewWorkspace {
  private disposed = false
  private checks: Record<string, ItemCheck> | null = null

  private constructor(
    /** the package ZIP or bag folder, absolute */
    readonly packagePath: string,
    private readonly source: BagSource,
    readonly verified: VerifiedPackage,
    /** sha256 of tagmanifest-sha256.txt: names this package's review file */
    readonly reviewKey: string,
    /** the temporary folder, null when the package holds no readable case */
    readonly dir: string | null,
    /** the case, open read-only; null when the package holds no readable case */
    readonly file: CaseFile | null,
    private readonly originals: Map<string, OriginalLocation>,
  ) {}

  /**
   * Builds the read-only case of a verified package. Takes ownership of `source` (closed by
   * dispose). A package without a readable case.json still gives a workspace, with no case, so
   * the reviewer sees the verdict. On any failure the temporary folder is removed.
   */
  static async build(
    packagePath: string,
    source: BagSource,
    verified: VerifiedPackage,
    opts: BuildOptions,
  ): Promise<ReviewWorkspace> {
    const reviewKey = await packageKey(source, packagePath)
    const cj = verified.caseJson
    if (!cj)
      return new ReviewWorkspace(resolve(packagePath), source, verified, reviewKey, null, null, new Map())
    const dir = await mkdtemp(join(opts.tempRoot ?? tmpdir(), 'evidesk-review-'))
    let file: CaseFile | null = null
    try {
      const originals = await locateOriginals(source, cj.evidence)
      if (source.kind === 'folder') await linkFolderOriginals(dir, cj.evidence, originals)
      const texts = new Map<string, string>()
      for (const e of cj.evidence) {
        const text = await originalText(source, e)
        if (text) texts.set(e.id, text)
      }
      writeReviewDatabase(
        caseLayout(dir).db,
        cj,
        verified.custodyEvents,
        verified.verdict,
        opts.clock(),
        texts,
      )
      // Writable only while the pictures are recorded; the reviewer gets it read-only.
      const building = CaseFile.open(dir, { nativeBinding: opts.nativeBinding })
      const reader = zipOriginalReader(source, cj)
      if (reader) setOriginalReader(building, reader)
      try {
        await makeReviewPictures(building, source, cj.evidence, originals, opts.signal, (e) =>
          opts.onItem?.(e.path),
        )
      } finally {
        building.close()
      }
      if (opts.signal?.aborted) throw new Error('cancelled')
      file = CaseFile.open(dir, { readOnly: true, nativeBinding: opts.nativeBinding })
      if (reader) setOriginalReader(file, reader)
      return new ReviewWorkspace(resolve(packagePath), source, verified, reviewKey, dir, file, originals)
    } catch (err) {
      file?.close()
      await rm(dir, { recursive: true, force: true })
      throw err
    }
  }

  get verdict(): PackageVerdict {
    return this.verified.verdict
  }

  get caseJson(): CaseJson | null {
    return this.verified.caseJson
  }

  /** per evidence item id, what the verification found about its file (worked out once) */
  get itemChecks(): Record<string, ItemCheck> {
    this.checks ??= itemChecks(this.verified.verdict, this.verified.caseJson)
    return this.checks
  }

  /**
   * The bytes behind a media URL: an original from the package in place (a file of the bag
   * folder, or a byte range of the ZIP), or a derived picture in the workspace. Null for anything
   * not recorded in the case.
   */
  mediaFile(itemId: string, role: 'original' | DerivedRole): MediaFile | null {
    const file = this.file
    if (!file || this.disposed) return null
    const item = getItem(file.db, itemId)
    if (!item || item.id !== itemId) return null
    if (role === 'original') {
      const loc = this.originals.get(item.id)
      if (!loc) return null
      // the file (or the ZIP) as verified: another put in its place since is refused (item 12)
      if (loc.kind === 'file') return { path: loc.path, mime: item.mime, guard: { identity: loc.identity } }
      if (loc.kind === 'zip-range')
        return {
          path: loc.zipPath,
          mime: item.mime,
          slice: { start: loc.start, size: loc.size },
          guard: { identity: loc.identity },
        }
      return null // a compressed entry cannot be served by range; our packages store entries
    }
    const derived = derivedMediaFile(file.dir, file.db, item, role)
    return derived && { ...derived, guard: { root: file.dir } }
  }

  /** Reads a package file (e.g. a transfer document) by its bag path; bounded. */
  readPackageFile(bagPath: string, maxBytes = 32 * 1024 * 1024): Promise<Buffer> {
    return this.source.readFile(bagPath, maxBytes)
  }

  /** Closes the case and the package and removes the temporary folder. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    this.file?.close()
    await this.source.close()
    if (this.dir) await rm(this.dir, { recursive: true, force: true })
  }
}

/** sha256 of the package's tagmanifest-sha256.txt, or of its path when it has none. */
async function packageKey(source: BagSource, packagePath: string): Promise<string> {
  const tagManifest = await source.readFile('tagmanifest-sha256.txt', 4 * 1024 * 1024).catch(() => null)
  return createHash('sha256')
    .update(tagManifest ?? `path:${resolve(packagePath)}`)
    .digest('hex')
}

/**
 * For a ZIP package: the views that parse a whole original (monitoring chart, thermal frame) read
 * its bytes from the stored entry, bounded, instead of from a file. A bag folder needs none: its
 * originals are linked into the workspace.
 */
function zipOriginalReader(source: BagSource, cj: CaseJson): OriginalReader | null {
  if (source.kind !== 'zip') return null
  const bagPaths = new Map(cj.evidence.map((e) => [e.id, e.path]))
  return async (item, maxBytes) => {
    const bagPath = bagPaths.get(item.id)
    if (!bagPath) throw new EvidenceError('not-found', `${item.number} is not in the package under review.`)
    return source.readFile(bagPath, maxBytes)
  }
}
