/** An item's category in words (现场照片, 无人机照片, 视频截图, …), apart from the registry so kind modules may use it. */
import type { TFunction } from 'i18next'
import type { EvidenceItem, ItemCategory } from '../../../shared/types'

const words = <C extends ItemCategory>(c: C) =>
  ({ one: `category.${c}.one`, many: `category.${c}.many` }) as const
/** the category's label keys (typed: a key missing from either language does not compile) */
const CATEGORY_TEXT: { [C in ItemCategory]: { one: `category.${C}.one`; many: `category.${C}.many` } } = {
  'bodycam-video': words('bodycam-video'),
  'drone-video': words('drone-video'),
  'video-clip': words('video-clip'),
  audio: words('audio'),
  'scene-photo': words('scene-photo'),
  'drone-photo': words('drone-photo'),
  'video-still': words('video-still'),
  thermal: words('thermal'),
  transcript: words('transcript'),
  monitoring: words('monitoring'),
  document: words('document'),
  other: words('other'),
}

/**
 * What a reader calls an item, finer than its kind (现场照片, 无人机照片, 视频截图, 视频片段, …):
 * the category stored at import or classified on read (shared/kinds/category).
 */
export function categoryLabel(t: TFunction, category: ItemCategory, form: 'one' | 'many' = 'one'): string {
  return t(CATEGORY_TEXT[category][form])
}

/** An item's category in words (see `categoryLabel`). */
export function itemLabel(t: TFunction, item: Pick<EvidenceItem, 'category'>): string {
  return categoryLabel(t, item.category)
}
