/**
 * Excel date serials → the wall-clock time the cell shows. A serial counts days (the fraction is
 * the time of day) from an epoch and carries no zone: the wall time is read in the case zone by
 * the table builder, like a CSV time cell.
 *
 * - 1900 date system (the default): serial 1 is 1900-01-01, and Excel counts a 29 February 1900
 *   that never was (serial 60, kept from Lotus 1-2-3), so from serial 61 (1900-03-01) on the
 *   days run from 1899-12-30. Serial 60 is no date and is refused.
 * - 1904 date system (old Mac workbooks, workbookPr date1904="1"): serial 0 is 1904-01-01.
 */

const DAY_MS = 86_400_000
/** 1899-12-30 and 1904-01-01, as UTC epochs (the wall time is computed in UTC, then read as local). */
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

/**
 * "2021-05-24 02:00:00" for a serial; "2021-05-24" for a whole day (a date column), "02:00:00" for
 * a time of day alone (below 1, a time column beside a date column); null for serial 60 of the
 * 1900 system, negatives and non-finite values.
 */
export function excelSerialToWallTime(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465.99999) return null
  let days = Math.floor(serial)
  // to the nearest second: a serial's fraction carries float noise (02:00 is 0.08333…)
  let seconds = Math.round((serial - days) * 86_400)
  if (seconds === 86_400) {
    days += 1
    seconds = 0
  }
  let epoch: number
  if (date1904) epoch = EPOCH_1904
  else if (days === 60) return null
  // serials 1–59 count from 1899-12-31 (serial 0 shows as 1900-01-00, read here as 1899-12-31)
  else epoch = days < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900
  const d = new Date(epoch + days * DAY_MS + seconds * 1000)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  if (days === 0) return time
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return seconds === 0 ? date : `${date} ${time}`
}
