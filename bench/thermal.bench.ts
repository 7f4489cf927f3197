/**
 * Thermal conversion cost on a real 640×512 frame (DJI Zenmuse XT2, FLIR format):
 * - toCelsius (one lookup table per frame, then a table read per pixel) — goal < 20 ms;
 * - the same model evaluated per pixel without a table (log and divides per pixel);
 * both against a plain loop doing one multiply-add per pixel over the same array, which is
 * the floor for any per-pixel pass. And the PNG raw-image decode we chose (Node zlib plus our
 * own unfilter) against sharp/libvips on the largest PNG fixture (FLIR T640, 640×480).
 */
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { decodeFlirPng, parseFlirJpeg } from '../src/core/evidence/kinds/thermal/flir'
import { objectSignalTransform, toCelsius } from '../src/core/evidence/kinds/thermal/radiometry'
import type { Bench, BenchRow } from './bench-types'
import { bestOf } from './timing'

const MEDIA = '/work/shared/fixtures/media'

/** The raw PNG inside a FLIR JPEG: join the FLIR APP1 payloads, then cut from the PNG signature to IEND. */
function rawPngOf(file: string): Buffer {
  const jpeg = readFileSync(file)
  const parts: Buffer[] = []
  let i = 2
  while (i + 4 <= jpeg.length && jpeg[i + 1] !== 0xda) {
    const len = jpeg.readUInt16BE(i + 2)
    if (jpeg[i + 1] === 0xe1 && jpeg.toString('latin1', i + 4, i + 9) === 'FLIR\0')
      parts.push(jpeg.subarray(i + 12, i + 2 + len))
    i += 2 + len
  }
  const fff = Buffer.concat(parts)
  const at = fff.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const end = fff.indexOf(Buffer.from('IEND'), at)
  if (at < 0 || end < 0) throw new Error(`no raw PNG in ${file}`)
  return fff.subarray(at, end + 8)
}

/**
 * Best wall-clock ms of each function over `runs` rounds, taking turns so that background load
 * and garbage collection fall on all of them alike.
 */
function interleavedBest(runs: number, fns: Array<() => unknown>): number[] {
  const best = fns.map(() => Infinity)
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now()
      fn()
      best[k] = Math.min(best[k], performance.now() - t0)
    })
  }
  return best
}

export const thermalBench: Bench = {
  name: 'thermal',
  async run({ quick, log }) {
    const rows: BenchRow[] = []
    const runs = quick ? 5 : 30
    const xt2 = parseFlirJpeg(readFileSync(`${MEDIA}/DJI_XT2.jpg`))
    if (!xt2.raw || !xt2.params) throw new Error('DJI_XT2.jpg did not parse')
    const raw = xt2.raw.data
    const params = xt2.params
    const pixels = raw.length

    const { gain, offset } = objectSignalTransform(params)
    const r1r2 = params.planckR1 / params.planckR2
    const { planckB: b, planckO: o, planckF: f } = params
    const [baseline, lut, direct] = interleavedBest(runs, [
      // Baseline: one multiply-add per pixel over the same array into a new Float32Array, as
      // toCelsius returns one (first touch of fresh memory is part of every variant's cost).
      () => {
        const out = new Float32Array(pixels)
        for (let i = 0; i < pixels; i++) out[i] = raw[i] * 0.04 - 273.15
        return out
      },
      () => toCelsius(raw, params),
      // The same model evaluated per pixel with no table: a log and two divides each.
      () => {
        const out = new Float32Array(pixels)
        for (let i = 0; i < pixels; i++)
          out[i] = b / Math.log(r1r2 / (gain * raw[i] - offset + o) + f) - 273.15
        return out
      },
    ])
    rows.push({
      name: `°C for a ${xt2.raw.width}×${xt2.raw.height} frame (toCelsius, lookup table)`,
      oursMs: lut,
      referenceMs: baseline,
      reference: 'plain loop, one multiply-add per pixel',
      extra: { goalMs: 20, goalMet: lut < 20 ? 'yes' : 'NO', pixels },
    })
    rows.push({
      name: `°C for a ${xt2.raw.width}×${xt2.raw.height} frame (Planck inversion per pixel, no table)`,
      oursMs: direct,
      referenceMs: baseline,
      reference: 'plain loop, one multiply-add per pixel',
      extra: { pixels },
    })
    log(
      `toCelsius ${lut.toFixed(2)} ms, per-pixel inversion ${direct.toFixed(2)} ms, baseline ${baseline.toFixed(2)} ms`,
    )

    // PNG decode: our zlib path against sharp on the same bytes.
    const png = rawPngOf(`${MEDIA}/FLIR_T640.jpg`)
    const [ours] = interleavedBest(runs, [() => decodeFlirPng(png, true)])
    const vips = await bestOf(runs, () =>
      sharp(png).toColourspace('grey16').raw({ depth: 'ushort' }).toBuffer(),
    )
    rows.push({
      name: 'decode FLIR T640 raw PNG 640×480 16-bit (zlib + own unfilter)',
      oursMs: ours,
      referenceMs: vips,
      reference: "sharp(png).toColourspace('grey16').raw({depth:'ushort'})",
    })
    log(`PNG decode ours ${ours.toFixed(2)} ms, sharp ${vips.toFixed(2)} ms`)
    return rows
  },
}
