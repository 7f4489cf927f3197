import { closeSync, mkdirSync, openSync, writeSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Bench, BenchRow } from './bench-types'
import { CaseFile } from '../src/core/case/case-file'
import { importPaths } from '../src/core/evidence/import'
import { getItem, queryItems } from '../src/core/evidence/item-repository'
import { pictureOnRequest } from '../src/core/evidence/pictures-on-request'
import { searchCase } from '../src/core/evidence/search'
import { timeShell } from './timing'
import { assertCliBuilt, runCli } from './cli-run'

const actor = { name: '张三', certNo: '32010001' }
const fields = {
  number: 'BENCH-1',
  title: 'bench',
  cause: '',
  subject: { name: '', creditCode: '', address: '', legalRep: '' },
  unit: '',
  officers: [actor, { name: '李四', certNo: '32010002' }],
  timezone: 'Asia/Shanghai',
}

function newCase(dir: string): CaseFile {
  return CaseFile.create(dir, fields, actor, () => new Date())
}

/** Random bytes (incompressible, like video) written in 8 MiB blocks. */
function writeRandomFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w')
  const block = randomBytes(8 << 20)
  for (let done = 0; done < bytes; done += block.length)
    writeSync(fd, block, 0, Math.min(block.length, bytes - done))
  closeSync(fd)
}

/** Drone-sized JPEGs (4000×3000, noisy, with EXIF); each copy gets its own COM segment so every file is distinct. */
async function makeDroneBatch(dir: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const bases: Buffer[] = []
  for (let i = 0; i < 6; i++) {
    const noise = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 110 + i * 10, sigma: 40 },
      },
    })
      .jpeg({ quality: 85 })
      .withExif({ IFD0: { Make: 'DJI', Model: 'FC6310', DateTime: '2021:05:24 04:03:12' } })
      .toBuffer()
    bases.push(noise)
  }
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]
    const comment = Buffer.from(`bench image ${i}`)
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment])
    writeFileSync(
      join(dir, `DJI_${String(i).padStart(4, '0')}.JPG`),
      Buffer.concat([base.subarray(0, 2), com, base.subarray(2)]),
    )
  }
}

/**
 * Import of one large file vs `cp` + `sync`; a batch of drone JPEGs (store, metadata, thumbnails)
 * vs `cp -r` + `sync` + `exiftool -j` + `vipsthumbnail`; library search on 20,000 items.
 */
export const importBench: Bench = {
  name: 'import',
  async run({ tmpDir, quick, log }) {
    const rows: BenchRow[] = []

    // 1. One big file.
    const size = quick ? 256 << 20 : 1 << 30
    const big = join(tmpDir, 'body-cam.mp4')
    writeRandomFile(big, size)
    // Best of two each, alternating, each starting from a flushed disk: writeback of one run must
    // not be billed to the next.
    let cpMs = Infinity
    let bigMs = Infinity
    for (let run = 0; run < 2; run++) {
      timeShell('sync')
      cpMs = Math.min(cpMs, timeShell(`cp ${big} ${join(tmpDir, `copy-${run}.bin`)} && sync`))
      timeShell(`rm -f ${join(tmpDir, `copy-${run}.bin`)} && sync`)
      const c1 = newCase(join(tmpDir, `case-big-${run}`))
      const t0 = performance.now()
      await importPaths(c1, [big], { actor, clock: () => new Date() })
      bigMs = Math.min(bigMs, performance.now() - t0)
      c1.close()
      timeShell(`rm -rf ${join(tmpDir, `case-big-${run}`)} && sync`)
    }
    rows.push({
      name: `import one ${size >> 20} MiB file`,
      oursMs: bigMs,
      referenceMs: cpMs,
      reference: 'cp + sync',
      goalRatio: 1.25,
      extra: { MBps: Math.round(size / 1e6 / (bigMs / 1000)) },
    })
    log(`big file: ${bigMs.toFixed(0)} ms vs cp+sync ${cpMs.toFixed(0)} ms`)

    // 2. A drone card.
    const count = quick ? 40 : 200
    const card = join(tmpDir, 'card')
    await makeDroneBatch(card, count)
    const refOut = join(tmpDir, 'ref')
    mkdirSync(join(refOut, 'thumbs'), { recursive: true })
    timeShell('sync')
    const refMs = timeShell(
      `cp -r ${card} ${refOut}/copy && sync && exiftool -j -q ${refOut}/copy > ${refOut}/exif.json && vipsthumbnail ${refOut}/copy/*.JPG -s 320 -o ${refOut}/thumbs/%s.jpg`,
    )
    const c2 = newCase(join(tmpDir, 'case-card'))
    timeShell('sync')
    const t0 = performance.now()
    const summary = await importPaths(c2, [card], { actor, clock: () => new Date() })
    const cardMs = performance.now() - t0
    const imported = summary.results.filter((r) => r.status === 'imported').length
    if (imported !== count) throw new Error(`only ${imported} of ${count} imported`)
    // The previews were left for the first look: what that look costs, on the first photo.
    const first = summary.results.find((r) => r.status === 'imported')!
    const t1 = performance.now()
    const preview = await pictureOnRequest(c2, getItem(c2.db, first.id!)!, 'preview')
    const previewMs = performance.now() - t1
    if (!preview) throw new Error('the first photo got no preview on request')
    rows.push({
      name: `import ${count} drone JPEGs (store, metadata, thumbnail; each preview made at its first look)`,
      oursMs: cardMs,
      referenceMs: refMs,
      reference: 'cp -r + sync + exiftool -j + vipsthumbnail',
      goalRatio: 0.8,
      extra: {
        filesPerSec: Math.round(count / (cardMs / 1000)),
        bytesPerFile: readFileSync(join(card, 'DJI_0000.JPG')).length,
        firstLookPreviewMs: Math.round(previewMs),
      },
    })
    c2.close()

    // The same card through the installed command, start-up included (issue 16's goal is end to
    // end), against the same reference run.
    assertCliBuilt()
    const cliCase = join(tmpDir, 'case-card-cli')
    newCase(cliCase).close()
    timeShell('sync')
    const cliMs = runCli(['import', cliCase, card, '--actor', `${actor.name}:${actor.certNo}`], {
      ...process.env,
      LANG: 'en_US.UTF-8',
      EVIDESK_DATA_DIR: join(tmpDir, 'app-data'),
    })
    rows.push({
      name: `e2e: evidesk import, ${count} drone JPEGs (store, metadata, thumbnail)`,
      oursMs: cliMs,
      referenceMs: refMs,
      reference: 'cp -r + sync + exiftool -j + vipsthumbnail',
      goalRatio: 0.8,
      extra: { filesPerSec: Math.round(count / (cliMs / 1000)) },
    })
    log(
      `drone card: ${cardMs.toFixed(0)} ms in-process, ${cliMs.toFixed(0)} ms end to end; reference ${refMs.toFixed(0)} ms`,
    )

    // 3. Search in a 20,000-item library (rows inserted directly: the import path is measured above).
    rows.push(...librarySearch(join(tmpDir, 'case-library'), quick ? 5_000 : 20_000))
    return rows
  },
}

