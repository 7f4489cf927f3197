import { createContext, useContext, type ReactNode } from 'react'
import type { ItemCheck } from '../../../shared/package-types'
import { useApi } from '../hooks/use-api'

/**
 * Reviewer mode: what the verification found about each item, so the library, timeline, matrix,
 * details and viewer point at the altered file. Null outside review.
 */
const ReviewChecksContext = createContext<Record<string, ItemCheck> | null>(null)

export function ReviewChecksProvider({ children }: { children: ReactNode }) {
  // the package does not change while it is under review
  const current = useApi('review:current', {}, { refetchOnCaseChange: false })
  return (
    <ReviewChecksContext.Provider value={current.data?.items ?? null}>
      {children}
    </ReviewChecksContext.Provider>
  )
}

/** What the review's verification found about this item; null outside review (or not yet known). */
export function useItemCheck(itemId: string | null | undefined): ItemCheck | null {
  const checks = useContext(ReviewChecksContext)
  return (itemId && checks?.[itemId]) || null
}

/** Every item's check (for lists drawn in one pass, like the timeline); null outside review. */
export function useItemChecks(): Record<string, ItemCheck> | null {
  return useContext(ReviewChecksContext)
}
