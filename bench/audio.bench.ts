/**
 * The waveform of a long recording (issue 10 §6): our streaming peaks (ffmpeg decoding to an
 * 8 kHz mono PCM pipe, reduced as it arrives) against `ffmpeg -i x -f null -`, which decodes the
 * same file and throws the sound away — the floor for anything that must hear every second.
 * Inputs are made here: a minute encoded, then repeated without re-encoding.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { ffmpegPath } from '../src/core/evidence/media-tools'
import { computeWaveform } from '../src/core/evidence/kinds/audio/waveform'
import type { Bench, BenchRow } from './bench-types'

function ffmpeg(args: string[]): void {
  execFileSync(ffmpegPath(), ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: 'ignore',
  })
}

/** `minutes` of a recording: one minute of `source` encoded with `codec`, repeated by stream copy. */
function longRecording(dir: string, name: string, minutes: number, source: string, codec: string[]): string {
  const minute = join(dir, `minute-${name}`)
  ffmpeg(['-f', 'lavfi', '-i', source, '-t', '60', ...codec, minute])
  const out = join(dir, name)
  ffmpeg(['-stream_loop', String(minutes - 1), '-i', minute, '-c', 'copy', out])
  return out
}

/** Best of `runs` for ours and the reference, taking turns so that background load falls on both alike. */
async function turns(
  runs: number,
  ours: () => Promise<unknown>,
  reference: () => unknown,
): Promise<[number, number]> {
  let [a, b] = [Infinity, Infinity]
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now()
    await ours()
    a = Math.min(a, performance.now() - t0)
    t0 = performance.now()
    reference()
    b = Math.min(b, performance.now() - t0)
  }
  return [a, b]
}

export const audioBench: Bench = {
  name: 'audio',
  async run({ tmpDir, quick, log }) {
    const rows: BenchRow[] = []
    const cases = [
      {
        label: quick ? '1 h' : '10 h',
        name: 'long.mp3',
        minutes: quick ? 60 : 600,
        source: 'sine=f=300:sample_rate=8000',
        codec: ['-ac', '1', '-c:a', 'libmp3lame', '-b:a', '8k'],
        what: 'MP3 8 kHz mono 8 kbit/s',
      },
      {
        label: quick ? '10 min' : '1 h',
        name: 'phone.m4a',
        minutes: quick ? 10 : 60,
        source: 'sine=f=440:sample_rate=44100',
        codec: ['-ac', '2', '-c:a', 'aac', '-b:a', '96k'],
        what: 'AAC 44.1 kHz stereo 96 kbit/s',
      },
    ]
    for (const c of cases) {
      const path = longRecording(tmpDir, c.name, c.minutes, c.source, c.codec)
      log(`${c.label} ${c.what} made; timing`)
      let peaks = 0
      const [ours, reference] = await turns(
        2,
        async () => {
          const { waveform } = await computeWaveform(path)
          peaks = waveform.peaks.length
        },
        () => ffmpeg(['-i', path, '-f', 'null', '-']),
      )
      rows.push({
        name: `waveform of a ${c.label} recording (${c.what})`,
        oursMs: ours,
        referenceMs: reference,
        reference: 'ffmpeg -i x -f null -',
        extra: { peaks, realTimeFactor: Math.round((c.minutes * 60_000) / ours) },
      })
    }
    return rows
  },
}
