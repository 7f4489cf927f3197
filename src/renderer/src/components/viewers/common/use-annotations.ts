import { useCallback, useEffect, useState } from 'react'
import type { AnchorOf, AnnotationType, CitationOf } from '../../../../../shared/citations'
import { isCited, type Annotation, type AnnotationBase } from '../../../../../shared/types'
import { api } from '../../../api'

/** An annotation of one type, with its typed anchor. */
export type AnnotationOf<T extends AnnotationType> = AnnotationBase & CitationOf<T>

export interface ItemAnnotations<T extends AnnotationType> {
  /** this item's annotations of `type`, oldest first, withdrawn ones included (they stay on record) */
  annotations: Array<AnnotationOf<T>>
  loading: boolean
  failure: unknown
  add(anchor: AnchorOf<T>, note: string): Promise<AnnotationOf<T>>
  withdraw(id: string, reason: string): Promise<Annotation>
}

/**
 * One item's citations of one type (regions, time ranges, quotes, data ranges) through the API.
 * Withdrawn ones are kept: a withdrawn citation stays in the record with its reason, so lists can
 * show it struck through. Results are kept with the item they belong to, so a late answer never
 * shows under another item.
 */
export function useAnnotations<T extends AnnotationType>(itemId: string, type: T): ItemAnnotations<T> {
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
    async (anchor: AnchorOf<T>, note: string) => {
      const input = { itemId, type, anchor, note: note.trim() || undefined }
      const a = await api.invoke(
        'annotation:add',
        input as Parameters<typeof api.invoke<'annotation:add'>>[1],
      )
      setLoaded((cur) => ({ id: itemId, list: [...(cur?.id === itemId ? cur.list : []), a] }))
      return a as AnnotationOf<T>
    },
    [itemId, type],
  )
  const withdraw = useCallback(async (id: string, reason: string) => {
    const a = await api.invoke('annotation:withdraw', { id, reason })
    setLoaded((cur) => cur && { ...cur, list: cur.list.map((x) => (x.id === id ? a : x)) })
    return a
  }, [])

  const current = loaded?.id === itemId ? loaded : null
  const annotations = (current?.list ?? [])
    .filter((a): a is AnnotationOf<T> => isCited(a, type))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  return { annotations, loading: current === null, failure: current?.failure ?? null, add, withdraw }
}
