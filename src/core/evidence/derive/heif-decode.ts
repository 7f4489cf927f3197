/**
 * HEIC/HEIF pictures without a HEVC decoder in libvips: libheif compiled to WebAssembly with
 * libde265 (npm `libheif-js`, its `wasm-bundle` build), run in a worker thread so a 12-megapixel
 * photo (tens of seconds of WASM on a slow machine) never blocks the event loop. The decoder
 * applies the HEIF transformations (irot, imir, clap), so the pixels come out as displayed.
 * Each decode gets its own worker, ended afterwards: WASM memory is returned at once, and a
 * hostile file that hangs the decoder is killed by the time limit.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { EvidenceError } from '../../errors'

const require = createRequire(import.meta.url)

/** Pixels we agree to decode (a 200-megapixel image is 800 MB of RGBA). */
const MAX_PIXELS = 64_000_000

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const libheif = require(workerData.libheif)
parentPort.once('message', ({ bytes, maxPixels }) => {
  let images = []
  const fail = (message) => {
    for (const im of images) im.free()
    parentPort.postMessage({ ok: false, message })
  }
  try {
    images = new libheif.HeifDecoder().decode(new Uint8Array(bytes))
    const image = images.find((im) => im.is_primary()) || images[0]
    if (!image) return fail('the file holds no image libheif can read')
    const width = image.get_width()
    const height = image.get_height()
    if (!(width > 0 && height > 0)) return fail('the image has no size')
    if (width * height > maxPixels) return fail('the image is ' + width + '×' + height + ', too large to decode for a preview')
    const data = new Uint8ClampedArray(width * height * 4)
    image.display({ data, width, height }, (shown) => {
      if (!shown) return fail('libheif could not decode the image')
      for (const im of images) im.free()
      parentPort.postMessage({ ok: true, width, height, rgba: data.buffer }, [data.buffer])
    })
  } catch (e) {
    fail(String((e && e.message) || e))
  }
})
`

export interface DecodedHeif {
  width: number
  height: number
  /** RGBA, 4 bytes a pixel, rows top to bottom, as displayed */
  rgba: Buffer
}

/** Whether the bytes start an ISO BMFF file of a HEIF image brand (heic, heix, mif1, …). */
export function isHeif(head: Buffer): boolean {
  if (head.length < 12 || head.toString('latin1', 4, 8) !== 'ftyp') return false
  const brand = head.toString('latin1', 8, 12)
  return ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)
}

/**
 * Decodes the primary image of a HEIF file in a worker. Rejects with an Error naming what failed
 * (never a path: the caller names the file), EvidenceError `cancelled` on abort.
 */
export function decodeHeif(
  bytes: Buffer,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<DecodedHeif> {
  const timeoutMs = opts.timeoutMs ?? 180_000
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new EvidenceError('cancelled', 'Cancelled before decoding.'))
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { libheif: require.resolve('libheif-js/wasm-bundle') },
      // libheif prints its parse errors; the rejection carries them, the console does not need to
      stdout: true,
      stderr: true,
    })
    worker.stdout.resume()
    worker.stderr.resume()
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      fn()
    }
    const timer = setTimeout(
      () => finish(() => reject(new Error(`the HEIF decoder did not finish within ${timeoutMs / 1000} s`))),
      timeoutMs,
    )
    const onAbort = (): void =>
      finish(() => reject(new EvidenceError('cancelled', 'HEIF decoding was cancelled.')))
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    worker.on(
      'message',
      (m: { ok: boolean; message?: string; width?: number; height?: number; rgba?: ArrayBuffer }) =>
        finish(() =>
          m.ok && m.rgba && m.width && m.height
            ? resolve({ width: m.width, height: m.height, rgba: Buffer.from(m.rgba) })
            : reject(new Error(m.message ?? 'the HEIF decoder failed')),
        ),
    )
    worker.on('error', (e) => finish(() => reject(new Error(`the HEIF decoder failed: ${e.message}`))))
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the HEIF decoder stopped (exit code ${code}) before it finished`))),
    )
    const copy = new Uint8Array(bytes).buffer
    worker.postMessage({ bytes: copy, maxPixels: MAX_PIXELS }, [copy])
  })
}
