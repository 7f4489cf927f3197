/**
 * What one evidence kind provides to core: detection by content, extraction, derived files
 * (thumbnail, poster, waveform, playback proxy) and what reviewer mode needs. The registry
 * (`registry.ts`) collects one module per kind; code outside a kind's folder looks kinds up there
 * instead of switching on them. The kind's data shapes, citation anchors and how a citation on it
 * reads in words live in `shared/kinds/<kind>.ts` and `shared/citations`, because the renderer
 * needs them too.
 */
import type { AnchorOf } from '../../../shared/citations'
import type { KindAnchor } from '../../../shared/kinds'
import type { DerivedRole, EvidenceItem, EvidenceItemOf, EvidenceKind } from '../../../shared/types'
import type { CaseFile } from '../../case/case-file'
import type { ReadableDB } from '../../db/database'
import type { ExtractFacts } from '../extract/extract-result'

/** What the common sniffer learnt from a file's first bytes, before any kind claims it. */
export interface Sniffed {
  /** the format the bytes show (magic numbers, structure), e.g. image/jpeg, video/mp4, text/plain */
  mime: string
  /** up to 2 MiB from the start */
  head: Buffer
  /** the normalised text of the head when it decodes as text; null otherwise */
  text: string | null
}

/** A kind's answer to a sniffed file: not mine, mine, or mine under a more exact MIME type. */
export type Claim = false | true | { mime: string }

/** Everything an extractor may use about one stored file. */
export interface ExtractContext {
  /** the stored object (read-only) */
  path: string
  /** the original name (the stored object has none) */
  fileName: string
  /** IANA zone of the case, for clock readings that carry no offset */
  caseTimeZone: string
  /** the source file's modification time, the last-resort capture time */
  sourceMtimeMs: number
  mime: string
  head: Buffer
  size: number
  signal?: AbortSignal
  /** case exceedance limits per pollutant, for monitoring files without their own */
  limits?: Record<string, number>
}

/** The whole file when `head` holds all of it (most text files), so it is not read a second time. */
export function wholeFile(ctx: Pick<ExtractContext, 'head' | 'size'>): Buffer | null {
  return ctx.size <= ctx.head.length ? ctx.head : null
}

/** Where derived pictures are made from: a file (or an ffmpeg input URL), or bytes already read. */
export type PictureSource = { path: string } | { bytes: Buffer }

export interface DerivedFiles {
  /** the files made, by role, as absolute paths */
  files: Partial<Record<DerivedRole, string>>
  /** why something is missing; null when all were made */
  problem: string | null
  /** roles left to be made the first time they are asked for (`pictures.makeOnRequest`) */
  onRequest?: DerivedRole[]
}

export interface PlaybackProxy {
  /** file name under derived/<sha256>/ */
  fileName: string
  /** what the UI says the proxy is, e.g. "H.264/AAC MP4"; never evidence */
  describe: string
  make(src: string, out: string, opts: { signal?: AbortSignal }): Promise<void>
}

/** Whether an anchor lies inside its item: the problem in words, or null when it fits. */
export type CitationCheck = (item: EvidenceItem, anchor: unknown, db: ReadableDB) => string | null

/** One check per anchor type the kind allows (shared/kinds), exactly: a missing one does not compile. */
export type CitationChecks<K extends EvidenceKind> = {
  readonly [T in KindAnchor<K>]: (
    item: EvidenceItemOf<K>,
    anchor: AnchorOf<T>,
    db: ReadableDB,
  ) => string | null
}

/** An original's text in another decoding: the indexed text and the meta fields that follow from it. */
export interface RedecodedText {
  text: string
  meta: Record<string, unknown>
}

export interface CoreKindModule<K extends EvidenceKind = EvidenceKind> {
  readonly kind: K
  /** lower ranks are asked first (thermal before image, the catch-all 'other' last) */
  readonly detectionRank: number
  /** formats this kind knows beyond the common table: MIME → file extensions, the usual first */
  readonly formats?: Readonly<Record<string, readonly string[]>>
  /** detection by content: does a file of this sniffed format belong to this kind? Cheap and synchronous. */
  claims(s: Sniffed): Claim
  /**
   * A second, slower look at a file another kind claimed (`from`), with the file at hand: audio
   * takes an MP4 that has no picture stream. Returns the MIME type it takes it under, or null.
   */
  readonly reclaims?: {
    from: readonly EvidenceKind[]
    check(ctx: ExtractContext): Promise<string | null>
  }
  /** the facts of one file; bad content gives warnings, never a rejection (only cancel and OS errors reject) */
  extract(ctx: ExtractContext): Promise<ExtractFacts>
  /** whether a citation lies inside an item of this kind, per anchor type it allows */
  readonly citations: CitationChecks<K>
  /** after extraction, the kind the file settles as (a Word file that is not an interview record is a document) */
  settle?(facts: ExtractFacts, ctx: ExtractContext): EvidenceKind
  /** thumbnails, posters, waveforms: cheap derived files made at import; never throws for bad content */
  readonly pictures?: {
    /** how reviewer mode reads a packaged original inside a ZIP: ffmpeg reads a byte range in place, sharp wants bytes */
    fromZip: 'range' | 'bytes'
    /**
     * `deferLarge`: large pictures may be left for `makeOnRequest` (import, where a card of photos
     * would otherwise wait for every preview); reviewer mode makes them all at once.
     */
    make(
      src: PictureSource,
      outDir: string,
      ctx: { signal?: AbortSignal; deferLarge?: boolean },
    ): Promise<DerivedFiles>
    /** makes a picture `make` left for later from the stored original; returns its path; throws when it cannot */
    makeOnRequest?(role: DerivedRole, original: string, outDir: string): Promise<string>
  }
  /** a background playback copy, made when extraction set `needsProxy` */
  readonly proxy?: PlaybackProxy
  /**
   * the text the search index holds for an original, from its bytes read in its recorded decoding
   * (`encoding`, null for the detector's): reviewer mode rebuilds the index, and quotes count in it
   */
  indexText?(bytes: Buffer, mime: string, encoding: string | null): Promise<string>
  /**
   * the text and text facts of an original read in a decoding the officer chose instead of the
   * detector's; null when this item is not text that can be read in another decoding (a .docx)
   */
  redecode?(bytes: Buffer, mime: string, encoding: string): RedecodedText | null
  /**
   * extra derived files reviewer mode makes when a package opens (the thermal frame, a playback
   * proxy); `original` is the packaged file, or an ffmpeg input reading its ZIP entry in place
   */
  prepareForReview?(
    file: CaseFile,
    itemId: string,
    original: { path: string } | null,
    ctx: { signal?: AbortSignal },
  ): Promise<void>
}
