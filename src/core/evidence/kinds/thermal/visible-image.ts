/**
 * The visible-light photo a FLIR camera embeds beside the thermal image, as a JPEG any viewer
 * can show. Most cameras embed a JPEG, kept byte for byte; some (FLIR b60 and kin) embed a PNG
 * whose R, G and B channels hold Y, Cb and Cr, which is converted to RGB here.
 */
import { loadSharp } from '../../../util/sharp'
import type { FlirVisible } from './flir'

export type VisibleJpeg = { jpeg: Buffer; width: number; height: number } | { problem: string }

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v))

/**
 * Full-range BT.601 YCbCr → RGB in place (the JFIF equations, ITU-T T.871 §7), 3 bytes a pixel.
 * FLIR's PNG holds full-range values (Y reaches 0 and 255 in the samples), so no studio-range scaling.
 */
export function ycbcrToRgbInPlace(px: Uint8Array): void {
  for (let i = 0; i + 2 < px.length; i += 3) {
    const y = px[i]
    const cb = px[i + 1] - 128
    const cr = px[i + 2] - 128
    px[i] = clamp(y + 1.402 * cr)
    px[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr)
    px[i + 2] = clamp(y + 1.772 * cb)
  }
}

/** The embedded photo as JPEG with its pixel size; `problem` (English) when it cannot be shown. Never throws. */
export async function visibleAsJpeg(v: FlirVisible): Promise<VisibleJpeg> {
  try {
    const sharp = await loadSharp()
    if (v.mime === 'image/jpeg') {
      // Kept as the camera wrote it; sharp only reads its size (and proves it decodes).
      const meta = await sharp(v.data).metadata()
      if (!meta.width || !meta.height) return { problem: 'the embedded JPEG has no readable size' }
      return { jpeg: v.data, width: meta.width, height: meta.height }
    }
    if (v.mime === 'image/png') {
      const { data, info } = await sharp(v.data).removeAlpha().raw().toBuffer({ resolveWithObject: true })
      if (info.channels !== 3) return { problem: `the embedded PNG has ${info.channels} channels, not 3` }
      if (v.colorModel !== 'rgb') ycbcrToRgbInPlace(data)
      const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer()
      return { jpeg, width: info.width, height: info.height }
    }
    return { problem: 'the embedded image is neither JPEG nor PNG' }
  } catch (err) {
    return { problem: `the embedded image does not decode (${(err as Error).message})` }
  }
}
