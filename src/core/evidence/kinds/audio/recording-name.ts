/**
 * The clock reading in the names phones and recorders give their recordings:
 *   录音 2021-05-24 09-30-15.m4a         (Xiaomi, Huawei recorder apps)
 *   20210524_093015.amr, REC20210524093015.wav, 13800138000_20210524093015.mp3 (call recorders)
 *   Call recording 张三_210524_093015.m4a (Samsung: YYMMDD_HHMMSS)
 *   210524_0930.mp3                     (Sony IC recorders: YYMMDD_HHMM)
 *   录音 2021年5月24日 9时30分15秒.m4a
 * The reading is local wall time with no zone. Unlike body-worn recorder names, what surrounds the
 * time here (录音, a phone number, a contact's name) is never a device id, so none is taken.
 */
import { isValidWallTime, type WallTime } from '../../../../shared/time-zone'
import { parseFilenameTime, type FilenameTime } from '../../extract/filename-time'

/** YYMMDD then HHMMSS or HHMM, joined by _ or -, with no digits on either side. */
const SHORT_STAMP = /(?<!\d)(\d{2})(\d{2})(\d{2})[-_](\d{2})(\d{2})(\d{2})?(?!\d)/
/** 2021年5月24日 9时30分15秒 / 09:30:15 / 9点30分 */
const CHINESE_STAMP = /(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2})[时:点](\d{1,2})(?:分|:)?(?:(\d{1,2})秒?)?/

function wallOf(parts: Array<string | undefined>, yearBase: number): WallTime | null {
  const [y, mo, d, h, mi, s] = parts.map((p) => (p === undefined ? 0 : Number(p)))
  const wall: WallTime = { year: yearBase + y, month: mo, day: d, hour: h, minute: mi, second: s }
  if (wall.year < 1990 || wall.year > 2099 || !isValidWallTime(wall)) return null
  return wall
}

/** The local wall time in a recording's file name, or null when the name holds none. Never throws. */
export function parseRecordingName(fileName: string): FilenameTime | null {
  const full = parseFilenameTime(fileName)
  if (full) return { ...full, deviceId: null }
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '')
  const chinese = CHINESE_STAMP.exec(base)
  if (chinese) {
    const wall = wallOf(chinese.slice(1), 0)
    if (wall) return { wall, deviceId: null, matched: chinese[0] }
  }
  const short = SHORT_STAMP.exec(base)
  if (short) {
    const wall = wallOf(short.slice(1), 2000)
    if (wall) return { wall, deviceId: null, matched: short[0] }
  }
  return null
}
