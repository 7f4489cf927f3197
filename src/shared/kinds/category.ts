/**
 * An item's display category (类别): what a reader calls it, finer than its kind. A still image is
 * a 现场照片 (a phone or camera photo) unless drone XMP or a known drone model says 无人机照片, or it
 * was cut from a video (视频截图); a video is a 执法记录仪视频 unless a drone made it or it was cut
 * from another (视频片段). Computed once at import and stored in `meta.category` (filters and SQL
 * use it); an item recorded before categories existed is classified on read by the same function.
 */
import type { UiLanguage } from '../error-words'
import type { EvidenceKind } from './index'

/** In the glossary's order, which lists, lanes and filters follow. */
export const ITEM_CATEGORIES = [
  'bodycam-video',
  'drone-video',
  'video-clip',
  'audio',
  'scene-photo',
  'drone-photo',
  'video-still',
  'thermal',
  'transcript',
  'monitoring',
  'document',
  'other',
] as const
export type ItemCategory = (typeof ITEM_CATEGORIES)[number]

/** The kind each category belongs to (a category never crosses kinds). */
export const CATEGORY_KIND: Record<ItemCategory, EvidenceKind> = {
  'bodycam-video': 'video',
  'drone-video': 'video',
  'video-clip': 'video',
  audio: 'audio',
  'scene-photo': 'image',
  'drone-photo': 'image',
  'video-still': 'image',
  thermal: 'thermal',
  transcript: 'transcript',
  monitoring: 'monitoring',
  document: 'document',
  other: 'other',
}

// a type, not an interface: the renderer's typed message keys walk into it as a plain object
export type CategoryWords = { one: string; many: string }

/**
 * Each category in both languages, side by side so neither can miss one: Chinese names one item and
 * the category in a list with the same words; English has `one` and `many`.
 */
const CATEGORY_PAIRS: Record<ItemCategory, { 'zh-CN': string; en: CategoryWords }> = {
  'bodycam-video': {
    'zh-CN': '执法记录仪视频',
    en: { one: 'Body-worn recorder video', many: 'Body-worn recorder videos' },
  },
  'drone-video': { 'zh-CN': '无人机视频', en: { one: 'Drone video', many: 'Drone videos' } },
  'video-clip': { 'zh-CN': '视频片段', en: { one: 'Video clip', many: 'Video clips' } },
  audio: { 'zh-CN': '录音', en: { one: 'Audio recording', many: 'Audio recordings' } },
  'scene-photo': { 'zh-CN': '现场照片', en: { one: 'Scene photo', many: 'Scene photos' } },
  'drone-photo': { 'zh-CN': '无人机照片', en: { one: 'Drone photo', many: 'Drone photos' } },
  'video-still': { 'zh-CN': '视频截图', en: { one: 'Video still', many: 'Video stills' } },
  thermal: { 'zh-CN': '红外热成像', en: { one: 'Thermal image', many: 'Thermal images' } },
  transcript: { 'zh-CN': '询问笔录', en: { one: 'Interview record', many: 'Interview records' } },
  monitoring: {
    'zh-CN': '在线监测数据',
    en: { one: 'Online monitoring (CEMS) data', many: 'Online monitoring (CEMS) data' },
  },
  document: { 'zh-CN': '文书', en: { one: 'Document', many: 'Documents' } },
  other: { 'zh-CN': '其他', en: { one: 'Other', many: 'Other' } },
}

function wordsIn(lang: UiLanguage): Record<ItemCategory, CategoryWords> {
  return Object.fromEntries(
    ITEM_CATEGORIES.map((c) => {
      const w = CATEGORY_PAIRS[c][lang]
      return [c, typeof w === 'string' ? { one: w, many: w } : w]
    }),
  ) as Record<ItemCategory, CategoryWords>
}

/** Each category in words: `one` names one item, `many` the category in lists, lanes and filters. */
export const CATEGORY_WORDS: Record<UiLanguage, Record<ItemCategory, CategoryWords>> = {
  'zh-CN': wordsIn('zh-CN'),
  en: wordsIn('en'),
}

export function isItemCategory(v: unknown): v is ItemCategory {
  return typeof v === 'string' && (ITEM_CATEGORIES as readonly string[]).includes(v)
}

