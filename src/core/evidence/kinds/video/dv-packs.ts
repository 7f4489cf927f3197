/**
 * The recording date and time a DV camera writes into its stream (IEC 61834-4 VAUX packs):
 * ffprobe does not report them. A DIF block is 80 bytes; VAUX blocks (section type 2, the top
 * three bits of the first byte) carry fifteen 5-byte packs from byte 3. Pack 0x62 is REC DATE
 * (BCD day, month, two-digit year), 0x63 REC TIME (BCD seconds, minutes, hours); both are the
 * camera's wall clock. The zone byte is left alone, as ExifTool does: cameras rarely set it.
 */
import type { WallTime } from '../../../../shared/time-zone'
import { isValidWallTime } from '../../../../shared/time-zone'

const bcd = (b: number): number | null => {
  const hi = b >> 4
  const lo = b & 0x0f
  return hi > 9 || lo > 9 ? null : hi * 10 + lo
}

/** Bytes of one PAL DV frame (12 DIF sequences × 150 blocks × 80 bytes); NTSC frames are 120,000. */
export const DV_FRAME_BYTES = { pal: 144_000, ntsc: 120_000 } as const

/** The first REC DATE + REC TIME pair in the VAUX blocks of `b` as a wall time, or null. */
export function dvRecordingTime(b: Buffer): WallTime | null {
  let date: { year: number; month: number; day: number } | null = null
  for (let blk = 0; blk + 80 <= b.length && blk < 80 * 1500; blk += 80) {
    if (b[blk] >> 5 !== 2) continue
    for (let j = 0; j < 15; j++) {
      const p = blk + 3 + j * 5
      const type = b[p]
      if (type === 0x62) {
        const day = bcd(b[p + 2] & 0x3f)
        const month = bcd(b[p + 3] & 0x1f)
        const yy = bcd(b[p + 4])
        date =
          day !== null && month !== null && yy !== null
            ? { year: yy < 90 ? 2000 + yy : 1900 + yy, month, day }
            : null
      } else if (type === 0x63 && date) {
        const second = bcd(b[p + 2] & 0x7f)
        const minute = bcd(b[p + 3] & 0x7f)
        const hour = bcd(b[p + 4] & 0x3f)
        if (second === null || minute === null || hour === null) continue
        const wall: WallTime = { ...date, hour, minute, second }
        return isValidWallTime(wall) ? wall : null
      }
    }
  }
  return null
}

/** PAL (625/50) when the header block's DSF bit is set, else NTSC (525/60). */
export function dvSystem(b: Buffer): 'pal' | 'ntsc' {
  return b.length > 3 && (b[3] & 0x80) !== 0 ? 'pal' : 'ntsc'
}
