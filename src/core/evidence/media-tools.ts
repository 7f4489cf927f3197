/**
 * The ffmpeg and ffprobe binaries that ship inside the npm packages (no download, no system
 * install), and one way to run them: bounded in time, killed on abort, output collected.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { EvidenceError } from '../errors'

const require = createRequire(import.meta.url)

/** Inside a packaged Electron app the binaries live in app.asar.unpacked, not in the archive. */
function unpacked(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

let ffprobeCache: string | null = null
let ffmpegCache: string | null = null

/** Absolute path of the bundled ffprobe (@ffprobe-installer/ffprobe). Throws `not-supported` when the package is missing. */
export function ffprobePath(): string {
  if (ffprobeCache) return ffprobeCache
  try {
    ffprobeCache = unpacked((require('@ffprobe-installer/ffprobe') as { path: string }).path)
  } catch (e) {
    throw new EvidenceError(
      'not-supported',
      'The bundled ffprobe is missing for this platform; videos cannot be read.',
      { cause: e },
    )
  }
  return ffprobeCache
}

/** Absolute path of the bundled ffmpeg (@ffmpeg-installer/ffmpeg). Throws `not-supported` when the package is missing. */
export function ffmpegPath(): string {
  if (ffmpegCache) return ffmpegCache
  try {
    ffmpegCache = unpacked((require('@ffmpeg-installer/ffmpeg') as { path: string }).path)
  } catch (e) {
    throw new EvidenceError(
      'not-supported',
      'The bundled ffmpeg is missing for this platform; posters and proxies cannot be made.',
      { cause: e },
    )
  }
  return ffmpegCache
}

export interface ToolRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
}

export interface RunOptions {
  /** kill the process after this many ms (default 30 s) */
  timeoutMs?: number
  signal?: AbortSignal
  /** called with each complete stdout line as it arrives (for progress) */
  onStdoutLine?: (line: string) => void
  /** cap on collected stdout/stderr characters each (default 8 MiB) */
  maxOutput?: number
}

/**
 * Runs a binary with arguments (no shell) and resolves with its exit status and output; it does
 * not reject on a non-zero exit. Rejects with EvidenceError `cancelled` when `signal` aborts
 * (the process is killed first), and with the spawn error when the binary cannot start.
 */
export function runTool(bin: string, args: string[], opts: RunOptions = {}): Promise<ToolRun> {
  const timeoutMs = opts.timeoutMs ?? 30_000
  const maxOutput = opts.maxOutput ?? 8 * 1024 * 1024
  return new Promise<ToolRun>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new EvidenceError('cancelled', `Cancelled before ${bin} started.`))
      return
    }
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    let stdout = ''
    let stderr = ''
    let lineBuf = ''
    let timedOut = false
    let aborted = false
    const kill = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    const timer = setTimeout(() => {
      timedOut = true
      kill()
    }, timeoutMs)
    const onAbort = (): void => {
      aborted = true
      kill()
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < maxOutput) stdout += chunk
      if (opts.onStdoutLine) {
        lineBuf += chunk
        const lines = lineBuf.split('\n')
        lineBuf = lines.pop() ?? ''
        for (const l of lines) opts.onStdoutLine(l.replace(/\r$/, ''))
      }
    })
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < maxOutput) stderr += chunk
    })
    child.on('error', (err) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      reject(err)
    })
    child.on('close', (code, sig) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (aborted) {
        reject(new EvidenceError('cancelled', `Cancelled: ${bin.replace(/^.*[\\/]/, '')} was stopped.`))
        return
      }
      resolve({ code, signal: sig, stdout, stderr, timedOut })
    })
  })
}
