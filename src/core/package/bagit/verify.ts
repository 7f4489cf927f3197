import { EvidenceError } from '../../errors'
import { HashPool, type Digests } from './hasher'
import { printable } from './manifest'
import { resolveManifests, type Expectation } from './verify-resolve'
import { readBagTags, Report } from './verify-tags'
import type { BagAlgorithm, BagSource, BagVerifyResult } from './types'

export { openBag } from './bag-source'
export type { BagProblem, BagProblemCode, BagSource, BagVerifyResult, BagFileEntry } from './types'

export interface VerifyProgress {
  bytesDone: number
  bytesTotal: number
  currentPath: string
}

export interface VerifyOptions {
  signal?: AbortSignal
  onProgress?: (p: VerifyProgress) => void
}

/** Problems after which the bag is still complete (every file there) but not valid. */
const CONTENT_CODES = new Set(['hash-mismatch', 'io-error'])

/**
 * Verifies a bag per RFC 8493 (tolerating 0.97) without writing anything: every file of every
 * manifest is read once, all its declared algorithms computed from that one read, plus sha256 of
 * every listed payload file. Bag defects come back as problems; only cancellation throws
 * (EvidenceError 'cancelled'). A bag with unsafe paths is refused before any payload is read.
 */
export async function verifyBag(source: BagSource, opts: VerifyOptions = {}): Promise<BagVerifyResult> {
  const report = new Report()
  const scan = await source.scan()
  report.add(scan.problems, scan.warnings)
  const payload = scan.files.filter((f) => f.path.startsWith('data/'))
  const result = (
    version: string | null,
    bagInfo: Array<[string, string]>,
    digests = new Map<string, { sha256?: string; sha512?: string }>(),
  ): BagVerifyResult => {
    const complete = report.problems.every((p) => CONTENT_CODES.has(p.code))
    return {
      complete,
      valid: complete && report.problems.length === 0,
      version,
      warnings: report.warnings,
      problems: report.problems,
      payloadFiles: payload.length,
      payloadBytes: payload.reduce((s, f) => s + f.size, 0),
      bagInfo,
      digests,
    }
  }
  // Hostile layout, or a ZIP that another reader would see differently: refuse before reading
  // a single byte of content.
  if (report.has('unsafe-path') || report.has('zip-inconsistent')) return result(null, [])
  throwIfAborted(opts.signal)

  const model = await readBagTags(source, scan, report)
  if (!model) return result(null, [])
  if (report.has('unsafe-path')) return result(model.version, model.bagInfo)
  const { expected } = resolveManifests(model, scan.files, report)

  // Hash in scan order (sequential in a ZIP); every listed payload file also gets sha256.
  const jobs = scan.files
    .filter((f) => expected.has(f.path))
    .map((f) => {
      const algs = new Set<BagAlgorithm>(expected.get(f.path)?.map((e) => e.algorithm))
      if (f.path.startsWith('data/')) algs.add('sha256')
      return { ...f, algs }
    })
  const bytesTotal = jobs.reduce((s, j) => s + j.size, 0)
  let bytesDone = 0
  const digests = new Map<string, { sha256?: string; sha512?: string }>()
  const pool = new HashPool()
  try {
    for (const job of jobs) {
      throwIfAborted(opts.signal)
      let got: Digests
      const onBytes = (n: number): void => {
        bytesDone += n
        opts.onProgress?.({ bytesDone, bytesTotal, currentPath: job.path })
      }
      try {
        const cached = model.buffers.get(job.path)
        got = cached
          ? await hashBuffer(pool, cached, job.algs, onBytes)
          : await hashFile(pool, source, job.path, job.size, job.algs, onBytes, opts.signal)
      } catch (err) {
        if (err instanceof EvidenceError && err.code === 'cancelled') throw err
        report.problem({
          code: 'io-error',
          path: job.path,
          message: `Cannot read "${printable(job.path)}": ${(err as Error).message}`,
        })
        continue
      }
      compare(job.path, expected.get(job.path) ?? [], got, report)
      if (job.path.startsWith('data/'))
        digests.set(job.path, { sha256: got.sha256, ...(got.sha512 ? { sha512: got.sha512 } : {}) })
    }
  } finally {
    await pool.close()
  }
  return result(model.version, model.bagInfo, digests)
}

function compare(path: string, expectations: Expectation[], got: Digests, report: Report): void {
  for (const e of expectations) {
    const actual = got[e.algorithm]
    if (actual !== e.checksum) {
      report.problem({
        code: 'hash-mismatch',
        path,
        message: `"${printable(path)}" does not match ${e.manifest}: expected ${e.algorithm} ${e.checksum}, computed ${actual ?? 'nothing'}`,
        // the pair itself, so a reviewer sees both values beside the item (issue 15)
        hashes: { algorithm: e.algorithm, expected: e.checksum, actual: actual ?? null },
      })
    }
  }
}

async function hashBuffer(
  pool: HashPool,
  buf: Buffer,
  algs: Set<BagAlgorithm>,
  onBytes: (n: number) => void,
): Promise<Digests> {
  const h = pool.create(algs, buf.length)
  await h.update(buf)
  onBytes(buf.length)
  return h.digest()
}

/** One read of the file feeds every algorithm; the job is dropped on any failure. */
async function hashFile(
  pool: HashPool,
  source: BagSource,
  path: string,
  size: number,
  algs: Set<BagAlgorithm>,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<Digests> {
  const h = pool.create(algs, size)
  try {
    await source.readChunks(path, async (chunk) => {
      throwIfAborted(signal)
      const held = await h.updateHeld(chunk) // read on ahead while the workers finish this chunk
      onBytes(chunk.length)
      return held
    })
    return await h.digest()
  } catch (err) {
    h.abandon()
    throw err
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new EvidenceError('cancelled', 'Verification was cancelled; the bag was not changed.')
}
