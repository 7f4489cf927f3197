import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { EvidenceError } from '../../errors'
import { pumpFile } from '../../util/chunk-io'
import { HashPool, type HeldChunk } from './hasher'
import { KERNEL_COPY_MIN_BYTES, type FollowedCopy } from '../../util/kernel-copy'
import { FolderSink, ZipSink, assertAbsent, type BagSink, type FileOut } from './writer-sinks'
import { partialSuffix } from './partial-output'
import { bagDeclaration, bagInfoText, checkPayloadPath, checkTagPath, manifestText } from './writer-format'

export interface BagWriterOptions {
  /** the folder or .zip file to create; it must not exist yet (its parent must) */
  destination: string
  format: 'folder' | 'zip'
  signal?: AbortSignal
  onProgress?: (p: BagWriteProgress) => void
  /** the ZIP's single top-level folder; default: the destination's name without ".zip" */
  rootName?: string
  /** clock for Bagging-Date and ZIP entry times; default: the system clock */
  now?: () => Date
  /** IANA time zone in which Bagging-Date is the calendar date; default UTC */
  timeZone?: string
  /** payload bytes the caller will add, so progress can show a total */
  expectedBytes?: number
}

export interface BagWriteProgress {
  bytesDone: number
  bytesTotal: number | null
  currentPath: string
}

export interface PayloadRecord {
  /** bag-relative path, starting with data/ */
  path: string
  size: number
  sha256: string
  sha512: string
}

export interface TagFile {
  /** bag-relative path outside data/, e.g. "signature/tagmanifest-sha256.txt.sig" */
  path: string
  content: Buffer
}

export interface FinishOptions {
  /** bag-info.txt elements in order; Payload-Oxum and Bag-Size are computed, Bagging-Date added if absent */
  bagInfo: Array<[string, string]>
  /** tag files listed in the tag manifests */
  extraTagFiles?: TagFile[]
  /** called once the tag manifests exist; returns tag files written but listed in no tag manifest (RFC 8493 §2.2.1 makes listing them a SHOULD) */
  afterTagManifests?: (tagManifests: { sha256: Buffer; sha512: Buffer }) => Promise<TagFile[]> | TagFile[]
}

export interface BagWriteResult {
  /** the final path */
  path: string
  format: 'folder' | 'zip'
  payloadFiles: number
  payloadBytes: number
  files: PayloadRecord[]
  /** exact bytes of tagmanifest-sha256.txt, which a signature covers */
  tagManifestSha256: Buffer
  /** sha256 of the whole ZIP file, for a ZIP */
  zipSha256?: string
}

/**
 * Starts writing a BagIt 1.0 bag at a temporary name beside options.destination. Throws
 * EvidenceError 'invalid-input' when the destination exists and 'not-found' when its folder does not.
 */
