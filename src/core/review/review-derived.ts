/**
 * Pictures and text the viewers need, made again in the review workspace from the package's
 * originals. They are not evidence and never go back into the package. Cheap ones (thumbnails,
 * previews, posters, thermal frames, transcript text) are made when the package opens.
 */
import { mkdir, rename, rm, symlink } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import mammoth from 'mammoth'
import sharp from 'sharp'
import type { CaseFile } from '../case/case-file'
import { derivedDir, objectPath } from '../case/layout'
import { makeThumbnails } from '../evidence/derive/thumbnail'
import { decodeText, normaliseText } from '../evidence/extract/text-decode'
import { setDerived } from '../evidence/item-repository'
import { thermalFrame } from '../evidence/thermal/thermal-frame'
import type { BagSource } from '../package/bagit'
import type { PackageEvidence } from '../../shared/package-types'
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

/** The normalised text of a transcript or text document, as the import indexed it. */
export async function originalText(source: BagSource, e: PackageEvidence): Promise<string> {
  if (e.kind !== 'transcript' && !(e.kind === 'document' && e.mime.startsWith('text/'))) return ''
  if (e.size > MAX_TEXT_BYTES) return ''
  try {
    const buf = await source.readFile(e.path, MAX_TEXT_BYTES)
    if (e.mime !== 'text/plain' && e.kind === 'transcript') {
      return normaliseText((await mammoth.extractRawText({ buffer: buf })).value)
    }
    return normaliseText(decodeText(buf)?.text ?? '')
  } catch {
    return '' // the summary already names a missing or unreadable file
  }
}

/**
 * Thumbnails, previews and posters for every item, and thermal frames. A picture that cannot be made leaves the item without one; never throws.
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
    const outDir = derivedDir(file.dir, e.sha256)
    try {
      if (loc.kind === 'file' || (loc.kind === 'zip-range' && e.kind === 'video')) {
        // ffmpeg's subfile protocol reads the stored entry's bytes straight from the ZIP.
        const input =
          loc.kind === 'file'
            ? objectPath(file.dir, e.sha256)
            : `subfile,,start,${loc.start},end,${loc.start + loc.size},,:${loc.zipPath}`
        const made = await makeThumbnails(input, outDir, e.kind)
        record(file, e, made.thumbnail, made.preview)
      } else if (e.kind === 'image' || e.kind === 'thermal') {
        const buf = await source.readFile(e.path, MAX_IMAGE_BYTES)
        await mkdir(outDir, { recursive: true })
        const preview = join(outDir, 'preview.jpg')
        const thumb = join(outDir, 'thumb.jpg')
        await jpegFromBuffer(buf, preview, 1600)
        await jpegFromBuffer(buf, thumb, 320)
        record(file, e, thumb, preview)
      }
      // Inside a ZIP the frame is read through the workspace's original reader (no extraction).
      if (e.kind === 'thermal') await thermalFrame(file, e.id)
    } catch {
      // a picture is a convenience; the viewer shows the item without one
    }
  }
}

function record(file: CaseFile, e: PackageEvidence, thumb: string | null, preview: string | null): void {
  if (thumb)
    setDerived(file.db, e.id, e.kind === 'video' ? 'poster' : 'thumb', 'ready', relative(file.dir, thumb))
  if (preview) setDerived(file.db, e.id, 'preview', 'ready', relative(file.dir, preview))
}

async function jpegFromBuffer(buf: Buffer, out: string, px: number): Promise<void> {
  const tmp = `${out}.${process.pid}.tmp`
  try {
    await sharp(buf, { failOn: 'none' })
      .rotate()
      .resize(px, px, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toFile(tmp)
    await rename(tmp, out)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}