function librarySearch(dir: string, n: number): BenchRow[] {
  const file = newCase(dir)
  const db = file.db
  const insert = db.prepare(
    `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, kind, mime, imported_at, imported_by_name, imported_by_cert_no, captured_at, utc_offset, warnings_json, meta_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const fts = db.prepare('INSERT INTO items_fts (item_id, name, meta, body) VALUES (?, ?, ?, ?)')
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const id = `item-${i}`
      const name = i % 10 === 0 ? `询问笔录_${i}.txt` : `DJI_${String(i).padStart(5, '0')}.JPG`
      const captured = new Date(Date.UTC(2021, 4, 24, 0, 0, i)).toISOString().replace('Z', '+00:00')
      insert.run(
        id,
        i,
        `E${String(i).padStart(3, '0')}`,
        randomBytes(32).toString('hex'),
        1000,
        name,
        `/media/card/${name}`,
        i % 10 === 0 ? 'transcript' : 'image',
        'image/jpeg',
        captured,
        '张三',
        '32010001',
        captured,
        '+08:00',
        '[]',
        '{}',
      )
      fts.run(
        id,
        name,
        'DJI FC6310',
        i % 10 === 0 ? `问：你单位的废气处理设施运行情况？答：第${i}号记录，旁路阀门已关闭。` : '',
      )
    }
  })()
  const time = (fn: () => unknown, runs = 20) => {
    let best = Infinity
    for (let r = 0; r < runs; r++) {
      const t = performance.now()
      fn()
      best = Math.min(best, performance.now() - t)
    }
    return best
  }
  const page = time(() => queryItems(db, { sort: 'captured', limit: 200, offset: Math.floor(n / 2) }))
  const search3 = time(() => queryItems(db, { text: '旁路阀门', limit: 200 }))
  const search2 = time(() => queryItems(db, { text: '笔录', limit: 200 }))
  const caseSearch = time(() => searchCase(db, '旁路阀门', 50))
  const plainScan = time(() =>
    db.prepare("SELECT count(*) FROM items_fts WHERE body LIKE '%旁路阀门%'").get(),
  )
  file.close()
  return [
    {
      name: `library page of 200 (sorted by capture time) in ${n} items`,
      oursMs: page,
      referenceMs: null,
      reference: null,
    },
    {
      name: `full-text search (trigram FTS5) in ${n} items`,
      oursMs: search3,
      referenceMs: plainScan,
      reference: 'SQLite LIKE scan of the same text',
    },
    {
      name: `case-wide search with snippets in ${n} items (${n / 10} transcripts; goal < 50 ms)`,
      oursMs: caseSearch,
      referenceMs: plainScan,
      reference: 'SQLite LIKE scan of the same text',
    },
    {
      name: `2-character search (LIKE fallback) in ${n} items`,
      oursMs: search2,
      referenceMs: plainScan,
      reference: 'SQLite LIKE scan of the same text',
    },
  ]
}
