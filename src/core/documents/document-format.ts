/** Wording shared by the transfer documents: times in the case's zone, kinds, sources, anchors in words. */
import type { AnnotationType, EvidenceItem, EvidenceKind, Officer } from '../../shared/types'
import { formatLocalWithOffset, zoneOffsetMinutes } from '../../shared/time-zone'

const KIND_LABELS: Record<EvidenceKind, string> = {
  video: '执法记录仪视频',
  image: '照片',
  thermal: '红外热成像',
  transcript: '询问笔录',
  monitoring: '在线监测数据',
  document: '书证（电子文档）',
  other: '其他电子数据',
}

const TIME_SOURCE_LABELS: Record<NonNullable<EvidenceItem['capturedAtSource']>, string> = {
  exif: '取自 EXIF',
  container: '取自视频容器元数据',
  filename: '取自文件名',
  filesystem: '取自文件系统修改时间，可能不准确',
}

export function kindLabel(kind: EvidenceKind): string {
  return KIND_LABELS[kind]
}

/** An instant as wall time in the case's zone with the offset: "2026-05-24 09:00:01 +08:00". */
export function caseTime(iso: string, timezone: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return formatLocalWithOffset(iso, zoneOffsetMinutes(timezone, ms))
}

/** A calendar date in the case's zone as documents print it: "2026年5月24日". */
export function caseDate(at: Date, timezone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(timezone, at.getTime()) * 60_000)
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`
}

/** Capture time in the case's zone and where it came from; says so when there is none. */
export function captureTime(item: EvidenceItem, timezone: string): string {
  if (!item.capturedAt) return '未记录拍摄/采集时间'
  const source = item.capturedAtSource ? TIME_SOURCE_LABELS[item.capturedAtSource] : '来源未记录'
  return `${caseTime(item.capturedAt, timezone)}（${source}）`
}

/** Where the item came from: the device when known, and the path it was imported from. */
export function itemSource(item: EvidenceItem): string {
  const parts: string[] = []
  if (item.derivedFrom) {
    parts.push(
      `由 ${item.derivedFrom.sourceNumber} 截取（${item.derivedFrom.operation === 'still' ? '静帧' : '片段'}）`,
    )
  }
  const d = item.device
  if (d) {
    const name = [d.make, d.model].filter(Boolean).join(' ')
    const ids = [d.serial ? `序列号 ${d.serial}` : '', d.id ? `设备编号 ${d.id}` : '']
      .filter(Boolean)
      .join('，')
    const device = [name, ids].filter(Boolean).join('，')
    if (device) parts.push(`设备：${device}`)
  }
  if (!item.derivedFrom) parts.push(`导入自 ${item.sourcePath}`)
  return parts.join('；')
}

export function officerLabel(o: Officer): string {
  return o.certNo ? `${o.name}（执法证号 ${o.certNo}）` : o.name
}

function clock(sec: number): string {
  const s = Math.max(0, sec)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s - h * 3600 - m * 60
  const ss = rest.toFixed(rest % 1 === 0 ? 0 : 1).padStart(rest % 1 === 0 ? 2 : 4, '0')
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${ss}`
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/**
 * A citation's anchor in words, so a reader of the paper can find the cited part without the app:
 * a time range as media time, a region in pixels, a quote with its text, a data range as instants.
 */
export function anchorInWords(
  type: AnnotationType | null,
  anchor: Record<string, unknown> | null,
  timezone: string,
): string {
  if (!type || !anchor) return '整件证据'
  switch (type) {
    case 'time-range': {
      const start = num(anchor.start)
      const end = num(anchor.end)
      if (start === null) break
      return end === null ? `画面时间 ${clock(start)}` : `片段 ${clock(start)}–${clock(end)}`
    }
    case 'region': {
      const [x, y, w, h] = [num(anchor.x), num(anchor.y), num(anchor.w), num(anchor.h)]
      if (x === null || y === null || w === null || h === null) break
      return `画面区域：左上角 (${Math.round(x)}, ${Math.round(y)})，宽 ${Math.round(w)} × 高 ${Math.round(h)} 像素`
    }
    case 'quote': {
      const text = str(anchor.text)
      return text ? `摘录：“${text}”` : '摘录'
    }
    case 'data-range': {
      const pollutant = str(anchor.pollutant) ?? ''
      const start = str(anchor.start)
      const end = str(anchor.end)
      const range = start && end ? `${caseTime(start, timezone)} 至 ${caseTime(end, timezone)}` : ''
      return `数据区间：${[pollutant, range].filter(Boolean).join('，')}`
    }
    case 'measurement': {
      const shape = anchor.shape as { type?: string } | undefined
      const shapeName =
        shape?.type === 'spot'
          ? '点'
          : shape?.type === 'box'
            ? '矩形区域'
            : shape?.type === 'line'
              ? '线'
              : ''
      return `红外测温${shapeName ? `（${shapeName}）` : ''}`
    }
  }
  return '引用'
}

/** "ab12 cd34 …": a fingerprint in groups of four, as people compare it out of band. */
export function groupedFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ')
}
