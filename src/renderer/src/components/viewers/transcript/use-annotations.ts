import { useCallback, useEffect, useState } from 'react'
import type { Annotation, AnnotationType } from '../../../../../shared/types'
import { api } from '../../../api'

export interface AnnotationsState {
  /** this item's annotations of the type, withdrawn ones included, oldest first */
  annotations: Annotation[]
  failure: unknown
  add(anchor: Record<string, unknown>, note: string): Promise<Annotation>
  withdraw(id: string, reason: string): Promise<Annotation>
}

/**
 * One item's citations of one type (摘录 or 数据区间). Withdrawn ones are kept: a withdrawn citation
 * stays in the record with its reason, so the list can show it struck through.
 */
export function useAnnotations(itemId: string, type: AnnotationType): AnnotationsState {
  const [loaded, setLoaded] = useState<{ id: string; list: Annotation[]; failure?: unknown } | null>(null)

  useEffect(() => {
    let live = true
    api.invoke('annotation:list', { itemId, includeWithdrawn: true }).then(
      (list) => live && setLoaded({ id: itemId, list }),
      (e: unknown) => live && setLoaded({ id: itemId, list: [], failure: e }),
    )
    return () => {
      live = false
    }
  }, [itemId])

  const add = useCallback(
    async (anchor: Record<string, unknown>, note: string) => {
      const a = await api.invoke('annotation:add', { itemId, type, anchor, note: note || undefined })
      setLoaded((cur) => ({ id: itemId, list: [...(cur?.id === itemId ? cur.list : []), a] }))
      return a
    },
    [itemId, type],
  )
  const withdraw = useCallback(async (id: string, reason: string) => {
    const a = await api.invoke('annotation:withdraw', { id, reason })
    setLoaded((cur) => cur && { ...cur, list: cur.list.map((x) => (x.id === id ? a : x)) })
    return a
  }, [])

  const current = loaded?.id === itemId ? loaded : null
  return {
    annotations: (current?.list ?? []).filter((a) => a.type === type),
    failure: current?.failure ?? null,
    add,
    withdraw,
  }
}
