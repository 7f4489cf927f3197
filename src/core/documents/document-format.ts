/** Wording shared by the transfer documents: times in the case's zone, kinds, sources, citations in words. */
import { citationInWords } from '../../shared/citations'
import { checkInWords, offsetInWords } from '../../shared/clock-offset'
import { categoryLabel } from '../../shared/kinds/category'
import type { EvidenceItem, Officer } from '../../shared/types'
import type { ViolationLink } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { formatLocalWithOffset, zoneOffsetMinutes } from '../../shared/time-zone'

const TIME_SOURCE_LABELS: Record<NonNullable<EvidenceItem['capturedAtSource']>, string> = {
  exif: '取自 EXIF',
  container: '取自视频容器元数据',
  filename: '取自文件名',
  filesystem: '取自文件系统修改时间，可能不准确',
  header: '取自笔录所载询问时间（按案件时区）',
  data: '取自监测数据的时段',
  derived: '取自源视频的画面时刻',
}

/** 类别 of an item as the documents print it: its category (现场照片, 无人机照片, 视频截图, …; shared/kinds/category). */
export function kindLabel(item: Pick<EvidenceItem, 'category'>): string {
  return categoryLabel(item.category, 'zh-CN')
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
  const source =
    item.capturedAtSource === 'derived' && item.derivedFrom
      ? `取自 ${item.derivedFrom.sourceNumber} 的画面时刻`
      : item.capturedAtSource
        ? TIME_SOURCE_LABELS[item.capturedAtSource]
        : '来源未记录'
  const clock = item.clock
  if (clock?.correctedAt)
    // the corrected time is the one the list relies on; the recorded one stays beside it, as the device wrote it
    return `${caseTime(clock.correctedAt, timezone)}（已按设备时钟偏差校正：设备${offsetInWords(clock.offset.offsetMs, 'zh-CN')}，${checkInWords(clock.offset, 'zh-CN', timezone)}；记录时间 ${caseTime(item.capturedAt, timezone)}，${source}）`
  return `${caseTime(item.capturedAt, timezone)}（${source}）`
}

/**
 * An instant as prose in the case's zone, the way 公文 write it: "2021年5月24日2时",
 * "2021年5月24日2时30分" (minutes only when not on the hour).
 */
export function proseTime(iso: string, timezone: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const local = new Date(ms + zoneOffsetMinutes(timezone, ms) * 60_000)
  const min = local.getUTCMinutes()
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours()}时${min ? `${min}分` : ''}`
}

/** A calendar day YYYY-MM-DD as "2026年9月1日"; empty stays empty. */
export function proseDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : day
}

/** "由 E001 截取（静帧）", or "由 E001、E002 比对生成（数据比对）". */
function derivationWords(d: NonNullable<EvidenceItem['derivedFrom']>): string {
  if (d.operation === 'compare') return `由 ${d.sources.map((s) => s.number).join('、')} 比对生成（数据比对）`
  return `由 ${d.sourceNumber} 截取（${d.operation === 'still' ? '静帧' : '片段'}）`
}

/**
 * Where the item came from, for documents that leave this machine: the device when known and the
 * original file name — never a local path of this machine.
 */
export function itemOrigin(item: EvidenceItem): string {
  const parts: string[] = []
  if (item.derivedFrom) parts.push(derivationWords(item.derivedFrom))
  const d = item.device
  if (d) {
    const name = [d.make, d.model].filter(Boolean).join(' ')
    const ids = [d.serial ? `序列号 ${d.serial}` : '', d.id ? `设备编号 ${d.id}` : '']
      .filter(Boolean)
      .join('，')
    const device = [name, ids].filter(Boolean).join('，')
    if (device) parts.push(`设备：${device}`)
  }
  parts.push(`原始文件名：${item.originalName}`)
  return parts.join('；')
}

/** Where the item came from: the device when known, and the path it was imported from (for this machine's own views). */
export function itemSource(item: EvidenceItem): string {
  const parts: string[] = []
  if (item.derivedFrom) {
    parts.push(derivationWords(item.derivedFrom))
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

/**
 * A link's citation in words (shared/citations: the one wording, also on screen), so a reader of
 * the paper can find the cited part without the app; zh-CN, instants in the case's zone.
 */
export function linkAnchorInWords(link: ViolationLink, s: DocumentSources): string {
  const kind = s.packageItems.find((i) => i.id === link.itemId)?.kind ?? null
  return citationInWords(link.annotationType, link.anchor, {
    lang: 'zh-CN',
    timezone: s.info.timezone,
    kind,
    numberOf: (id) => s.packageItems.find((i) => i.id === id)?.number ?? null,
  }).full
}

/** "ab12 cd34 …": a fingerprint in groups of four, as people compare it out of band. */
export function groupedFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ')
}
