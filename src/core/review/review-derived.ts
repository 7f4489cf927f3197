/**
 * Pictures and text the viewers need, made again in the review workspace from the package's
 * originals. They are not evidence and never go back into the package. Cheap ones (thumbnails,
 * previews, posters, thermal frames, transcript text) are made when the package opens.
 */
import { mkdir, symlink } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { setDerived } from '../evidence/item-repository'
import type { PictureSource } from '../evidence/kinds/kind-module'
import { kindModule } from '../evidence/kinds/registry'
import type { BagSource } from '../package/bagit'
import type { PackageEvidence } from '../../shared/package-types'
import type { DerivedRole } from '../../shared/types'
import type { OriginalLocation } from './package-originals'

const MAX_TEXT_BYTES = 64 * 1024 * 1024
const MAX_IMAGE_BYTES = 512 * 1024 * 1024

/**
 * For a bag folder: objects/sha256/… in the workspace become symlinks to the package's files, so
 * every reader that opens an original by its object path reads the package in place.
 */
export async function linkFolderOriginals(
  workspaceDir: string,
  evidence: PackageEvidence[],
  where: Map<string, OriginalLocation>,
): Promise<void> {
  for (const e of evidence) {
    const loc = where.get(e.id)
    if (loc?.kind !== 'file') continue
    const target = objectPath(workspaceDir, e.sha256)
    await mkdir(dirname(target), { recursive: true })
    await symlink(loc.path, target).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err
    })
  }
}

/** The normalised text of an item whose kind indexes text (transcripts, text documents), as the import indexed it. */
export async function originalText(source: BagSource, e: PackageEvidence): Promise<string> {
  const indexText = kindModule(e.kind).indexText
  if (!indexText || e.size > MAX_TEXT_BYTES) return ''
  try {
    // in the decoding the package records (the officer may have chosen it): quotes count in that text
    const recorded = (e.meta as { encoding?: unknown }).encoding
    const encoding = typeof recorded === 'string' ? recorded : null
    return await indexText(await source.readFile(e.path, MAX_TEXT_BYTES), e.mime, encoding)
  } catch {
    return '' // the summary already names a missing or unreadable file
  }
}

/**
 * Each item's pictures (thumbnails, previews, posters, waveforms) by its kind's module, and what
 * the kind prepares for review (thermal frames). A picture that cannot be made leaves the item
 * without one; never throws.
 */
export async function makeReviewPictures(
  file: CaseFile,
  source: BagSource,
  evidence: PackageEvidence[],
  where: Map<string, OriginalLocation>,
  signal?: AbortSignal,
  onItem?: (e: PackageEvidence) => void,
): Promise<void> {
  for (const e of evidence) {
    if (signal?.aborted) return
    onItem?.(e)
    const loc = where.get(e.id)
    if (!loc) continue
    const mod = kindModule(e.kind)
    try {
      if (mod.pictures) {
        const src = await pictureSource(file, source, e, loc, mod.pictures.fromZip)
        if (src) {
          const made = await mod.pictures.make(src, derivedDir(file.dir, e.sha256), { signal })
          for (const [role, path] of Object.entries(made.files))
            setDerived(file.db, e.id, role as DerivedRole, 'ready', relative(file.dir, path))
        }
      }
      if (mod.prepareForReview) {
        const original = await pictureSource(file, source, e, loc, 'range')
        await mod.prepareForReview(file, e.id, original && 'path' in original ? original : null, { signal })
      }
    } catch {
      // a picture is a convenience; the viewer shows the item without one
    }
  }
}

/** The original as the kind's pictures read it: the linked file, a ZIP byte range for ffmpeg, or its bytes. */
async function pictureSource(
  file: CaseFile,
  source: BagSource,
  e: PackageEvidence,
  loc: OriginalLocation,
  fromZip: 'range' | 'bytes',
): Promise<PictureSource | null> {
  if (loc.kind === 'file') return { path: objectPath(file.dir, e.sha256) }
  // ffmpeg's subfile protocol reads the stored entry's bytes straight from the ZIP.
  if (loc.kind === 'zip-range' && fromZip === 'range')
    return { path: `subfile,,start,${loc.start},end,${loc.start + loc.size},,:${loc.zipPath}` }
  if (fromZip === 'bytes' && e.size <= MAX_IMAGE_BYTES)
    return { bytes: await source.readFile(e.path, MAX_IMAGE_BYTES) }
  return null
}
