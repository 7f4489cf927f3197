import type { Dayjs } from 'dayjs'
import { toIsoWithOffset, zonedWallTimeToInstant } from '../../../../shared/time-zone'
import type { ItemCategory } from '../../../../shared/types'
import type { LibraryQuery } from '../../hooks/use-evidence-pages'
import type { MessageKey } from '../../i18n/keys'

export const SORTS = ['number-asc', 'number-desc', 'captured-asc', 'captured-desc'] as const
export type LibrarySort = (typeof SORTS)[number]

export const SORT_TEXT: Record<LibrarySort, MessageKey> = {
  'number-asc': 'library.sorts.number-asc',
  'number-desc': 'library.sorts.number-desc',
  'captured-asc': 'library.sorts.captured-asc',
  'captured-desc': 'library.sorts.captured-desc',
}

/** What the officer chose in the toolbar; `text` is applied after a pause in typing. */
export interface LibraryFilters {
  text: string
  /** display categories (现场照片, 无人机照片, …) */
  categories: ItemCategory[]
  /** certificate number of the importing officer */
  importedBy: string | null
  /** calendar days as picked, read in the case's time zone */
  dates: [Dayjs, Dayjs] | null
  warnings: boolean
  sort: LibrarySort
}

export const NO_FILTERS: LibraryFilters = {
  text: '',
  categories: [],
  importedBy: null,
  dates: null,
  warnings: false,
  sort: 'number-asc',
}

export function isFiltered(f: LibraryFilters): boolean {
  return (
    f.text.trim() !== '' || f.categories.length > 0 || f.importedBy !== null || f.dates !== null || f.warnings
  )
}

/**
 * A picked calendar day's start or end as an ISO instant with the case zone's offset: the day an
 * officer means is the case's day, whatever zone the computer showing it is set to.
 */
function dayBoundary(day: Dayjs, zone: string, end: boolean): string {
  const wall = {
    year: day.year(),
    month: day.month() + 1,
    day: day.date(),
    hour: end ? 23 : 0,
    minute: end ? 59 : 0,
    second: end ? 59 : 0,
    millisecond: end ? 999 : 0,
  }
  const { ms, offsetMinutes } = zonedWallTimeToInstant(wall, zone)
  return toIsoWithOffset(ms, offsetMinutes)
}

export function toQuery(f: LibraryFilters, zone: string): LibraryQuery {
  const [sort, order] = f.sort.split('-') as ['number' | 'captured', 'asc' | 'desc']
  const q: LibraryQuery = { sort, order }
  const text = f.text.trim()
  if (text) q.text = text
  if (f.categories.length) q.categories = f.categories
  if (f.importedBy) q.importedBy = f.importedBy
  if (f.dates) {
    q.capturedFrom = dayBoundary(f.dates[0], zone, false)
    q.capturedTo = dayBoundary(f.dates[1], zone, true)
  }
  if (f.warnings) q.warning = true
  return q
}
