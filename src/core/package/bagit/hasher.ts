import { createHash, type Hash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { BagAlgorithm } from './types'

/**
 * Computes several digests from one pass over the bytes. Node hashes on the calling thread, so
 * sha256 + sha512 of 1 GiB would cost the sum of both; here the heavier algorithms run on worker
 * threads, and the cost is about the slowest single algorithm. A chunk read into shared memory
 * (util/chunk-io.ts) is hashed by the workers in place; any other chunk is copied to them.
 * Memory stays bounded: at most MAX_INFLIGHT staging buffers per worker exist at any time.
 */

export type Digests = Partial<Record<BagAlgorithm, string>>

/** A chunk still being read by a hash worker: it must not change until `release` settles. */
export type HeldChunk = { release: Promise<void> } | void

export interface MultiHash {
  /** feeds bytes to every algorithm; the chunk may be reused once this resolves */
  update(chunk: Uint8Array): Promise<void>
  /**
   * Like update, but resolves as soon as this thread is done with the chunk; a chunk of shared
   * memory may still be read by the workers until the returned release settles (so a reader can
   * read ahead into another buffer meanwhile, and the workers never wait for this thread).
   */
  updateHeld(chunk: Uint8Array): Promise<HeldChunk>
  /** lower-case hex per algorithm; the MultiHash is finished afterwards */
  digest(): Promise<Digests>
  /** drops the job without a result (on cancel or read error) */
  abandon(): void
}

// Seconds per GB measured for Node's OpenSSL with SHA-NI; only the ratios matter.
const COST: Record<BagAlgorithm, number> = {
  md5: 1.6,
  sha1: 0.65,
  sha224: 0.7,
  sha256: 0.7,
  sha384: 1.6,
  sha512: 1.6,
}
// The main thread also reads, copies and dispatches, so it starts with some load.
const MAIN_THREAD_LOAD = 0.3
const STAGING_BYTES = 4 << 20
const MAX_INFLIGHT = 4
/** Files smaller than this are hashed on the main thread: a worker round trip costs more. */
const WORKER_MIN_BYTES = 8 << 20

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const jobs = new Map()
parentPort.on('message', (m) => {
  if (m.t === 'start') {
    jobs.set(m.id, m.algs.map((a) => [a, createHash(a)]))
  } else if (m.t === 'data') {
    const job = jobs.get(m.id)
    if (job) {
      const view = new Uint8Array(m.buf, 0, m.len)
      for (const [, h] of job) h.update(view)
    }
    parentPort.postMessage({ t: 'ack', buf: m.buf }, [m.buf])
  } else if (m.t === 'shared') {
    const job = jobs.get(m.id)
    if (job) {
      const view = new Uint8Array(m.sab, m.off, m.len)
      for (const [, h] of job) h.update(view)
    }
    parentPort.postMessage({ t: 'shared-ack' })
  } else if (m.t === 'end') {
    const job = jobs.get(m.id)
    jobs.delete(m.id)
    const out = {}
    if (job) for (const [a, h] of job) out[a] = h.digest('hex')
    parentPort.postMessage({ t: 'digest', id: m.id, out })
  } else if (m.t === 'drop') {
    jobs.delete(m.id)
  }
})
`

interface WorkerMsg {
  t: 'ack' | 'shared-ack' | 'digest'
  buf?: ArrayBuffer
  id?: number
  out?: Digests
}

class HashWorker {
  private readonly worker: Worker
  private readonly free: ArrayBuffer[] = []
  private inflight = 0
  private waiters: Array<() => void> = []
  private readonly pending = new Map<number, { resolve: (d: Digests) => void; reject: (e: Error) => void }>()
  /** shared chunks sent and not yet hashed, oldest first (the worker answers in order) */
  private readonly sharedInFlight: Array<{ resolve: () => void; reject: (e: Error) => void }> = []
  private failure: Error | null = null

  constructor() {
    // Not unref'd: a pending digest must keep the process alive; HashPool.close() ends it.
    this.worker = new Worker(WORKER_SOURCE, { eval: true })
    this.worker.on('message', (m: WorkerMsg) => {
      if (m.t === 'ack') {
        this.inflight--
        if (m.buf) this.free.push(m.buf)
        this.waiters.shift()?.()
      } else if (m.t === 'shared-ack') {
        this.sharedInFlight.shift()?.resolve()
      } else if (m.t === 'digest' && m.id !== undefined) {
        this.pending.get(m.id)?.resolve(m.out ?? {})
        this.pending.delete(m.id)
      }
    })
    this.worker.on('error', (err) => this.fail(err))
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`hash worker exited with code ${code}`))
    })
  }

  private fail(err: Error): void {
    this.failure = err
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
    for (const s of this.sharedInFlight.splice(0)) s.reject(err)
    for (const w of this.waiters.splice(0)) w()
  }

  start(id: number, algs: BagAlgorithm[]): void {
    this.worker.postMessage({ t: 'start', id, algs })
  }

  /** A staging buffer to fill; waits while too many are with the worker. */
  async take(): Promise<ArrayBuffer> {
    while (this.inflight >= MAX_INFLIGHT && !this.failure)
      await new Promise<void>((r) => this.waiters.push(r))
    if (this.failure) throw this.failure
    return this.free.pop() ?? new ArrayBuffer(STAGING_BYTES)
  }

  send(id: number, buf: ArrayBuffer, len: number): void {
    this.inflight++
    this.worker.postMessage({ t: 'data', id, buf, len }, [buf])
  }

  /** Hashes a chunk of shared memory in place; resolves once the worker is done with it. */
  sendShared(id: number, chunk: Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    const done = new Promise<void>((resolve, reject) => this.sharedInFlight.push({ resolve, reject }))
    this.worker.postMessage({
      t: 'shared',
      id,
      sab: chunk.buffer,
      off: chunk.byteOffset,
      len: chunk.byteLength,
    })
    return done
  }

  /** Returns an unsent staging buffer to the pool. */
  give(buf: ArrayBuffer): void {
    this.free.push(buf)
  }

  end(id: number): Promise<Digests> {
    if (this.failure) return Promise.reject(this.failure)
    const p = new Promise<Digests>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    this.worker.postMessage({ t: 'end', id })
    return p
  }

  drop(id: number): void {
    this.worker.postMessage({ t: 'drop', id })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}

/** Worker threads for hashing, shared by all files of one verify or write; close() when done. */
export class HashPool {
  private readonly workers: HashWorker[] = []
  private readonly maxWorkers: number
  private nextId = 1

  /** maxWorkers defaults to the cores left after the main thread (at most 3). */
  constructor(maxWorkers = Math.max(0, Math.min(3, availableParallelism() - 1))) {
    this.maxWorkers = maxWorkers
  }

  /** A hasher for one file of the given size (the size only decides whether workers are worth it). */
  create(algorithms: Iterable<BagAlgorithm>, expectedBytes: number): MultiHash {
    const algs = [...new Set(algorithms)]
    const lanes = expectedBytes >= WORKER_MIN_BYTES ? Math.min(this.maxWorkers, algs.length - 1) : 0
    if (lanes <= 0) return new LocalHash(algs)
    // Greedy split by cost: heaviest algorithm to the least-loaded lane; lane 0 is this thread.
    const load = [MAIN_THREAD_LOAD, ...new Array<number>(lanes).fill(0)]
    const assign: BagAlgorithm[][] = load.map(() => [])
    for (const a of [...algs].sort((x, y) => COST[y] - COST[x])) {
      const lane = load.indexOf(Math.min(...load))
      load[lane] += COST[a]
      assign[lane].push(a)
    }
    while (this.workers.length < lanes) this.workers.push(new HashWorker())
    const remote = assign
      .slice(1)
      .map((a, i) => ({ worker: this.workers[i], algs: a }))
      .filter((r) => r.algs.length > 0)
    return new SplitHash(assign[0], remote, this.nextId++)
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.close()))
  }
}

class LocalHash implements MultiHash {
  private readonly hashes: Array<[BagAlgorithm, Hash]>
  constructor(algs: BagAlgorithm[]) {
    this.hashes = algs.map((a) => [a, createHash(a)])
  }
  update(chunk: Uint8Array): Promise<void> {
    for (const [, h] of this.hashes) h.update(chunk)
    return Promise.resolve()
  }
  updateHeld(chunk: Uint8Array): Promise<HeldChunk> {
    return this.update(chunk)
  }
  digest(): Promise<Digests> {
    const out: Digests = {}
    for (const [a, h] of this.hashes) out[a] = h.digest('hex')
    return Promise.resolve(out)
  }
  abandon(): void {}
}

interface Lane {
  worker: HashWorker
  algs: BagAlgorithm[]
  buf: ArrayBuffer | null
  len: number
}

class SplitHash implements MultiHash {
  private readonly local: LocalHash
  private readonly lanes: Lane[]

  constructor(
    localAlgs: BagAlgorithm[],
    remote: Array<{ worker: HashWorker; algs: BagAlgorithm[] }>,
    private readonly id: number,
  ) {
    this.local = new LocalHash(localAlgs)
    this.lanes = remote.map((r) => ({ ...r, buf: null, len: 0 }))
    for (const lane of this.lanes) lane.worker.start(id, lane.algs)
  }

  async update(chunk: Uint8Array): Promise<void> {
    const held = await this.updateHeld(chunk)
    if (held) await held.release
  }

  async updateHeld(chunk: Uint8Array): Promise<HeldChunk> {
    if (chunk.buffer instanceof SharedArrayBuffer) {
      // No copy: the workers read the reader's own memory. They start before this thread hashes
      // (they carry the heavier algorithms), and the chunk is held until all of them are done.
      for (const lane of this.lanes) this.flush(lane) // bytes staged earlier go first
      const hashed = Promise.all(this.lanes.map((lane) => lane.worker.sendShared(this.id, chunk))).then(
        () => {},
      )
      hashed.catch(() => {}) // the holder awaits it; a worker failure also fails digest()
      await this.local.update(chunk)
      return { release: hashed }
    }
    await this.local.update(chunk)
    for (const lane of this.lanes) {
      let offset = 0
      while (offset < chunk.byteLength) {
        if (!lane.buf) {
          lane.buf = await lane.worker.take()
          lane.len = 0
        }
        const n = Math.min(chunk.byteLength - offset, lane.buf.byteLength - lane.len)
        new Uint8Array(lane.buf, lane.len, n).set(chunk.subarray(offset, offset + n))
        lane.len += n
        offset += n
        if (lane.len === lane.buf.byteLength) this.flush(lane)
      }
    }
  }

  private flush(lane: Lane): void {
    if (lane.buf && lane.len > 0) lane.worker.send(this.id, lane.buf, lane.len)
    else if (lane.buf) lane.worker.give(lane.buf)
    lane.buf = null
    lane.len = 0
  }

  async digest(): Promise<Digests> {
    for (const lane of this.lanes) this.flush(lane)
    const remote = await Promise.all(this.lanes.map((lane) => lane.worker.end(this.id)))
    return Object.assign(await this.local.digest(), ...remote) as Digests
  }

  abandon(): void {
    for (const lane of this.lanes) {
      if (lane.buf) lane.worker.give(lane.buf)
      lane.buf = null
      lane.worker.drop(this.id)
    }
  }
}
