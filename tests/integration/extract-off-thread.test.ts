import { request } from 'node:http'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import { extractFile } from '../../src/core/evidence/extract/index'
import { extractOffThread } from '../../src/core/evidence/extract/extract-off-thread'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import { tempDir } from '../support/temp'

/**
 * Issue 11, item 6 (general half): a large file's kind extraction runs on a worker thread, so the
 * process's event loop, which also serves browser mode, keeps answering; cancel ends it at once.
 */

let tmp: ReturnType<typeof tempDir>
beforeAll(() => (tmp = tempDir('extract-off-thread-')))
afterAll(() => tmp.cleanup())

/** An interview record of `pairs` question/answer turns (about 100 bytes each). */
function transcript(path: string, pairs: number): string {
  const lines = ['询问笔录', '询问时间：2021年5月24日9时', '询问地点：某化工有限公司会议室', '']
  for (let i = 1; i <= pairs; i++)
    lines.push(
      `问：第${i}个问题，1号排放口的旁路阀门当时是否关闭？`,
      `答：第${i}个回答，当时已经关闭，没有排放。`,
    )
  writeFileSync(path, lines.join('\n'))
  return path
}

const OPTS = {
  caseTimeZone: 'Asia/Shanghai',
  fileName: '询问笔录.txt',
  sourceMtimeMs: Date.parse('2021-05-24T02:00:00Z'),
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` }, agent: false },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('kind extraction of a large file', () => {
  it('on a worker thread gives exactly what it gives in this thread', async () => {
    const path = transcript(join(tmp.dir, 'same.txt'), 2_000)
    const here = await extractFile(path, OPTS)
    expect(here.kind).toBe('transcript')
    expect(here.turns).toHaveLength(2_000)
    expect(await extractOffThread(path, { ...OPTS, size: 0, inWorker: true })).toEqual(here)
  })

  it('stops at once on cancel, with "cancelled"', async () => {
    const path = transcript(join(tmp.dir, 'cancel.txt'), 50_000)
    const ac = new AbortController()
    const running = extractOffThread(path, { ...OPTS, size: 0, inWorker: true, signal: ac.signal })
    ac.abort()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('one file after another, and after a cancelled one, each gets its own result (workers are reused)', async () => {
    const files = [10, 20, 30].map((n) => transcript(join(tmp.dir, `reuse-${n}.txt`), n))
    for (const path of files)
      expect(await extractOffThread(path, { ...OPTS, size: 0, inWorker: true })).toEqual(
        await extractFile(path, OPTS),
      )
    const ac = new AbortController()
    const cancelledJob = extractOffThread(transcript(join(tmp.dir, 'reuse-cancel.txt'), 50_000), {
      ...OPTS,
      size: 0,
      inWorker: true,
      signal: ac.signal,
    })
    ac.abort()
    await expect(cancelledJob).rejects.toMatchObject({ code: 'cancelled' })
    const after = await extractOffThread(files[1], { ...OPTS, size: 0, inWorker: true })
    expect(after.turns).toHaveLength(20)
  })

  it('leaves browser mode answering requests while it runs', async () => {
    const renderer = join(tmp.dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Evidence Desk</title>')
    mkdirSync(join(tmp.dir, 'data'))
    const backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: '0.0.0-test' })
    const server: BrowserServer = await startBrowserServer({ backend, rendererDir: renderer })
    // about 10 MB: its text and 100,000 turns take a thread seconds to parse
    const path = transcript(join(tmp.dir, '询问笔录.txt'), 100_000)
    try {
      let done = false
      const t0 = performance.now()
      // the size the import passes: the stored object's
      const extracting = extractOffThread(path, { ...OPTS, size: statSync(path).size }).finally(
        () => (done = true),
      )
      // Requests one after another for as long as the extraction runs; the longest wait between
      // two answers is how long the event loop was held. Parsing in this thread would hold it
      // for nearly all of the extraction.
      let answered = 0
      let last = performance.now()
      let longestGap = 0
      while (!done) {
        expect(await get(server.port, '/')).toBe(200)
        const now = performance.now()
        longestGap = Math.max(longestGap, now - last)
        last = now
        answered++
      }
      const result = await extracting
      const extractMs = performance.now() - t0
      expect(result.kind).toBe('transcript')
      expect(result.turns).toHaveLength(100_000)
      expect(answered).toBeGreaterThan(10)
      expect(
        longestGap,
        `longest gap ${longestGap.toFixed(0)} ms in an extraction of ${extractMs.toFixed(0)} ms`,
      ).toBeLessThan(extractMs / 3)
    } finally {
      await server.close()
      await backend.dispose()
    }
  }, 120_000)
})
