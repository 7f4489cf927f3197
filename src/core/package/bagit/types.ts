import type { Readable } from 'node:stream'
import type { ChunkConsumer } from '../../util/chunk-io'

/** What can be wrong with a bag. Reported as data: a broken bag is a result, not an exception. */
export type BagProblemCode =
  | 'missing-file'
  | 'extra-file'
  | 'hash-mismatch'
  | 'unsafe-path'
  /** two ZIP readers would see different files: local and central headers disagree, or bytes lie outside every entry */
  | 'zip-inconsistent'
  | 'not-a-bag'
  | 'bad-tag-file'
  | 'bad-manifest'
  | 'oxum-mismatch'
  | 'duplicate-entry'
  | 'unsupported-algorithm'
  | 'io-error'
  /** warning: ZIP entry names without the UTF-8 flag, decoded by trying UTF-8 then GB18030 */
  | 'name-encoding'
  /** warning: a BagIt 0.96 payload manifest lists a file outside data/ (allowed before RFC 8493 §2.1.3) */
  | 'manifest-outside-payload'

export interface BagProblem {
  code: BagProblemCode
  /** bag-relative path ('/' separated) of the file the problem is about, when there is one */
  path?: string
  message: string
  /** hash-mismatch: what the manifest lists and what the file's bytes give now (null: not computed) */
  hashes?: ProblemHashes
}

export interface ProblemHashes {
  algorithm: string
  expected: string
  actual: string | null
}

export interface BagVerifyResult {
  /** every required element present, every listed file present, no unlisted payload (RFC 8493 §3) */
  complete: boolean
  /** complete, and every checksum in every manifest matched */
  valid: boolean
  /** the BagIt-Version declared in bagit.txt, or null when there is none */
  version: string | null
  /** warning-level findings: the bag is still valid with these (md5sum '*' marker, './' prefix, NFC/NFD or case-only twins, .DS_Store/Thumbs.db, duplicate same-hash entries in 0.97, …) */
  warnings: BagProblem[]
  problems: BagProblem[]
  /** regular files under data/ actually present */
  payloadFiles: number
  payloadBytes: number
  /** bag-info.txt elements in file order, repeated labels kept */
  bagInfo: Array<[string, string]>
  /** per payload file (bag-relative path) the sha256 (always computed for listed files) and sha512 (when a sha512 manifest exists) */
  digests: Map<string, { sha256?: string; sha512?: string }>
}

/** The checksum algorithms this implementation computes, named as in manifest file names. */
export const BAG_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const
export type BagAlgorithm = (typeof BAG_ALGORITHMS)[number]

/** Whether a manifest's algorithm name (already lower-case) is one we compute. */
export function isBagAlgorithm(name: string): name is BagAlgorithm {
  return (BAG_ALGORITHMS as readonly string[]).includes(name)
}

/** Hex digest length per algorithm, to reject truncated or padded checksums early. */
export const HEX_LENGTH: Record<BagAlgorithm, number> = {
  md5: 32,
  sha1: 40,
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
}

export interface BagFileEntry {
  /** bag-relative path, '/' separated, never starting with '/' or containing '..' */
  path: string
  /** bytes; for a ZIP entry the uncompressed size (checked while reading) */
  size: number
}

export interface BagScan {
  /** regular files, in the order that reads them fastest (ZIP: by offset; folder: by path) */
  files: BagFileEntry[]
  /** every directory that exists, including the ancestors of files ('' is the root) */
  dirs: Set<string>
  /** entries that make the source unsafe to read (symlinks, '..' or absolute names, special files) */
  problems: BagProblem[]
  warnings: BagProblem[]
}

/**
 * A bag to read, wherever its bytes live. Paths are bag-relative with '/' separators.
 * Implementations never follow symlinks and never read outside the bag.
 */
export interface BagSource {
  readonly kind: 'folder' | 'zip'
  /** the folder or ZIP file, as an absolute path */
  readonly location: string
  /** inside a ZIP, the top-level folder that holds the bag ('' when the bag is the ZIP root); '' for folders */
  readonly root: string
  /** files and directories, scanned once and cached */
  scan(): Promise<BagScan>
  /** regular files with sizes (same as scan().files) */
  list(): Promise<BagFileEntry[]>
  /** a stream of the file's bytes; throws EvidenceError('not-found') for a path that is not a listed file */
  openRead(path: string): Promise<Readable>
  /**
   * Feeds the file to consume chunk by chunk, in order, and resolves with the byte count. A chunk
   * is only valid until consume settles, or until the release it resolves to settles: buffers are
   * reused, which makes hashing much cheaper than through openRead. Throws like openRead.
   */
  readChunks(path: string, consume: ChunkConsumer): Promise<number>
  /** the whole file, refusing (EvidenceError 'invalid-input') one larger than maxBytes */
  readFile(path: string, maxBytes: number): Promise<Buffer>
  /** releases file handles; the source is unusable afterwards */
  close(): Promise<void>
}
