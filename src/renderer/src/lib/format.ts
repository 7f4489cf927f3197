import type { TFunction } from 'i18next'

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** Bytes in binary units with at most one decimal ("1.4 MB"); what officers compare with their file manager. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toFixed(digits)} ${UNITS[unit]}`
}

/** Bytes per second as MB/s, the unit the brief and copy dialogs use. */
export function formatSpeed(bytesPerSec: number): string {
  return `${(bytesPerSec / 1024 / 1024).toFixed(1)} MB/s`
}

/** Seconds as a short duration in words ("2 分 05 秒" / "2 min 05 s"). */
export function formatDuration(totalSec: number, t: TFunction): string {
  const s = Math.max(0, Math.round(totalSec))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  // "1 小时", not "1 小时 00 分 00 秒": a monitoring interval is usually whole
  const parts: string[] = []
  if (h > 0) parts.push(t('format.h', { h }))
  if (m > 0) parts.push(t('format.m', { m }))
  if (sec > 0 || parts.length === 0) parts.push(t('format.s', { s: sec }))
  return parts.join(' ')
}

/** Decimal degrees to six places at most (about 0.1 m), the form maps and GIS tools accept when pasted. */
export function formatCoordinate(value: number): string {
  return formatNumber(value, 6)
}

/** A number for a table of facts: trailing zeros dropped, at most `digits` decimals. */
export function formatNumber(value: number, digits = 2): string {
  return Number(value.toFixed(digits)).toString()
}

/** The last segment of a path from the backend's machine (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** Everything before the last segment, without the trailing separator. */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return i > 0 ? path.slice(0, i) : ''
}
