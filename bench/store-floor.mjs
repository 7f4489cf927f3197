// What storing small files with Evidence Desk's guarantees costs at the least, without any of its
// records: each file opened read-only without following links, read whole, SHA-256, written to a
// temp file created owner read-only, fsynced, renamed into the two-level content store
// (sha256/ab/cd/<hash>), and that folder fsynced. No database, no metadata, no custody log.
// Two worker threads with blocking calls (one per core here), so nothing waits on promises.
// Usage: node bench/store-floor.mjs <source-folder> <store-folder> [threads]
import { createHash } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { Worker, isMainThread, workerData } from 'node:worker_threads'

if (isMainThread) {
  const [source, store, threads = '2'] = process.argv.slice(2)
  const files = readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
  mkdirSync(join(store, 'tmp'), { recursive: true })
  const n = Number(threads)
  await Promise.all(
    Array.from(
      { length: n },
      (_, w) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { files: files.filter((_, i) => i % n === w), store, w },
          })
          worker.on('error', reject)
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))))
        }),
    ),
  )
} else {
  const { files, store, w } = workerData
  const made = new Set()
  let i = 0
  for (const file of files) {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)
    const size = fstatSync(fd).size
    const buf = Buffer.allocUnsafe(size)
    let got = 0
    for (let n = 1; got < size && n > 0; got += n) n = readSync(fd, buf, got, size - got, got)
    closeSync(fd)
    const sha = createHash('sha256').update(buf.subarray(0, got)).digest('hex')
    const tmp = join(store, 'tmp', `${w}-${i++}.part`)
    const out = openSync(tmp, 'wx', 0o400)
    writeSync(out, buf, 0, got)
    fsyncSync(out)
    closeSync(out)
    const dir = join(store, sha.slice(0, 2), sha.slice(2, 4))
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    renameSync(tmp, join(dir, sha))
    const d = openSync(dir, 'r')
    fsyncSync(d)
    closeSync(d)
  }
}
