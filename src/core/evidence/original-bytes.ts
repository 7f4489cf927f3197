/**
 * An item's original read into memory, for the views that parse a whole small file (CEMS CSVs,
 * thermal JPEGs). A case's originals are files under objects/; a case may instead be given a
 * reader of its own — reviewer mode does, for a ZIP package whose originals stay inside the ZIP
 * (nothing is extracted to disk).
 */
import { readFile } from 'node:fs/promises'
import type { EvidenceItem } from '../../shared/types'
import type { CaseFile } from '../case/case-file'
import { objectPath } from '../case/layout'
import { EvidenceError } from '../errors'

/** Reads at most `maxBytes` of an item's original; throws when the original is larger. */
export type OriginalReader = (item: EvidenceItem, maxBytes: number) => Promise<Buffer>

/** Views that hold an original in memory refuse anything bigger than this. */
export const MAX_ORIGINAL_IN_MEMORY = 256 * 1024 * 1024

const readers = new WeakMap<CaseFile, OriginalReader>()

/** From now on the originals of `file` are read through `reader` (for as long as `file` lives). */
export function setOriginalReader(file: CaseFile, reader: OriginalReader): void {
  readers.set(file, reader)
}

/** Whether `file`'s originals come through a reader rather than from objects/ on disk. */
export function hasOriginalReader(file: CaseFile): boolean {
  return readers.has(file)
}

/**
 * The whole original of `item`. With a reader, bounded: EvidenceError('not-supported') naming the
 * item when it is larger than `maxBytes`. Without one, the stored object file as before.
 */
export async function readOriginal(
  file: CaseFile,
  item: EvidenceItem,
  maxBytes = MAX_ORIGINAL_IN_MEMORY,
): Promise<Buffer> {
  const reader = readers.get(file)
  if (!reader) return readFile(objectPath(file.dir, item.sha256))
  if (item.size > maxBytes)
    throw new EvidenceError(
      'not-supported',
      `${item.number} (${item.originalName}) is ${item.size} bytes, more than the ${maxBytes} bytes this view reads into memory from a package; verify it and open it with another tool.`,
    )
  return reader(item, maxBytes)
}
