import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

/** Where the image sits in the stage: screen pixels per image pixel, and its top-left corner. */
export interface View {
  scale: number
  tx: number
  ty: number
}

export const MAX_SCALE = 16

function fitView(w: number, h: number, cw: number, ch: number): View {
  const scale = Math.min(cw / w, ch / h)
  return { scale, tx: (cw - w * scale) / 2, ty: (ch - h * scale) / 2 }
}

/**
 * Zoom and pan for an image of `w`×`h` upright pixels in the stage element. The view follows
 * the stage size while it is "fit"; once the user zooms or pans it stays where they put it.
 */
export function useZoom(stage: RefObject<HTMLDivElement | null>, w: number, h: number) {
  const [size, setSize] = useState<{ cw: number; ch: number } | null>(null)
  const [view, setView] = useState<View | null>(null)
  const fitted = useRef(true)

  useEffect(() => {
    const el = stage.current
    if (!el) return
    const ro = new ResizeObserver(() => setSize({ cw: el.clientWidth, ch: el.clientHeight }))
    ro.observe(el)
    return () => ro.disconnect()
  }, [stage])

  useEffect(() => {
    if (!size || size.cw === 0 || size.ch === 0) return
    if (fitted.current || !view) setView(fitView(w, h, size.cw, size.ch))
    // view is read only to know whether one exists yet; refitting on every view change would undo zooming
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size, w, h])

  const minScale = size ? Math.min(fitView(w, h, size.cw, size.ch).scale, 1) / 2 : 0.01

  /** Zooms to `next` keeping the image point under (px, py) of the stage where it is. */
  const zoomAt = useCallback(
    (next: number, px?: number, py?: number) => {
      setView((v) => {
        if (!v || !size) return v
        const s = Math.min(MAX_SCALE, Math.max(minScale, next))
        const x = px ?? size.cw / 2
        const y = py ?? size.ch / 2
        fitted.current = false
        return { scale: s, tx: x - ((x - v.tx) * s) / v.scale, ty: y - ((y - v.ty) * s) / v.scale }
      })
    },
    [size, minScale],
  )

  const fit = useCallback(() => {
    if (!size) return
    fitted.current = true
    setView(fitView(w, h, size.cw, size.ch))
  }, [size, w, h])

  const panBy = useCallback((dx: number, dy: number) => {
    fitted.current = false
    setView((v) => (v ? { ...v, tx: v.tx + dx, ty: v.ty + dy } : v))
  }, [])

  // A native listener: React's wheel handler is passive, and the page must not scroll while zooming.
  useEffect(() => {
    const el = stage.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const rect = el.getBoundingClientRect()
      setView((v) => {
        if (!v || !size) return v
        const s = Math.min(MAX_SCALE, Math.max(minScale, v.scale * Math.exp(-e.deltaY * 0.0015)))
        const x = e.clientX - rect.left
        const y = e.clientY - rect.top
        fitted.current = false
        return { scale: s, tx: x - ((x - v.tx) * s) / v.scale, ty: y - ((y - v.ty) * s) / v.scale }
      })
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [stage, size, minScale])

  return { view, zoomAt, fit, panBy, minScale }
}
