/**
 * An audio item's derived pictures: its waveform peaks (waveform.json, drawn by the viewer) and
 * the waveform as its thumbnail (thumb.jpg, drawn here as SVG and rasterised by sharp). Both are
 * re-creatable and never evidence; written under temporary names and renamed into place.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadSharp } from '../../../util/sharp'
import type { Waveform } from '../../../../shared/kinds'
import { THUMB_PX, tmpName } from '../../derive/pictures'
import type { DerivedFiles, PictureSource } from '../kind-module'
import { computeWaveform } from './waveform'

const THUMB_HEIGHT = 180
/** the audio kind's colour in the renderer, so the thumbnail and the icon agree */
const WAVE_COLOUR = '#08979c'

/** The waveform as an SVG of `width` bars (each the loudest peak under it), mirrored about the middle. */
export function waveformSvg(w: Waveform, width: number, height: number): string {
  const mid = height / 2
  const bars: string[] = []
  const n = w.peaks.length
  for (let x = 0; x < width && n > 0; x++) {
    const from = Math.floor((x * n) / width)
    const to = Math.max(from + 1, Math.floor(((x + 1) * n) / width))
    let peak = 0
    for (let i = from; i < to && i < n; i++) peak = Math.max(peak, w.peaks[i])
    const half = Math.max(0.5, (peak / 1000) * (mid - 6))
    bars.push(`M${x + 0.5} ${(mid - half).toFixed(1)}V${(mid + half).toFixed(1)}`)
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#f0f5f5"/>` +
    `<line x1="0" y1="${mid}" x2="${width}" y2="${mid}" stroke="#b5d6d6" stroke-width="1"/>` +
    `<path d="${bars.join('')}" stroke="${WAVE_COLOUR}" stroke-width="1" fill="none"/></svg>`
  )
}

async function writeAtomically(out: string, data: Buffer | string): Promise<void> {
  const tmp = tmpName(out)
  try {
    await writeFile(tmp, data, { mode: 0o600 })
    await rename(tmp, out)
  } finally {
    await rm(tmp, { force: true })
  }
}

/** waveform.json and thumb.jpg in `outDir`. Never throws for bad content: `problem` says what failed. */
export async function audioPictures(
  src: PictureSource,
  outDir: string,
  ctx: { signal?: AbortSignal },
): Promise<DerivedFiles> {
  if ('bytes' in src) return { files: {}, problem: 'A waveform needs the recording as a file.' }
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  const { waveform, problem } = await computeWaveform(src.path, ctx)
  if (waveform.peaks.length === 0)
    return {
      files: {},
      problem: `No sound could be decoded for a waveform${problem ? ` (${problem})` : ''}.`,
    }
  const json = join(outDir, 'waveform.json')
  const thumb = join(outDir, 'thumb.jpg')
  await writeAtomically(json, JSON.stringify(waveform))
  const sharp = await loadSharp()
  const jpeg = await sharp(Buffer.from(waveformSvg(waveform, THUMB_PX, THUMB_HEIGHT)))
    .jpeg({ quality: 85 })
    .toBuffer()
  await writeAtomically(thumb, jpeg)
  return {
    files: { waveform: json, thumb },
    problem: problem
      ? `Only ${waveform.decodedSec} s of sound could be decoded for the waveform (${problem}).`
      : null,
  }
}
