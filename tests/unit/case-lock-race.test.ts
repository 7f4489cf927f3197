import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../support/temp'

const CONTENDER = join(__dirname, '..', 'support', 'lock-contender.ts')

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir()))
afterEach(() => tmp.cleanup())

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const onData = (d: Buffer) => {
      text += String(d)
      const nl = text.indexOf('\n')
      if (nl >= 0) {
        child.stdout?.off('data', onData)
        resolve(text.slice(0, nl))
      }
    }
    child.stdout?.on('data', onData)
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`contender exited (${code}) before answering: ${text}`)))
  })
}

/** Starts `n` processes, lets them all try the same lock at once, and counts who holds it. */
async function race(lockPath: string, n: number): Promise<string[]> {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', CONTENDER, lockPath], { stdio: ['pipe', 'pipe', 'inherit'] }),
  )
  try {
    const ready = await Promise.all(children.map(firstLine))
    expect(ready.every((l) => l === 'ready')).toBe(true)
    const answers = children.map(firstLine)
    for (const c of children) c.stdin?.write('go\n')
    return await Promise.all(answers)
  } finally {
    for (const c of children) c.stdin?.end()
    await Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    )
  }
}

describe('single-writer lock under contention', () => {
  it('exactly one of many processes starting at the same instant holds the lock', async () => {
    const outcomes: string[][] = []
    for (let trial = 0; trial < 8; trial++) {
      const answers = await race(join(tmp.dir, `.lock-${trial}`), 6)
      outcomes.push(answers)
    }
    const holders = outcomes.map((a) => a.filter((x) => x === 'held').length)
    expect(holders).toEqual(Array(8).fill(1))
    for (const a of outcomes) for (const x of a) expect(x).toMatch(/^(held|refused case-locked)$/)
  }, 180_000)
})
