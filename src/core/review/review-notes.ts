/**
 * A reviewer's notes on one package, kept in the app data folder (reviews/<key>.json, key = the
 * sha256 of the package's tagmanifest-sha256.txt), never inside the package. Written whole and
 * atomically, so a crash leaves the old or the new notes, never half of them.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import type { ReviewNote } from '../../shared/package-types'
import type { Officer } from '../../shared/types'

interface ReviewFile {
  format: 'evidence-desk-review'
  formatVersion: 1
  package: { key: string; path: string }
  notes: ReviewNote[]
}

export class ReviewNotes {
  readonly file: string

  constructor(
    dataDir: string,
    readonly key: string,
    private readonly packagePath: string,
  ) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new EvidenceError('invalid-input', `Bad review key ${key}.`)
    this.file = join(dataDir, 'reviews', `${key}.json`)
  }

  /** Every note, oldest first; none when the package was never reviewed here. */
  list(): ReviewNote[] {
    if (!existsSync(this.file)) return []
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as ReviewFile
      return Array.isArray(parsed.notes) ? parsed.notes : []
    } catch (cause) {
      throw new EvidenceError(
        'io-error',
        `The review notes file ${this.file} cannot be read; it was left as it is.`,
        { cause },
      )
    }
  }

  add(target: ReviewNote['target'], text: string, author: Officer, at: Date): ReviewNote {
    const note: ReviewNote = {
      id: randomUUID(),
      target: {
        ...(target.itemId ? { itemId: target.itemId } : {}),
        ...(target.violationId ? { violationId: target.violationId } : {}),
      },
      text,
      author: { name: author.name, certNo: author.certNo },
      createdAt: at.toISOString(),
    }
    const notes = [...this.list(), note]
    const body: ReviewFile = {
      format: 'evidence-desk-review',
      formatVersion: 1,
      package: { key: this.key, path: this.packagePath },
      notes,
    }
    mkdirSync(join(this.file, '..'), { recursive: true })
    writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`)
    return note
  }
}
