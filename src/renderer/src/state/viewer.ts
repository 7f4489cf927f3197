/**
 * Which evidence item is open in the full-screen viewer. A tiny store rather than a context, so
 * the library, the timeline, search results and the violations screen can all open an item
 * without threading props through the frame.
 */
import { useSyncExternalStore } from 'react'

let openItemId: string | null = null
const listeners = new Set<() => void>()

function set(id: string | null): void {
  openItemId = id
  for (const l of listeners) l()
}

export const itemViewer = {
  open: (itemId: string) => set(itemId),
  close: () => set(null),
}

export function useOpenItemId(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => openItemId,
  )
}
