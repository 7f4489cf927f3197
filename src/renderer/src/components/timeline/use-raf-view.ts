import { useCallback, useEffect, useRef } from 'react'
import type { View } from './time-scale'

/**
 * Coalesces view changes to one per animation frame: wheel and pointer events arrive faster
 * than the lanes can be redrawn. Each update applies to the latest view, pending or shown, so
 * fast wheel turns add up rather than being lost.
 */
export function useRafView(view: View, onView: (v: View) => void): (update: (v: View) => View) => void {
  const shown = useRef(view)
  const pending = useRef<View | null>(null)
  const frame = useRef(0)
  useEffect(() => {
    shown.current = view
  }, [view])
  useEffect(() => () => cancelAnimationFrame(frame.current), [])
  return useCallback(
    (update: (v: View) => View) => {
      pending.current = update(pending.current ?? shown.current)
      if (frame.current) return
      frame.current = requestAnimationFrame(() => {
        frame.current = 0
        const next = pending.current
        pending.current = null
        if (!next) return
        shown.current = next
        onView(next)
      })
    },
    [onView],
  )
}