export async function createBagWriter(options: BagWriterOptions): Promise<BagWriter> {
  const destination = resolve(options.destination)
  const parent = await stat(dirname(destination)).catch(() => null)
  if (!parent?.isDirectory())
    throw new EvidenceError(
      'not-found',
      `The folder ${dirname(destination)} does not exist; create it before exporting.`,
    )
  await assertAbsent(destination)
  const now = options.now ?? (() => new Date())
  const suffix = partialSuffix()
  let sink: BagSink
  if (options.format === 'zip') {
    const rootName = options.rootName ?? basename(destination).replace(/\.zip$/i, '')
    if (!/^[^/\\:*?"<>|\u0000-\u001f]+$/.test(rootName) || rootName === '.' || rootName === '..') {
      throw new EvidenceError('invalid-input', `"${rootName}" cannot be the ZIP's top-level folder name.`)
    }
    sink = new ZipSink(destination, suffix, rootName, now())
  } else {
    const folder = new FolderSink(destination, suffix)
    await folder.init().catch(async (err: unknown) => {
      await folder.discard()
      throw new EvidenceError(
        'io-error',
        `Cannot create a folder in ${dirname(destination)}; check that it is writable.`,
        { cause: err },
      )
    })
    sink = folder
  }
  const writer = new BagWriter(destination, options, sink, now)
  await writer.start()
  return writer
}

/** A bag being written. Calls are serialized; any failure or cancel removes the temporary output. */
export class BagWriter {
  private readonly pool = new HashPool()
  private readonly records: PayloadRecord[] = []
  private readonly taken = new Set<string>()
  private chain: Promise<unknown> = Promise.resolve()
  private state: 'open' | 'done' | 'failed' = 'open'
  private bytesDone = 0

  constructor(
    private readonly destination: string,
    private readonly options: BagWriterOptions,
    private readonly sink: BagSink,
    private readonly now: () => Date,
  ) {
    // A cancel between calls still removes the temporary output without waiting for another call.
    options.signal?.addEventListener(
      'abort',
      () => void this.run(async () => this.throwIfAborted()).catch(() => {}),
      { once: true },
    )
  }

  /** where the bag is written until finish() renames it into place */
  get tempPath(): string {
    return this.sink.tempPath
  }

  /** @internal writes bagit.txt first, so a ZIP reader meets the declaration before anything else */
  async start(): Promise<void> {
    await this.run(() => this.sink.writeBuffer('bagit.txt', bagDeclaration()))
  }

  /**
   * Copies a file into the bag at bagPath (under data/) with sha256 and sha512: in the kernel and
   * hashed as written where the sink allows (a folder on the source's disk), else hashed from the one read.
   */
  addFile(bagPath: string, sourcePath: string): Promise<PayloadRecord> {
    return this.run(async () => {
      const info = await stat(sourcePath).catch((err: unknown) => {
        throw new EvidenceError('not-found', `Cannot read ${sourcePath} for export.`, { cause: err })
      })
      if (!info.isFile()) throw new EvidenceError('invalid-input', `${sourcePath} is not a regular file.`)
      return this.writePayload(bagPath, { file: sourcePath }, info.size)
    })
  }

  /** Streams bytes into the bag at bagPath (under data/); size, when given, is checked. */
  addStream(bagPath: string, stream: Readable, size?: number): Promise<PayloadRecord> {
    return this.run(() => this.writePayload(bagPath, { stream }, size ?? null))
  }

  /** Adds an in-memory payload file at bagPath (under data/). */
  addBuffer(bagPath: string, content: Buffer): Promise<PayloadRecord> {
    return this.run(() => this.writePayload(bagPath, { stream: [content] }, content.length))
  }

  /** Writes the tag files, flushes everything to disk and renames the bag into place. */
  finish(opts: FinishOptions): Promise<BagWriteResult> {
    return this.run(async () => {
      const files = [...this.records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      const payloadBytes = files.reduce((s, f) => s + f.size, 0)
      const tags = new Map<string, Buffer>()
      tags.set('bagit.txt', bagDeclaration())
      tags.set(
        'bag-info.txt',
        bagInfoText(opts.bagInfo, {
          bytes: payloadBytes,
          files: files.length,
          date: this.now(),
          timeZone: this.options.timeZone,
        }),
      )
      tags.set('manifest-sha256.txt', manifestText(files.map((f) => [f.sha256, f.path])))
      tags.set('manifest-sha512.txt', manifestText(files.map((f) => [f.sha512, f.path])))
      for (const t of opts.extraTagFiles ?? []) {
        checkTagPath(t.path, tags)
        tags.set(t.path, t.content)
      }
      const listed = [...tags.keys()].sort()
      const tagManifest = (alg: 'sha256' | 'sha512'): Buffer =>
        manifestText(
          listed.map((p) => [
            createHash(alg)
              .update(tags.get(p) as Buffer)
              .digest('hex'),
            p,
          ]),
        )
      const tm256 = tagManifest('sha256')
      const tm512 = tagManifest('sha512')
      for (const p of listed) if (p !== 'bagit.txt') await this.sink.writeBuffer(p, tags.get(p) as Buffer)
      await this.sink.writeBuffer('tagmanifest-sha256.txt', tm256)
      await this.sink.writeBuffer('tagmanifest-sha512.txt', tm512)
      tags.set('tagmanifest-sha256.txt', tm256).set('tagmanifest-sha512.txt', tm512)
      for (const t of (await opts.afterTagManifests?.({ sha256: tm256, sha512: tm512 })) ?? []) {
        checkTagPath(t.path, tags)
        tags.set(t.path, t.content)
        await this.sink.writeBuffer(t.path, t.content)
      }
      this.throwIfAborted()
      const { sha256 } = await this.sink.commit()
      this.state = 'done'
      await this.pool.close()
      return {
        path: this.destination,
        format: this.options.format,
        payloadFiles: files.length,
        payloadBytes,
        files,
        tagManifestSha256: tm256,
        ...(sha256 ? { zipSha256: sha256 } : {}),
      }
    })
  }

  /** Stops writing and removes the temporary output; the destination is never created. */
  abort(): Promise<void> {
    if (this.state !== 'open') return Promise.resolve()
    this.state = 'failed'
    return this.cleanup()
  }

  private async cleanup(): Promise<void> {
    await Promise.allSettled([this.sink.discard(), this.pool.close()])
  }

  /** Runs one operation after the previous one; a failure discards the whole bag. */
  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      if (this.state !== 'open')
        throw new EvidenceError('invalid-input', 'This bag writer has already finished or failed.')
      try {
        this.throwIfAborted()
        return await op()
      } catch (err) {
        if (this.state === 'open') {
          this.state = 'failed'
          await this.cleanup()
        }
        throw err
      }
    })
    this.chain = next.catch(() => {})
    return next
  }

  private async writePayload(
    bagPath: string,
    input: { file: string } | { stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
    size: number | null,
  ): Promise<PayloadRecord> {
    checkPayloadPath(bagPath, this.taken)
    const hash = this.pool.create(['sha256', 'sha512'], size ?? Number.MAX_SAFE_INTEGER)
    let out: FileOut | null = null
    let written = 0
    const take = async (chunk: Uint8Array): Promise<HeldChunk> => {
      this.throwIfAborted()
      const held = await hash.updateHeld(chunk)
      written += chunk.byteLength
      this.bytesDone += chunk.byteLength
      this.options.onProgress?.({
        bytesDone: this.bytesDone,
        bytesTotal: this.options.expectedBytes ?? null,
        currentPath: bagPath,
      })
      return held
    }
    try {
      if ('file' in input) {
        const fh = await open(input.file, 'r')
        try {
          const st = await fh.stat()
          const copy =
            st.size >= KERNEL_COPY_MIN_BYTES && this.sink.copyIn
              ? await this.sink.copyIn(bagPath, fh, st.dev, take, {
                  signal: this.options.signal,
                  cancelled: () => this.cancelledError(),
                })
              : null
          // the digests are of the bytes in the bag, read back as the kernel wrote them
          if (copy) await settleCopy(copy)
          else {
            const sink = (out = await this.sink.openFile(bagPath, size))
            // The chunk is hashed, then written while the next one is read and hashed.
            await pumpFile(fh, async (chunk) => {
              const held = await take(chunk)
              const writing = sink.write(chunk)
              return { release: held ? Promise.all([held.release, writing]).then(() => {}) : writing }
            })
          }
        } finally {
          await fh.close()
        }
      } else {
        out = await this.sink.openFile(bagPath, size)
        for await (const chunk of input.stream) {
          const held = await take(chunk)
          await out.write(chunk)
          if (held) await held.release
        }
      }
      if (size !== null && written !== size) {
        throw new EvidenceError(
          'io-error',
          `${bagPath}: expected ${size} bytes but read ${written}; the source changed while exporting.`,
        )
      }
      await out?.close()
    } catch (err) {
      hash.abandon()
      await out?.abort()
      if ('stream' in input && typeof (input.stream as Readable).destroy === 'function')
        (input.stream as Readable).destroy()
      throw err
    }
    const d = await hash.digest()
    const record = { path: bagPath, size: written, sha256: d.sha256 as string, sha512: d.sha512 as string }
    this.records.push(record)
    return record
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw this.cancelledError()
  }

  private cancelledError(): EvidenceError {
    return new EvidenceError(
      'cancelled',
      `Export to ${this.destination} was cancelled; nothing was left behind.`,
    )
  }
}

/** Waits for a kernel copy's fsync (started when the copy ended) and closes it. */
async function settleCopy(copy: FollowedCopy): Promise<void> {
  try {
    await copy.syncing
  } finally {
    await copy.handle.close()
  }
}
