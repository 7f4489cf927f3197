/**
 * A large monitoring export in browser mode (issue 11 item 6, CSV half; issue 13): while its
 * hundreds of thousands of rows are parsed, the server keeps answering other requests, and the
 * chart gets a thinned view in which every exceedance stays visible. Real file, real SQLite, real
 * HTTP, the real worker thread.
 */
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backend } from '../../src/core/api/backend'
import { startBrowserServer, type BrowserServer } from '../../src/cli/browser-mode/server'
import { isJobRunning, type JobProgress } from '../../src/shared/jobs'
import type { EvidenceItem, MonitoringView } from '../../src/shared/types'
import { openSession, type TestSession } from '../support/browser-session'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { writeLongCemsCsv, type LongCsvFacts } from '../support/monitoring-csv'
import { tempDir } from '../support/temp'

/** 50,000 time stamps × 2 outlets × 3 factors: about 19 MB, a few seconds of parsing. */
const ROWS = 300_000

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let server: BrowserServer
let session: TestSession
let csv: string
let facts: LongCsvFacts

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const r = await backend.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** One API call over HTTP, as the page makes it. */
function invoke<T>(channel: string, input: unknown = {}): Promise<T> {
  const body = JSON.stringify({ channel, input })
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/invoke',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
          'X-Evidesk-Token': session.token,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
            { ok: true; value: T } | { ok: false; error: { message: string } }
          if (reply.ok) resolve(reply.value)
          else reject(new Error(`${channel}: ${reply.error.message}`))
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

beforeAll(async () => {
  tmp = tempDir('evidesk-monitoring-large-')
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Evidence Desk</title>')
  backend = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'data'), version: 'test' })
  server = await startBrowserServer({ backend, rendererDir: renderer })
  session = await openSession(server)
  await call('profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  await call('case:create', { dir: join(tmp.dir, 'case'), fields: sampleCaseFields() })
  mkdirSync(join(tmp.dir, 'export'))
  csv = join(tmp.dir, 'export', '在线监测-分钟数据.csv')
  facts = writeLongCemsCsv(csv, ROWS, 20_000)
})

afterAll(async () => {
  await server?.close()
  await backend?.dispose()
  tmp?.cleanup()
})

describe('a large monitoring export in browser mode', () => {
  it('imports while the server keeps answering: no pause near the length of the import', async () => {
    const started = performance.now()
    const { taskId } = await call<{ taskId: string }>('import:start', { paths: [csv] })
    // Ask the server again and again over HTTP until the import is done, noting when each answer came.
    const answeredAt: number[] = []
    let answeredWhileRunning = 0
    for (;;) {
      const [job] = await invoke<JobProgress[]>('job:list', { taskId })
      answeredAt.push(performance.now())
      if (!isJobRunning(job)) break
      await invoke('app:info')
      answeredAt.push(performance.now())
      answeredWhileRunning++
    }
    const importMs = performance.now() - started
    const pauses = answeredAt.map((t, i) => t - (i === 0 ? started : answeredAt[i - 1]))
    const longest = Math.max(...pauses)
    console.info(
      `import of ${facts.rows} rows: ${Math.round(importMs)} ms; ${answeredWhileRunning} requests answered meanwhile; longest pause ${Math.round(longest)} ms`,
    )
    // Parsing on the event loop made one pause nearly as long as the whole import (minutes for a
    // million rows); on the worker thread the server answers all along.
    expect(answeredWhileRunning).toBeGreaterThan(10)
    expect(longest).toBeLessThan(importMs / 4)

    const [job] = await call<Array<JobProgress<'import'>>>('job:list', { taskId })
    expect(job.state).toBe('done')
    const { items } = await call<{ items: EvidenceItem[] }>('evidence:list', {})
    expect(items).toHaveLength(1)
    expect(items[0].kind).toBe('monitoring')
    const series = items[0].meta.series as Array<{
      outlet?: string
      pollutant: string
      basis: string
      exceedances: unknown[]
    }>
    expect(series).toHaveLength(12)
    const so2 = series.find(
      (s) => s.outlet === '1号排放口' && s.pollutant === 'SO2' && s.basis === 'converted',
    )!
    expect(so2.exceedances).toHaveLength(facts.so2Outlet1Exceeding.length)
  }, 120_000)

  it('the chart gets a thinned view in which every exceeding minute is drawn, and the figures use every value', async () => {
    const { items } = await call<{ items: EvidenceItem[] }>('evidence:list', {})
    const view = await invoke<MonitoringView>('monitoring:get', { itemId: items[0].id })
    const summary = view.series.find((s) => s.outlet === '1号排放口' && s.pollutant === 'SO2' && s.judged)!
    const drawn = view.points.find(
      (p) => p.outlet === '1号排放口' && p.pollutant === 'SO2' && p.basis === 'converted',
    )!
    expect(summary.points + Object.values(summary.flagged ?? {}).reduce((a, b) => a + b, 0)).toBe(facts.times)
    expect(drawn.thinned).toEqual({ values: facts.times, drawn: drawn.points.length })
    expect(drawn.points.length).toBeLessThan(6000)
    // each exceeding minute is a window of its own, and its value is among the drawn points
    const start = Date.parse('2021-01-01T00:00:00+08:00')
    expect(summary.exceedances.map((w) => Date.parse(w.start))).toEqual(
      facts.so2Outlet1Exceeding.map((minute) => start + minute * 60_000),
    )
    const overLimit = drawn.points.filter(([, v, flag]) => flag === null && v !== null && v > 35)
    expect(overLimit.map(([iso]) => Date.parse(iso))).toEqual(
      facts.so2Outlet1Exceeding.map((minute) => start + minute * 60_000),
    )
    // drawn in time order; flagged values (every 997th minute, D) still drawn as flagged
    const times = drawn.points.map(([iso]) => Date.parse(iso))
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true)
    expect(drawn.points.some(([, , flag]) => flag === 'D')).toBe(true)
    expect(summary.flagged).toEqual({ D: Math.floor(facts.times / 997) })
  }, 120_000)
})
