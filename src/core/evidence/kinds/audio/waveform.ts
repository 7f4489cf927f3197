/**
 * Waveform peaks of a recording, computed once at import by streaming: ffmpeg decodes the first
 * sound stream to 8 kHz mono 16-bit PCM on a pipe, and each chunk is reduced to peak levels as it
 * arrives. Memory stays bounded whatever the length: when the peaks reach their cap, neighbours
 * are merged and each later peak covers twice the time, so a ten-hour recording needs no
 * duration known in advance and never more than MAX_PEAKS numbers.
 */
import { spawn } from 'node:child_process'
import type { Waveform } from '../../../../shared/kinds'
import { EvidenceError } from '../../../errors'
import { ffmpegPath } from '../../media-tools'

/** Decoding rate: enough for the envelope of speech, cheap to reduce. */
export const PEAK_SAMPLE_RATE = 8000
/** Finest resolution: one peak per 20 ms. */
const FIRST_SAMPLES_PER_PEAK = PEAK_SAMPLE_RATE / 50
/** Peaks kept at most; halved by merging neighbours whenever reached. */
export const MAX_PEAKS = 16_000
/** ffmpeg is stopped when it writes nothing for this long (a hostile or hung input). */
const STALL_MS = 60_000
const FULL_SCALE = 32768

/** Folds PCM chunks into peaks; `samplesPerPeak` doubles whenever MAX_PEAKS is reached. */
export class PeakReducer {
  private readonly peaks: number[] = []
  private samplesPerPeak = FIRST_SAMPLES_PER_PEAK
  private current = 0
  private inCurrent = 0
  private total = 0
  /** an odd byte left over from the previous chunk */
  private carry: number | null = null

  push(chunk: Buffer): void {
    let bytes = chunk
    if (this.carry !== null && bytes.length > 0) {
      this.add(Int16Array.of((bytes[0] << 8) | this.carry), 1)
      this.carry = null
      bytes = bytes.subarray(1)
    }
    const n = bytes.length >> 1
    if (bytes.length % 2 === 1) this.carry = bytes[bytes.length - 1]
    // PCM is little-endian, as is every platform Evidence Desk runs on; copy only when misaligned.
    const view =
      bytes.byteOffset % 2 === 0
        ? new Int16Array(bytes.buffer, bytes.byteOffset, n)
        : new Int16Array(Uint8Array.from(bytes.subarray(0, n * 2)).buffer)
    this.add(view, n)
  }

  /** The loudest of each stretch, a run of samples at a time (the hot loop: no calls per sample). */
  private add(samples: Int16Array, n: number): void {
    let i = 0
    while (i < n) {
      const run = Math.min(n - i, this.samplesPerPeak - this.inCurrent)
      let peak = this.current
      for (let end = i + run; i < end; i++) {
        const v = samples[i]
        const a = v < 0 ? -v : v
        if (a > peak) peak = a
      }
      this.current = peak
      this.inCurrent += run
      this.total += run
      if (this.inCurrent === this.samplesPerPeak) this.close()
    }
  }

  private close(): void {
    this.peaks.push(Math.min(1000, Math.round((this.current * 1000) / FULL_SCALE)))
    this.current = 0
    this.inCurrent = 0
    if (this.peaks.length < MAX_PEAKS) return
    // Merge neighbours: half as many peaks, each covering twice the time.
    for (let j = 0; j < MAX_PEAKS / 2; j++) this.peaks[j] = Math.max(this.peaks[2 * j], this.peaks[2 * j + 1])
    this.peaks.length = MAX_PEAKS / 2
    this.samplesPerPeak *= 2
  }

  result(): Waveform {
    if (this.inCurrent > 0) this.peaks.push(Math.min(1000, Math.round((this.current * 1000) / FULL_SCALE)))
    this.inCurrent = 0
    return {
      version: 1,
      secondsPerPeak: this.samplesPerPeak / PEAK_SAMPLE_RATE,
      decodedSec: Math.round((this.total / PEAK_SAMPLE_RATE) * 1000) / 1000,
      peaks: this.peaks,
    }
  }
}

/**
 * The waveform of the first sound stream of `src` (a file, or an ffmpeg input URL such as a byte
 * range of a package ZIP). A damaged file gives the peaks of what could be decoded and ffmpeg's
 * complaint in `problem`. Rejects with EvidenceError `cancelled` on abort.
 */
export function computeWaveform(
  src: string,
  opts: { signal?: AbortSignal } = {},
): Promise<{ waveform: Waveform; problem: string | null }> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new EvidenceError('cancelled', 'Cancelled before the waveform was started.'))
      return
    }
    const reducer = new PeakReducer()
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', src]
    args.push('-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', String(PEAK_SAMPLE_RATE))
    args.push('-f', 's16le', '-c:a', 'pcm_s16le', 'pipe:1')
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    let stderr = ''
    let stopped: 'stalled' | 'aborted' | null = null
    let stall = setTimeout(() => stop('stalled'), STALL_MS)
    function stop(why: 'stalled' | 'aborted'): void {
      stopped = why
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    const onAbort = (): void => stop('aborted')
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (chunk: Buffer) => {
      clearTimeout(stall)
      stall = setTimeout(() => stop('stalled'), STALL_MS)
      reducer.push(chunk)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 64 * 1024) stderr += text
    })
    const done = (): void => {
      clearTimeout(stall)
      opts.signal?.removeEventListener('abort', onAbort)
    }
    child.on('error', (err) => {
      done()
      reject(err)
    })
    child.on('close', (code) => {
      done()
      if (stopped === 'aborted') {
        reject(new EvidenceError('cancelled', 'Cancelled: the waveform was stopped.'))
        return
      }
      const waveform = reducer.result()
      const complaint = stderr.trim().split('\n').filter(Boolean).slice(-2).join('; ')
      let problem: string | null = null
      if (stopped === 'stalled') problem = `ffmpeg stopped answering after ${waveform.decodedSec} s of sound`
      else if (code !== 0) problem = complaint || `ffmpeg exited with ${code}`
      resolve({ waveform, problem })
    })
  })
}
