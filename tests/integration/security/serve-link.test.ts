import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeOpenerPage } from '../../../src/cli/commands/serve'
import { EVIDESK_BIN } from '../../support/cli'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 13: the link `serve` prints held the run's reusable token (`/?token=…`), kept by
 * Chromium's history, and `serve --open` passed it to xdg-open, where `ps` shows it to every
 * local user. Now a link carries a one-time code, and `--open` hands the browser an owner-only
 * file that forwards to a link of its own.
 */

let tmp: ReturnType<typeof tempDir>
beforeAll(() => {
  tmp = tempDir('serve-link-')
})
afterAll(() => tmp.cleanup())

async function exchange(link: string): Promise<number> {
  const url = new URL(link)
  const r = await fetch(new URL('/api/session', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: url.hash.replace(/^#code=/, '') }),
  })
  return r.status
}

describe('serve links', () => {
  it('the opener page is owner-only, in an owner-only folder, and forwards to the link', () => {
    const link = 'http://127.0.0.1:4321/#code=abc_DEF-123'
    const page = writeOpenerPage(link, tmp.dir)
    expect(statSync(page.path).mode & 0o777).toBe(0o600)
    expect(statSync(dirname(page.path)).mode & 0o777).toBe(0o700)
    expect(page.path).not.toContain('abc_DEF')
    expect(readFileSync(page.path, 'utf8')).toContain(`url=${link}"`)
    page.remove()
    expect(existsSync(dirname(page.path))).toBe(false)
  })

  it.skipIf(process.platform !== 'linux')(
    'serve --open puts no usable code in the opener’s arguments, and each link opens one session',
    async () => {
      const bin = join(tmp.dir, 'bin')
      mkdirSync(bin)
      const argsLog = join(tmp.dir, 'opener-args.txt')
      // a stand-in xdg-open that records what it was given, as `ps` would show it
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsLog}'\n`)
      chmodSync(join(bin, 'xdg-open'), 0o755)
      const renderer = join(tmp.dir, 'renderer')
      mkdirSync(renderer)
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
      const child = spawn(process.execPath, [EVIDESK_BIN, 'serve', '--open'], {
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          EVIDESK_DATA_DIR: join(tmp.dir, 'data'),
          EVIDESK_RENDERER_DIR: renderer,
          TMPDIR: tmp.dir,
          LANG: 'en_US.UTF-8',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      try {
        const printed = await new Promise<string>((resolve, reject) => {
          let out = ''
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString()
            const line = out.split('\n')[0]
            if (out.includes('\n')) resolve(line)
          })
          child.on('exit', (code) => reject(new Error(`serve exited ${code}`)))
        })
        expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9_-]{43}$/)
        const deadline = Date.now() + 20_000
        while (!existsSync(argsLog) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        const args = readFileSync(argsLog, 'utf8').trim()
        // what `ps` shows: a file, no link and no code
        expect(args).not.toMatch(/code=|token=|http:/)
        expect(statSync(args).mode & 0o777).toBe(0o600)
        const forwarded = /url=([^"]+)"/.exec(readFileSync(args, 'utf8'))?.[1] as string
        expect(forwarded).toMatch(/#code=/)
        expect(forwarded).not.toBe(printed)
        // the browser's link works once; the printed one works once, on its own
        expect(await exchange(forwarded)).toBe(200)
        expect(await exchange(forwarded)).toBe(401)
        expect(await exchange(printed)).toBe(200)
        expect(await exchange(printed)).toBe(401)
        // the opener file is gone once its link was used
        const gone = Date.now() + 10_000
        while (existsSync(args) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50))
        expect(existsSync(args)).toBe(false)
      } finally {
        child.kill('SIGINT')
        await new Promise((r) => child.once('exit', r))
      }
    },
  )
})