type Device = { make: string | null; model: string | null } | null | undefined

/** DJI cameras that do not fly: Osmo (Action, Pocket, Mobile), Ronin; their photos are scene photos. */
const DJI_HANDHELD = /osmo|pocket|action|ronin|^o[tm][-\d]|^ac0\d|^rs\d/i
/** Camera models only drones carry, whatever the make field says (some bodies leave it blank). */
const DRONE_MODEL =
  /^(fc\d{3,4}\w*|l[12]d-\d+c|zh\d+\w*|xt2|xt s|xts|mavic|matrice|phantom|inspire|mini \d|zenmuse|evo\b|anafi|bebop|sequoia|skydio)/i
/** Makers whose cameras are drones (DJI's handhelds aside). */
const DRONE_MAKE = /^(sz )?dji\b|^autel|^parrot|^skydio|^yuneec|^hubsan|^xag\b/i

/** Whether the recorded make/model is a drone's camera (DJI FC…/M…/ZH20/XT2/Mavic/Matrice, Autel, Parrot…). */
export function isDroneDevice(device: Device): boolean {
  if (!device) return false
  const make = (device.make ?? '').trim()
  const model = (device.model ?? '').trim()
  if (/^dji\b|^sz dji/i.test(make) && DJI_HANDHELD.test(model)) return false
  if (make && DRONE_MAKE.test(make)) return true
  // a model alone is trusted only where it cannot be a phone's (M-numbers are phones too without a drone make)
  return model !== '' && !/^m\d/i.test(model) && DRONE_MODEL.test(model)
}

/** Whether `meta.drone` holds any flight or gimbal value read from drone XMP. */
function hasDroneXmp(meta: Record<string, unknown>): boolean {
  const d = meta.drone
  return !!d && typeof d === 'object' && Object.values(d).some((v) => typeof v === 'number')
}

export interface CategoryInput {
  kind: EvidenceKind
  meta: Record<string, unknown>
  device: Device
  /** how a derived item was made (a still, a clip, a comparison of monitoring data) */
  derivedFrom: { operation: string } | null
}

/** The category from what the item's record says, ignoring any stored `meta.category`. */
export function deriveCategory(i: CategoryInput): ItemCategory {
  switch (i.kind) {
    case 'image':
      if (i.derivedFrom?.operation === 'still') return 'video-still'
      return hasDroneXmp(i.meta) || isDroneDevice(i.device) ? 'drone-photo' : 'scene-photo'
    case 'video':
      if (i.derivedFrom?.operation === 'clip') return 'video-clip'
      return isDroneDevice(i.device) ? 'drone-video' : 'bodycam-video'
    case 'audio':
    case 'thermal':
    case 'transcript':
    case 'monitoring':
    case 'document':
    case 'other':
      return i.kind
  }
}

/** The stored category when it is one of the item's kind; otherwise classified now (an item recorded before categories). */
export function categoryOf(i: CategoryInput): ItemCategory {
  const stored = i.meta.category
  if (isItemCategory(stored) && CATEGORY_KIND[stored] === i.kind) return stored
  return deriveCategory(i)
}

/** `categoryOf` on the stored columns (the SQL function `item_category` and the repository use it). */
export function categoryOfStored(
  kind: EvidenceKind,
  metaJson: string | null,
  deviceJson: string | null,
  derivedFromJson: string | null,
): ItemCategory {
  const parse = (s: string | null): unknown => {
    if (!s) return null
    try {
      return JSON.parse(s)
    } catch {
      return null
    }
  }
  const meta = parse(metaJson)
  const derived = parse(derivedFromJson) as { operation?: unknown } | null
  return categoryOf({
    kind,
    meta: meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {},
    device: parse(deviceJson) as Device,
    derivedFrom:
      derived && (derived.operation === 'still' || derived.operation === 'clip')
        ? { operation: derived.operation }
        : null,
  })
}

/** The category in words of `lang`. */
export function categoryLabel(
  category: ItemCategory,
  lang: UiLanguage,
  form: 'one' | 'many' = 'one',
): string {
  return CATEGORY_WORDS[lang][category][form]
}
