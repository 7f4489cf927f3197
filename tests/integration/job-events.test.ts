/**
 * Long work as a page sees it over the browser-mode transport: an import of many files sends each
 * per-file result once (never the whole list again on every event), and a playback copy that
 * cannot be made is reported with its reason. Real files, real SQLite, real ffmpeg, real HTTP.
 */
import { request, type ClientRequest } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import type { JobProgress, JobUpdate } from '../../src/shared/jobs'
import type { EvidenceItem } from '../../src/shared/types'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { makeBodycamMp4, makeFramelessAvi } from '../support/media'
import { openSession } from '../support/browser-session'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let server: BrowserServer

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const r = await backend.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** The page's event stream: every `job:progress` event as it came over the wire, and its size in bytes. */
async function openEventStream(): Promise<{
  events: Array<{ update: JobUpdate; bytes: number }>
  close(): void
}> {
  // as the page does: the link's code traded for a session, whose read key opens the stream
  const { readKey } = await openSession(server)
  const events: Array<{ update: JobUpdate; bytes: number }> = []
  let req!: ClientRequest
  await new Promise<void>((resolve, reject) => {
    req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/events?k=${readKey}`,
        headers: { Host: `127.0.0.1:${server.port}` },
        agent: false,
      },
      (res) => {
        expect(res.statusCode).toBe(200)
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          if (buffer.startsWith('retry:')) resolve()
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end + 2)
            buffer = buffer.slice(end + 2)
            const m = /^event: job:progress\ndata: (.*)\n\n$/.exec(block)
            if (m) events.push({ update: JSON.parse(m[1]) as JobUpdate, bytes: Buffer.byteLength(block) })
          }
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
  return { events, close: () => req.destroy() }
}

beforeEach(async () => {
  tmp = tempDir('evidesk-job-events-')
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Evidence Desk</title>')
  backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test' })
  server = await startBrowserServer({ backend, rendererDir: renderer })
  await call('profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  await call('case:create', { dir: join(tmp.dir, 'case'), fields: sampleCaseFields() })
})

afterEach(async () => {
  await server.close()
  await backend.dispose()
  tmp.cleanup()
})

describe('job progress over the event stream', () => {
  it('an import of 400 files sends each result once: the events weigh about one copy of the list', async () => {
    const card = join(tmp.dir, 'card')
    mkdirSync(card)
    const n = 400
    for (let i = 0; i < n; i++)
      writeFileSync(
        join(card, `询问笔录-${i}.txt`),
        `问：第${i}次询问的时间？\n答：2021年5月24日凌晨，编号${i}。\n`,
      )
    const stream = await openEventStream()
    const { taskId } = await call<{ taskId: string }>('import:start', { paths: [card] })
    await backend.idle()
    const [job] = await call<Array<JobProgress<'import'>>>('job:list', { taskId })
    // the final event is written to the socket by now; wait for it to arrive
    await expect
      .poll(() => stream.events.some((e) => e.update.job.taskId === taskId && e.update.job.state === 'done'))
      .toBe(true)
    stream.close()

    const mine = stream.events.filter((e) => e.update.job.taskId === taskId)
    expect(job.state).toBe('done')
    expect(job.results).toHaveLength(n)
    expect(job.results.filter((r) => r.status === 'imported')).toHaveLength(n)
    // every result crossed the wire exactly once, in the order the list has them
    expect(mine.flatMap((e) => e.update.added as unknown[])).toEqual(job.results)
    // many events (the drawer moves while it runs), none of them carrying the list again
    expect(mine.length).toBeGreaterThan(5)
    const listBytes = Buffer.byteLength(JSON.stringify(job.results))
    const eventBytes = mine.reduce((sum, e) => sum + e.bytes, 0)
    const statusBytes = mine.length * 1024
    expect(eventBytes).toBeLessThan(listBytes + statusBytes)
    // what resending the list on every event (as before) would have cost, for the log only: how many
    // events there are depends on how fast the files are recorded (in growing batches), not on this
    const resent = mine.reduce(
      (sum, e) => sum + Buffer.byteLength(JSON.stringify(job.results.slice(0, e.update.job.resultCount))),
      0,
    )
    console.info(
      `import of ${n} files: ${mine.length} events, ${eventBytes} bytes over SSE; the list itself is ${listBytes} bytes; resending it per event would be ${resent} bytes`,
    )
  }, 180_000)
})

describe('playback copies', () => {
  it('a copy that cannot be made is reported as the job result with ffmpeg’s reason, and the item says failed', async () => {
    const card = join(tmp.dir, 'card')
    mkdirSync(card)
    makeFramelessAvi(card)

    await call('import:start', { paths: [card] })
    await backend.idle()
    const jobs = await call<JobProgress[]>('job:list')
    const proxy = jobs.find((j) => j.kind === 'proxy') as JobProgress<'proxy'> | undefined
    const { items } = await call<{ items: EvidenceItem[] }>('evidence:list', {})
    expect(items).toHaveLength(1)
    expect(proxy).toMatchObject({ state: 'done', filesTotal: 1, filesDone: 1, resultCount: 1 })
    expect(proxy!.results).toEqual([
      {
        itemId: items[0].id,
        number: items[0].number,
        status: 'failed',
        error: expect.objectContaining({
          code: 'not-supported',
          message: expect.stringContaining('could not be made'),
        }),
      },
    ])
    // ffmpeg's own words are kept for the details
    expect(proxy!.results[0].error?.detail).toBeTruthy()
    expect(items[0].derived.proxy).toBe('failed')
  }, 120_000)

  it('a case whose videos all play needs no copies, and no proxy job appears', async () => {
    const card = join(tmp.dir, 'card')
    mkdirSync(card)
    makeBodycamMp4(card)
    await call('import:start', { paths: [card] })
    await backend.idle()
    const jobs = await call<JobProgress[]>('job:list')
    expect(jobs.map((j) => [j.kind, j.state])).toEqual([['import', 'done']])
  }, 120_000)
})
